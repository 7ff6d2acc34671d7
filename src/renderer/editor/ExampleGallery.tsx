import './example-gallery.css';
import { memo, useMemo } from 'react';
import { descriptionOf, groupByConcept, whereToLook } from '../examples/concepts';
import { examples } from '../examples/examples';

export interface ExampleGalleryProps {
  onOpen(fileName: string): void;
}

/** The templates grouped by the concept they demonstrate, each with its explanation and where to look. */
export const ExampleGallery = memo(function ExampleGallery({ onOpen }: ExampleGalleryProps) {
  const groups = useMemo(() => groupByConcept(examples), []);
  return (
    <div className="bs-gallery">
      {groups.map(({ concept, examples: members }) => (
        <section key={concept.id} className="bs-gallery__group" aria-labelledby={`bs-concept-${concept.id}`}>
          <header className="bs-gallery__head">
            <h3 id={`bs-concept-${concept.id}`}>{concept.title}</h3>
            {concept.blurb && <p>{concept.blurb}</p>}
          </header>
          <ul className="bs-gallery__list">
            {members.map((example) => (
              <li key={example.fileName}>
                <button type="button" className="bs-gallery__item" onClick={() => onOpen(example.fileName)}>
                  <span className="bs-gallery__name">{example.title}</span>
                  <span className="bs-gallery__concept">{concept.title}</span>
                  <span className="bs-gallery__description">{descriptionOf(example)}</span>
                  {whereToLook[example.fileName] && (
                    <span className="bs-gallery__look">{whereToLook[example.fileName]}</span>
                  )}
                  <span className="bs-gallery__file">{example.fileName}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
});

import type { ChangeEvent } from 'react';
import { examples } from '../examples/examples';
import { useSession } from '../stores/session-context';

export function ExamplePicker() {
  const selected = useSession((s) => s.source?.exampleFileName ?? '');
  const openExample = useSession((s) => s.openExample);

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    void openExample(event.target.value);
  };

  return (
    <label className="field">
      <span className="field-label">Example</span>
      <select id="example" className="select" value={selected} onChange={onChange}>
        <option value="" disabled>
          Choose an example…
        </option>
        {examples.map((example) => (
          <option key={example.fileName} value={example.fileName}>
            {example.title}
          </option>
        ))}
      </select>
    </label>
  );
}

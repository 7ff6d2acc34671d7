import { ExamplePicker } from './ExamplePicker';
import { OpenFileButton } from './OpenFileButton';

export function ModelToolbar() {
  return (
    <section className="toolbar" aria-label="Model">
      <ExamplePicker />
      <span className="toolbar-or">or</span>
      <OpenFileButton />
    </section>
  );
}

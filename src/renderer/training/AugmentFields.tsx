import { memo } from 'react';
import type { AugmentJson, TrainingJson } from '../../core/graph/training';
import { CheckSetting } from './CheckSetting';
import { NumberSetting } from './NumberSetting';
import { withAugmentFields } from './training-edits';
import type { EditTraining } from './useTrainingSection';

type NumberKey = 'shift' | 'rotation' | 'scale' | 'crop' | 'noise' | 'blur';
type FlipKey = 'flipHorizontal' | 'flipVertical';

const numbers: { key: NumberKey; label: string; help: string }[] = [
  { key: 'shift', label: 'Shift', help: 'Largest move, as a fraction of the width and height (0.1 = 10%).' },
  { key: 'rotation', label: 'Rotation', help: 'Largest turn either way, in degrees.' },
  { key: 'scale', label: 'Zoom', help: 'Largest zoom in or out: 0.1 draws a factor from 0.9 to 1.1.' },
  { key: 'crop', label: 'Crop', help: 'Smallest share of each side a random crop keeps, resized back (0.8 to 1).' },
  { key: 'noise', label: 'Noise', help: 'Standard deviation of Gaussian noise added to each pixel.' },
  { key: 'blur', label: 'Blur', help: 'Largest Gaussian blur sigma, in pixels.' },
];

const flips: { key: FlipKey; label: string; help: string }[] = [
  { key: 'flipHorizontal', label: 'Flip left-right', help: 'Mirrors half the images (not for digits like 2 or 7).' },
  { key: 'flipVertical', label: 'Flip top-bottom', help: 'Mirrors half the images upside down.' },
];

export interface AugmentFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

/** Random transforms of each training image, saved as training.augment; empty means off. */
export const AugmentFields = memo(function AugmentFields({ training, edit }: AugmentFieldsProps) {
  const augment: AugmentJson = training?.augment ?? {};
  return (
    <fieldset className="bs-train__group" aria-label="Augmentation">
      <legend className="bs-panel-heading">Augmentation</legend>
      <p className="bs-muted bs-train__note">
        Each training batch is transformed at random (seeded), so the model sees new variations. Needs a model whose
        input takes the images whole ([1, 28, 28], then a flatten or conv layer).
      </p>
      {numbers.map(({ key, label, help }) => (
        <NumberSetting
          key={key}
          label={label}
          value={augment[key]}
          placeholder="off"
          help={help}
          onCommit={(value) => edit(withAugmentFields(training, { [key]: value }), `augment.${key}`)}
        />
      ))}
      {flips.map(({ key, label, help }) => (
        <CheckSetting
          key={key}
          label={label}
          checked={augment[key] ?? false}
          help={help}
          onChange={(on) => edit(withAugmentFields(training, { [key]: on || undefined }), `augment.${key}`)}
        />
      ))}
    </fieldset>
  );
});

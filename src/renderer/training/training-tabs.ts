import type { DockTab } from '../dock/dock-tab';
import { SearchPanel } from './SearchPanel';
import { TrainingPanel } from './TrainingPanel';

/** The training feature's dock tabs. */
export const trainingTabs: readonly DockTab[] = [
  {
    id: 'training',
    label: 'Training',
    hint: 'Pick a dataset, train, and watch the curves and the decision boundary',
    Panel: TrainingPanel,
  },
  { id: 'search', label: 'Search', hint: 'Search hyperparameters: grid, random or LIPO', Panel: SearchPanel },
];

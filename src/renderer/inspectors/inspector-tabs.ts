import type { DockTab } from '../dock/dock-tab';
import { ActivationsPanel } from './ActivationsPanel';
import { GradcheckPanel } from './GradcheckPanel';
import { GradientFlowPanel } from './GradientFlowPanel';
import { InitComparisonPanel } from './InitComparisonPanel';

/** The inspectors' panels in the dock, in tab order. */
export const inspectorTabs: readonly DockTab[] = [
  {
    id: 'activations',
    label: 'Activations',
    hint: "Every layer's output: histograms, saturated and dead units, feature maps, pre-activations over training",
    Panel: ActivationsPanel,
  },
  {
    id: 'gradient-flow',
    label: 'Gradient flow',
    hint: "Each layer's gradient size, with vanishing and exploding gradients explained",
    Panel: GradientFlowPanel,
  },
  {
    id: 'gradient-check',
    label: 'Gradient check',
    hint: "Backprop's gradients against finite differences, tensor by tensor",
    Panel: GradcheckPanel,
  },
  {
    id: 'init-comparison',
    label: 'Init comparison',
    hint: 'The graph under several weight initialisers, side by side',
    Panel: InitComparisonPanel,
  },
];

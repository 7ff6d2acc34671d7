import type { ComponentType } from 'react';

/** One panel of the bottom dock: training, gradient flow, activations... */
export interface DockTab {
  id: string;
  label: string;
  /** One line for the tab's tooltip. */
  hint: string;
  Panel: ComponentType;
}

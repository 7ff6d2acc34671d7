import { inspectorTabs } from '../inspectors/inspector-tabs';
import { trainingTabs } from '../training/training-tabs';
import type { DockTab } from './dock-tab';

/** The dock's panels, in tab order. Each feature adds its panel here. */
export const dockTabs: readonly DockTab[] = [...trainingTabs, ...inspectorTabs];

export { DebuggerToolbar, type DebuggerToolbarProps } from './DebuggerToolbar';
export { NodeValues, type NodeValuesProps } from './NodeValues';
export { sameComputation } from './same-computation';

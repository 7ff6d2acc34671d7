/** How a graph is fitted into view: never enlarged past 100 %, so a small graph keeps its natural size. */
export const fitViewOptions = { padding: 0.08, maxZoom: 1 } as const;
export const ZOOM_LIMITS = { min: 0.2, max: 2 } as const;

export * from './client-error';
export * from './connect';
export type * from './engine-client';
export * from './supervised-client';

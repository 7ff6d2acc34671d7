export * from './shape';
export * from './tensor';

export * from './bridge';
export * from './host-control';
export * from './messages';
export * from './requests';
export * from './results';
export * from './transfer';
export * from './version';

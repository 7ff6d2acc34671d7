/**
 * Sent by Electron's main process to the engine host over the utility process's parent port,
 * with one MessagePort attached: the host serves protocol messages on that port.
 */
export interface ConnectPortMessage {
  type: 'connect-port';
}

export const CONNECT_PORT: ConnectPortMessage = { type: 'connect-port' };

export function isConnectPortMessage(value: unknown): value is ConnectPortMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'connect-port';
}

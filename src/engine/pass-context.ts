import { type Network, type PassContext, Tensor } from '../core';
import type { PassData } from '../protocol/requests';
import { RequestError } from './errors';

/** The pass context for request data, a ragged array reported against the request field it came in. */
export function passContext(network: Network, data: PassData): PassContext {
  for (const field of ['input', 'target'] as const) {
    const values = data[field];
    if (!values) continue;
    try {
      Tensor.fromNested(values);
    } catch (e) {
      throw new RequestError({ code: 'bad-request', message: `${field}: ${(e as Error).message}`, path: `$.${field}` });
    }
  }
  return network.context({ input: data.input, target: data.target });
}

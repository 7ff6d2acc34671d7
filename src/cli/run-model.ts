import { type Backend, type DType, Network } from '../core';
import { choice, nonNegativeInteger, type ParsedArgs, stringFlag, takePositionals } from './args';
import { backendFlag, openBackend } from './backend-flag';
import { CliError } from './errors';
import { type LoadedModel, readModelFile, requireSample, withEngineErrors, withSampleFlags } from './model-file';

export interface OpenNetwork {
  loaded: LoadedModel;
  net: Network;
  dtype: DType;
  /** --seed, else the seed the command passed (the training section's), else 0. */
  seed: number;
  /** Where the network's kernels run, as --backend chose. */
  backend: Backend;
}

/**
 * The model named on the command line (or the one given, already read), with --input and --target
 * applied, compiled for a pass with --dtype (or the dtype the command fixes), --seed and
 * --backend. Checks that the loss (where needed) and the data the pass reads are there before
 * opening a GPU.
 */
export async function openNetwork(
  command: string,
  parsed: ParsedArgs,
  needs: { loss: boolean; dtype?: DType; seed?: number },
  model?: LoadedModel,
): Promise<OpenNetwork> {
  const [file] = takePositionals(command, parsed.positionals, ['<model.json>']);
  const dtype = needs.dtype ?? dtypeFlag(command, parsed);
  const chosen = backendFlag(command, parsed, dtype);
  const seedText = stringFlag(parsed, 'seed');
  const seed = seedText === undefined ? (needs.seed ?? 0) : nonNegativeInteger(command, 'seed', seedText);
  const loaded = withSampleFlags(model ?? readModelFile(file), {
    input: stringFlag(parsed, 'input'),
    target: stringFlag(parsed, 'target'),
  });
  if (needs.loss && loaded.plan.lossIds.length === 0)
    throw new CliError(`${file}: the model has no loss node to ${command} on; connect one to its output`);
  requireSample(loaded, loaded.plan.lossIds.length > 0);
  const backend = await openBackend(command, chosen, dtype);
  const net = withEngineErrors(file, () => Network.fromModel(loaded.model, { backend, dtype, seed }));
  return { loaded, net, dtype, seed, backend };
}

/** --dtype: float32 (default) or float64. */
export function dtypeFlag(command: string, parsed: ParsedArgs): DType {
  const text = stringFlag(parsed, 'dtype');
  return text === undefined ? 'float32' : choice<DType>(command, 'dtype', text, ['float32', 'float64']);
}

/** How --json output names the backend that ran: its kind, and the adapter in words. */
export function backendJson(backend: Backend): { name: string; description: string } {
  return { name: backend.name, description: backend.description };
}

import { createCpuBackend, type DType, Network } from '../core';
import { choice, nonNegativeInteger, type ParsedArgs, stringFlag, takePositionals } from './args';
import { CliError } from './errors';
import { type LoadedModel, readModelFile, requireSample, withEngineErrors, withSampleFlags } from './model-file';

export interface OpenNetwork {
  loaded: LoadedModel;
  net: Network;
  dtype: DType;
  /** --seed, else the seed the command passed (the training section's), else 0. */
  seed: number;
}

/**
 * The model named on the command line (or the one given, already read), with --input and --target
 * applied, compiled for a pass with --dtype (or the dtype the command fixes) and --seed. Checks
 * that the loss (where needed) and the data the pass reads are there.
 */
export function openNetwork(
  command: string,
  parsed: ParsedArgs,
  needs: { loss: boolean; dtype?: DType; seed?: number },
  model?: LoadedModel,
): OpenNetwork {
  const [file] = takePositionals(command, parsed.positionals, ['<model.json>']);
  const dtypeText = stringFlag(parsed, 'dtype');
  const dtype: DType =
    needs.dtype ??
    (dtypeText === undefined ? 'float32' : choice<DType>(command, 'dtype', dtypeText, ['float32', 'float64']));
  const seedText = stringFlag(parsed, 'seed');
  const seed = seedText === undefined ? (needs.seed ?? 0) : nonNegativeInteger(command, 'seed', seedText);
  const loaded = withSampleFlags(model ?? readModelFile(file), {
    input: stringFlag(parsed, 'input'),
    target: stringFlag(parsed, 'target'),
  });
  if (needs.loss && loaded.plan.lossIds.length === 0)
    throw new CliError(`${file}: the model has no loss node to ${command} on; connect one to its output`);
  requireSample(loaded, loaded.plan.lossIds.length > 0);
  const net = withEngineErrors(file, () =>
    Network.fromModel(loaded.model, { backend: createCpuBackend(), dtype, seed }),
  );
  return { loaded, net, dtype, seed };
}

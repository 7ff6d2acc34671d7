import { copyWeightsFrom, formatIssue, validateModel } from '../core';
import { CliError } from './errors';
import { type LoadedModel, readModelFile, withEngineErrors } from './model-file';

/**
 * The model with the weights of another model file copied in where node ids and shapes match
 * (--weights-from: start from pre-trained weights). Says on stderr what was and was not copied.
 */
export function withWeightsFrom(loaded: LoadedModel, sourceFile: string | undefined): LoadedModel {
  if (sourceFile === undefined) return loaded;
  const source = readModelFile(sourceFile);
  const { model, copied, skipped } = withEngineErrors(loaded.file, () => copyWeightsFrom(loaded.model, source.model));
  const { plan, issues } = validateModel(model);
  if (issues.length || !plan) throw new CliError(issues.map((i) => formatIssue(i, loaded.file)));
  const notes = skipped.map((s) => `${s.nodeId}.${s.param} (${s.reason})`);
  process.stderr.write(
    `${sourceFile}: copied ${copied.length} parameter${copied.length === 1 ? '' : 's'}` +
      `${notes.length ? `; not copied: ${notes.join(', ')}` : ''}\n`,
  );
  return { ...loaded, model, plan };
}

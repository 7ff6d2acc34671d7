// Only the schedules, not the whole engine: the command starts in half the time.
import { createSchedule } from '../../core/train/schedules/factory';
import { type ParsedArgs, positiveNumber, requiredFlag, stringFlag, takePositionals } from '../args';
import { UsageError } from '../errors';
import { commonOptions } from '../options';
import {
  numberList,
  scheduleFromFlags,
  scheduleParamOptions,
  scheduleParamsHelp,
  scheduleTypes,
} from '../schedule-flags';
import { formatNumber, formatTable } from '../table';
import type { Print } from './index';

export const usage = `Usage: backprop-studio schedule --type TYPE [--lr X] [parameters] --steps 0,10,100 [--json]

Prints the learning rate a schedule gives at the global steps listed (t: updates applied before
the one that uses the rate), with TensorFlow's definitions.

Options:
  --type TYPE         ${scheduleTypes.join(', ')}
  --lr X              the rate at step 0 (every type but piecewise_constant)
${scheduleParamsHelp}
  --steps A,B,...     the steps to print, whole numbers 0 or above
  --json              print { steps: [...], rates: [...] }
  -h, --help          show this help

Example:
  backprop-studio schedule --type exponential --lr 0.1 --decay-steps 100 --decay-rate 0.5 --steps 0,50,100,200`;

export const options = {
  ...commonOptions,
  type: { type: 'string' },
  lr: { type: 'string' },
  steps: { type: 'string' },
  ...scheduleParamOptions,
} as const;

export function run(parsed: ParsedArgs, print: Print): void {
  takePositionals('schedule', parsed.positionals, []);
  const type = requiredFlag('schedule', parsed, 'type', 'TYPE');
  const lrText = stringFlag(parsed, 'lr');
  const lr = lrText === undefined ? undefined : positiveNumber('schedule', 'lr', lrText);
  const steps = numberList('schedule', 'steps', requiredFlag('schedule', parsed, 'steps', 'A,B,...'));
  const bad = steps.find((s) => !Number.isInteger(s) || s < 0);
  if (bad !== undefined) throw new UsageError(`--steps takes whole numbers 0 or above, not ${bad}`, 'schedule');
  const schedule = createSchedule(scheduleFromFlags('schedule', parsed, type, lr, 'type'));
  const rates = steps.map((s) => schedule(s));
  if (parsed.values.json) {
    print(`${JSON.stringify({ steps, rates })}\n`);
    return;
  }
  const columns = [
    { header: 'step', align: 'right' as const },
    { header: 'learning rate', align: 'right' as const },
  ];
  print(
    formatTable(
      columns,
      steps.map((s, i) => [String(s), formatNumber(rates[i])]),
    ),
  );
}

import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../src/core/train/schedules/factory';
import { expectUserError, parseJson, runCli } from './run-cli';

interface ScheduleJson {
  steps: number[];
  rates: number[];
}

const steps = [0, 10, 100, 150, 250];
const lr = 0.1;
const T = 100;

/** TensorFlow's definitions (CONCEPTS.md), written out here independently of the engine. */
const cases: { args: string[]; rate: (t: number) => number }[] = [
  { args: ['--type', 'constant', '--lr', '0.1'], rate: () => lr },
  {
    args: ['--type', 'piecewise_constant', '--boundaries', '10,150', '--values', '1,0.5,0.1'],
    rate: (t) => (t <= 10 ? 1 : t <= 150 ? 0.5 : 0.1),
  },
  {
    args: ['--type', 'exponential', '--lr', '0.1', '--decay-steps', '100', '--decay-rate', '0.5'],
    rate: (t) => lr * 0.5 ** (t / T),
  },
  {
    args: ['--type', 'exponential', '--lr', '0.1', '--decay-steps', '100', '--decay-rate', '0.5', '--staircase'],
    rate: (t) => lr * 0.5 ** Math.floor(t / T),
  },
  {
    args: ['--type', 'natural_exp', '--lr', '0.1', '--decay-steps', '100', '--decay-rate', '0.5'],
    rate: (t) => lr * Math.exp((-0.5 * t) / T),
  },
  {
    args: ['--type', 'inverse_time', '--lr', '0.1', '--decay-steps', '100', '--decay-rate', '0.5', '--staircase'],
    rate: (t) => lr / (1 + 0.5 * Math.floor(t / T)),
  },
  {
    args: ['--type', 'polynomial', '--lr', '0.1', '--decay-steps', '100', '--end-lr', '0.01', '--power', '2'],
    rate: (t) => (lr - 0.01) * (1 - Math.min(t, T) / T) ** 2 + 0.01,
  },
  {
    args: ['--type', 'polynomial', '--lr', '0.1', '--decay-steps', '100', '--end-lr', '0.01', '--cycle'],
    rate: (t) => {
      const horizon = T * (t === 0 ? 1 : Math.ceil(t / T));
      return (lr - 0.01) * (1 - t / horizon) + 0.01;
    },
  },
  {
    args: ['--type', 'cosine', '--lr', '0.1', '--decay-steps', '100', '--alpha', '0.1'],
    rate: (t) => lr * (0.9 * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, T)) / T)) + 0.1),
  },
  {
    args: ['--type', 'linear_cosine', '--lr', '0.1', '--decay-steps', '100', '--num-periods', '2'],
    rate: (t) => {
      const s = Math.min(t, T);
      const cosine = 0.5 * (1 + Math.cos((Math.PI * 2 * 2 * s) / T));
      return lr * ((0 + (T - s) / T) * cosine + 0.001);
    },
  },
];

function expectRates(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(Math.abs(v - expected[i]), `step ${steps[i]}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(expected[i])),
    );
  });
}

describe.concurrent('schedule', () => {
  for (const { args, rate } of cases) {
    it(`${args.slice(1).join(' ')} follows TensorFlow's formula`, async () => {
      const result = parseJson<ScheduleJson>(await runCli(['schedule', ...args, '--steps', steps.join(','), '--json']));
      expect(result.steps).toEqual(steps);
      expectRates(result.rates, steps.map(rate));
    });
  }

  it('noisy linear cosine: the engine’s seeded noise', async () => {
    const args = [
      'schedule',
      '--type',
      'noisy_linear_cosine',
      '--lr',
      '0.1',
      '--decay-steps',
      '100',
      '--steps',
      '0,10,100',
      '--json',
    ];
    const rates = parseJson<ScheduleJson>(await runCli(args)).rates;
    const engine = createSchedule({ type: 'noisy_linear_cosine', learningRate: 0.1, decaySteps: 100 });
    expect(rates).toEqual([0, 10, 100].map((t) => engine(t)));
  });

  it('prints a table without --json', async () => {
    const result = await runCli([
      'schedule',
      '--type',
      'exponential',
      '--lr',
      '0.1',
      '--decay-steps',
      '100',
      '--decay-rate',
      '0.5',
      '--steps',
      '0,100,200',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'step  learning rate',
      '----  -------------',
      '   0            0.1',
      ' 100           0.05',
      ' 200          0.025',
      '',
    ]);
  });

  it('user errors exit 2 naming the flag', async () => {
    const base = ['schedule', '--steps', '0,1'];
    const [unknown, missing, notHere, badStep] = await Promise.all([
      runCli([...base, '--type', 'step_decay', '--lr', '0.1']),
      runCli([...base, '--type', 'exponential', '--lr', '0.1', '--decay-steps', '10']),
      runCli([...base, '--type', 'cosine', '--lr', '0.1', '--decay-steps', '10', '--decay-rate', '0.5']),
      runCli(['schedule', '--type', 'constant', '--steps', '0,1.5']),
    ]);
    expect(expectUserError(unknown, 1)[0]).toContain('--type takes constant or piecewise_constant or exponential');
    expect(expectUserError(missing, 1)[0]).toContain('--type exponential needs --decay-rate');
    expect(expectUserError(notHere, 1)[0]).toContain('--decay-rate does not apply to --type cosine');
    expect(expectUserError(badStep, 1)[0]).toContain('--steps takes whole numbers 0 or above, not 1.5');
  });
});

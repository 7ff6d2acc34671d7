import type { OptimizerType } from '../../core/train/optimizer-factory';
import type { ScheduleType } from '../../core/train/schedules/factory';

/** One setting of an optimizer or schedule, as the panel shows it. */
export interface SettingSpec {
  key: string;
  label: string;
  kind: 'number' | 'integer' | 'boolean' | 'list';
  /** The default that applies when the field is left empty. */
  placeholder?: string;
  help?: string;
}

export const optimizerChoices: { value: OptimizerType; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'Momentum' },
  { value: 'nesterov', label: 'Nesterov momentum' },
  { value: 'adagrad', label: 'Adagrad' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adam', label: 'Adam' },
];

const epsilon: SettingSpec = { key: 'epsilon', label: 'Epsilon', kind: 'number', placeholder: '1e-7' };

/** Each optimizer's own settings, with Keras's defaults as placeholders. */
export const optimizerSettings: Record<OptimizerType, SettingSpec[]> = {
  sgd: [],
  momentum: [{ key: 'momentum', label: 'Momentum', kind: 'number', placeholder: '0.9' }],
  nesterov: [{ key: 'momentum', label: 'Momentum', kind: 'number', placeholder: '0.9' }],
  adagrad: [{ key: 'initialAccumulatorValue', label: 'Initial accum.', kind: 'number', placeholder: '0.1' }, epsilon],
  rmsprop: [
    { key: 'rho', label: 'Rho', kind: 'number', placeholder: '0.9', help: 'Decay of the squared-gradient average.' },
    { key: 'momentum', label: 'Momentum', kind: 'number', placeholder: '0' },
    epsilon,
    { key: 'centered', label: 'Centered', kind: 'boolean' },
  ],
  adam: [
    { key: 'beta1', label: 'Beta 1', kind: 'number', placeholder: '0.9', help: 'Decay of the gradient average.' },
    { key: 'beta2', label: 'Beta 2', kind: 'number', placeholder: '0.999', help: 'Decay of the squared average.' },
    epsilon,
    { key: 'amsgrad', label: 'AMSGrad', kind: 'boolean' },
  ],
};

export type RateChoice = 'constant' | ScheduleType;

export const scheduleChoices: { value: RateChoice; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'piecewise_constant', label: 'Piecewise constant' },
  { value: 'exponential', label: 'Exponential decay' },
  { value: 'natural_exp', label: 'Natural exponential decay' },
  { value: 'inverse_time', label: 'Inverse time decay' },
  { value: 'polynomial', label: 'Polynomial decay' },
  { value: 'cosine', label: 'Cosine decay' },
  { value: 'linear_cosine', label: 'Linear cosine decay' },
  { value: 'noisy_linear_cosine', label: 'Noisy linear cosine' },
];

const rate: SettingSpec = { key: 'learningRate', label: 'Initial rate', kind: 'number' };
const decaySteps: SettingSpec = { key: 'decaySteps', label: 'Decay steps T', kind: 'number' };
const decay: SettingSpec[] = [
  rate,
  decaySteps,
  { key: 'decayRate', label: 'Decay rate r', kind: 'number' },
  { key: 'staircase', label: 'Staircase', kind: 'boolean', help: 'Change the rate once every T steps.' },
];
const linearCosine: SettingSpec[] = [
  rate,
  decaySteps,
  { key: 'numPeriods', label: 'Periods', kind: 'number', placeholder: '0.5' },
  { key: 'alpha', label: 'Alpha', kind: 'number', placeholder: '0' },
  { key: 'beta', label: 'Beta', kind: 'number', placeholder: '0.001' },
];

/** Each schedule's settings (TensorFlow's names and defaults). */
export const scheduleSettings: Record<ScheduleType, SettingSpec[]> = {
  constant: [rate],
  piecewise_constant: [
    { key: 'boundaries', label: 'Boundaries', kind: 'list', help: 'Steps where the rate changes, e.g. 500, 1000.' },
    { key: 'values', label: 'Rates', kind: 'list', help: 'One more rate than boundaries.' },
  ],
  exponential: decay,
  natural_exp: decay,
  inverse_time: decay,
  polynomial: [
    rate,
    decaySteps,
    { key: 'endLearningRate', label: 'End rate', kind: 'number', placeholder: '0.0001' },
    { key: 'power', label: 'Power', kind: 'number', placeholder: '1' },
    { key: 'cycle', label: 'Cycle', kind: 'boolean' },
  ],
  cosine: [rate, decaySteps, { key: 'alpha', label: 'Alpha', kind: 'number', placeholder: '0' }],
  linear_cosine: linearCosine,
  noisy_linear_cosine: [
    ...linearCosine,
    { key: 'initialVariance', label: 'Noise variance', kind: 'number', placeholder: '1' },
    { key: 'varianceDecay', label: 'Variance decay', kind: 'number', placeholder: '0.55' },
  ],
};

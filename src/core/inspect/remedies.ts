/** Why a layer's gradient vanished or exploded, as far as one pass can tell. */
export type FlowCause = 'saturating_activations' | 'dead_relus' | 'small_weights' | 'large_weights' | 'non_finite';

export type Remedy =
  | 'relu_family'
  | 'he_or_xavier_init'
  | 'batch_norm'
  | 'residual_connections'
  | 'gradient_clipping'
  | 'smaller_learning_rate';

export const remedyText: Record<Remedy, string> = {
  relu_family:
    'use ReLU-family activations (ReLU, leaky ReLU) in hidden layers: their slope is 1 wherever they are active, so they do not shrink the gradient',
  he_or_xavier_init:
    'initialise with He (for ReLU) or Xavier/Glorot (for tanh and sigmoid), which scale the weights to the fan-in so that every layer keeps the size of the signal',
  batch_norm:
    "add batch normalisation before the activations: it rescales each layer's pre-activations to mean 0 and variance 1, whatever the weights do",
  residual_connections:
    'add residual (skip) connections: an Add node hands the gradient past the block unchanged, a short way back to the early layers',
  gradient_clipping:
    'clip the gradients (training.clipNorm or clipValue), so that one large gradient cannot throw the weights far away',
  smaller_learning_rate: 'lower the learning rate, so that large gradients make smaller steps',
};

/** The remedies worth trying for the causes found, most direct first, each once. */
export function remediesFor(causes: readonly FlowCause[]): Remedy[] {
  const byCause: Record<FlowCause, Remedy[]> = {
    saturating_activations: ['relu_family', 'he_or_xavier_init', 'batch_norm', 'residual_connections'],
    dead_relus: ['relu_family', 'he_or_xavier_init', 'smaller_learning_rate', 'batch_norm'],
    small_weights: ['he_or_xavier_init', 'batch_norm', 'residual_connections'],
    large_weights: ['he_or_xavier_init', 'batch_norm', 'gradient_clipping', 'smaller_learning_rate'],
    non_finite: ['gradient_clipping', 'smaller_learning_rate', 'he_or_xavier_init', 'batch_norm'],
  };
  return [...new Set(causes.flatMap((c) => byCause[c]))];
}

/** A number in two significant digits: 0.25, 9.8e-4, 3.2e+7. */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(value.toPrecision(2)));
  return value.toExponential(1).replace('.0e', 'e');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

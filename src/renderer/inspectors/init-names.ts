import type { InitName } from '../../core/layers/kind';

/** How each initialiser is named on screen, with what it draws. */
export const initLabels: Record<InitName, { name: string; rule: string }> = {
  zeros: { name: 'zeros', rule: 'every weight 0: units stay identical' },
  ones: { name: 'ones', rule: 'every weight 1' },
  constant: { name: 'constant', rule: 'every weight the same value' },
  small_random: { name: 'small random', rule: '0.01 · N(0, 1)' },
  calibrated: { name: 'calibrated', rule: 'N(0, 1) / √n_in' },
  sparse: { name: 'sparse', rule: 'a few random inputs per unit, others 0' },
  glorot_uniform: { name: 'Xavier uniform', rule: 'U(±√(6 / (n_in + n_out)))' },
  glorot_normal: { name: 'Xavier normal', rule: 'N(0, 2 / (n_in + n_out))' },
  he_uniform: { name: 'He uniform', rule: 'U(±√(6 / n_in))' },
  he_normal: { name: 'He normal', rule: 'N(0, 2 / n_in)' },
};

export function initLabel(name: string): string {
  return initLabels[name as InitName]?.name ?? name;
}

import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../src/core/train/schedules/factory';
import { rateTicks } from '../../src/renderer/training/SearchScatter';
import { defaultSearchForm, searchRequestOf } from '../../src/renderer/training/search-form';
import {
  dataChoice,
  initialRate,
  plannedSteps,
  scheduleOfType,
  withAugmentFields,
  withDataChoice,
  withOptimizerType,
} from '../../src/renderer/training/training-edits';

describe('training section edits', () => {
  it('gives a section that had no data settings that train a 2D set well, and keeps settings already there', () => {
    const fresh = withDataChoice(undefined, 'xor');
    expect(fresh).toEqual({
      split: { validation: 0.2 },
      batchSize: 16,
      epochs: 200,
      optimizer: { type: 'adam', learningRate: 0.03 },
      dataset: { name: 'xor', samples: 100 },
    });
    expect(dataChoice(fresh)).toBe('xor');
    const kept = withDataChoice({ ...fresh, epochs: 7 }, 'spiral');
    expect(kept).toMatchObject({ epochs: 7, dataset: { name: 'spiral', samples: 300 } });
    expect(withDataChoice(kept, 'sample')).toEqual({ batchSize: 16, epochs: 7, optimizer: fresh.optimizer });
    expect(withDataChoice(undefined, 'csv', 'iris.csv').dataset).toEqual({ csv: 'iris.csv' });
  });

  it('changes the optimizer type keeping the rate and penalties, dropping the old type’s settings', () => {
    const section = { optimizer: { type: 'adam' as const, learningRate: 0.01, beta1: 0.8, clipNorm: 1 } };
    expect(withOptimizerType(section, 'momentum').optimizer).toEqual({
      type: 'momentum',
      learningRate: 0.01,
      clipNorm: 1,
    });
    expect(initialRate(undefined)).toBe(0.001);
    expect(initialRate({ optimizer: { type: 'sgd' } })).toBe(0.01);
  });

  it('starts every schedule at the current rate, and each one parses and runs', () => {
    for (const type of [
      'piecewise_constant',
      'exponential',
      'natural_exp',
      'inverse_time',
      'polynomial',
      'cosine',
      'linear_cosine',
      'noisy_linear_cosine',
    ] as const) {
      const schedule = scheduleOfType(type, 0.1, 1000);
      if (typeof schedule === 'number') throw new Error('a schedule was expected');
      const rate = createSchedule(schedule);
      expect(rate(0)).toBeCloseTo(
        type.includes('linear_cosine') ? 0.1 * (1 + 0.001) : 0.1,
        type === 'noisy_linear_cosine' ? 0 : 6,
      );
      expect(rate(1000)).toBeLessThan(rate(0));
    }
    expect(scheduleOfType('constant', 0.1, 1000)).toBe(0.1);
    expect(plannedSteps({ batchSize: 16, epochs: 10 }, 80)).toBe(50);
    expect(plannedSteps({ batchSize: 'full', epochs: 10, steps: 4 }, 80)).toBe(4);
  });
});

describe('search form', () => {
  it('reads ranges and lists into a search space', () => {
    const request = searchRequestOf({
      ...defaultSearchForm,
      batchSizes: '8, full',
      units: '4, 16',
      activations: ['relu'],
    });
    expect(request).toEqual({
      ok: true,
      trials: 12,
      space: {
        learningRate: { min: 0.001, max: 0.1 },
        batchSize: [8, 'full'],
        units: [4, 16],
        activation: ['relu'],
        optimizer: ['sgd', 'adam'],
      },
    });
  });

  it('names the field that does not read', () => {
    expect(searchRequestOf({ ...defaultSearchForm, rateMax: '0.0001' })).toMatchObject({ ok: false, field: 'rateMax' });
    expect(searchRequestOf({ ...defaultSearchForm, units: '4, x' })).toMatchObject({ ok: false, field: 'units' });
    expect(searchRequestOf({ ...defaultSearchForm, trials: '0' })).toMatchObject({ ok: false, field: 'trials' });
    const nothing = { ...defaultSearchForm, rateMin: '', rateMax: '', optimizers: [] };
    expect(searchRequestOf(nothing)).toMatchObject({ ok: false, message: 'choose at least one thing to search' });
  });

  it('ticks a log axis at 1, 2 and 5 times powers of ten', () => {
    expect(rateTicks([0.003, 0.017])).toEqual([0.002, 0.005, 0.01, 0.02]);
  });

  it('merges augmentation settings, drops the object when none is left on, and leaves it with the digits', () => {
    const on = withAugmentFields({ epochs: 2 }, { shift: 0.1, flipHorizontal: true });
    expect(on).toEqual({ epochs: 2, augment: { shift: 0.1, flipHorizontal: true } });
    const off = withAugmentFields(withAugmentFields(on, { shift: undefined }), { flipHorizontal: undefined });
    expect(off).toEqual({ epochs: 2 });
    const digits = withAugmentFields(withDataChoice(undefined, 'digits'), { noise: 0.05 });
    expect(withDataChoice(digits, 'xor').augment).toBeUndefined();
    expect(withDataChoice(digits, 'sample').augment).toBeUndefined();
    expect(withDataChoice(digits, 'digits').augment).toEqual({ noise: 0.05 });
  });
});

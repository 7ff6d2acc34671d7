import { z } from 'zod';
import { optimizerConfig } from '../train/optimizer-factory';

export const datasetNames = ['xor', 'circle', 'gaussians', 'spiral', 'digits'] as const;
export type DatasetName = (typeof datasetNames)[number];

const fraction = z.number().min(0).max(1);
const uint32 = z.int().min(0).max(0xffffffff);
const syntheticOnly = ['noise', 'labels'] as const;
const namedOnly = ['samples', 'seed', ...syntheticOnly] as const;
const csvOnly = ['features', 'label', 'scaling', 'labelType'] as const;

/**
 * Where the training data comes from: a named set ({ name, noise, samples, seed }) or a CSV file
 * ({ csv, features, label, scaling }). One flat object rather than a union, so that a mistake is
 * reported at the field that holds it.
 */
export const datasetSpecJson = z
  .object({
    name: z
      .enum(datasetNames)
      .optional()
      .describe("A built-in set: the Playground's 2D sets (xor, circle, gaussians, spiral) or handwritten digits."),
    samples: z.int().min(1).optional().describe('Named sets: how many samples (digits: the first N images).'),
    noise: z.number().min(0).max(0.5).optional().describe('2D sets: label noise from 0 to 0.5 (default 0).'),
    seed: uint32.optional().describe('2D sets: the seed the points are drawn with (default 0).'),
    labels: z
      .enum(['binary', 'sign', 'one_hot'])
      .optional()
      .describe('2D sets: targets 0/1, -1/1 or one-hot [N, 2]; by default read from the output (2 wide: one-hot).'),
    csv: z.string().min(1).optional().describe("A CSV file, relative to the model file's folder."),
    features: z.array(z.string()).min(1).optional().describe('CSV: the feature columns (default: all but the label).'),
    label: z.string().optional().describe('CSV: the label column (default: the last).'),
    scaling: z
      .enum(['none', 'min_max', 'min_max_symmetric', 'z_score', 'log'])
      .optional()
      .describe('CSV: input scaling, fitted on the training split and applied to every split.'),
    labelType: z
      .enum(['numeric', 'categorical'])
      .optional()
      .describe(
        'CSV: categorical labels become one-hot classes, numeric ones a value to regress; by default categorical when any label is text.',
      ),
  })
  .strict()
  .check((ctx) => {
    const spec = ctx.value;
    const misplaced = (key: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: spec, path: [key], message });
    if ((spec.name === undefined) === (spec.csv === undefined)) {
      misplaced(
        spec.name === undefined ? 'name' : 'csv',
        'give either name (a built-in set) or csv (a file), not both',
      );
      return;
    }
    const unused =
      spec.csv !== undefined ? namedOnly : spec.name === 'digits' ? [...syntheticOnly, ...csvOnly] : csvOnly;
    for (const key of unused) {
      if (spec[key] !== undefined)
        misplaced(key, `${key} does not apply to ${spec.csv !== undefined ? 'a CSV file' : `the ${spec.name} set`}`);
    }
  });
export type DatasetSpec = z.infer<typeof datasetSpecJson>;

export const splitJson = z
  .object({
    validation: fraction.optional().describe('Fraction of the samples held out to choose hyperparameters on.'),
    test: fraction.optional().describe('Fraction held out to report the final result on.'),
  })
  .strict()
  .check((ctx) => {
    const { validation = 0, test = 0 } = ctx.value;
    if (validation + test >= 1) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['test'],
        message: `validation ${validation} and test ${test} leave nothing to train on; they must add up to less than 1`,
      });
    }
  });

/** Random transforms of each training image (inputs [N, C, H, W]), drawn with the seed; a setting left out is off. */
export const augmentJson = z
  .object({
    shift: fraction
      .optional()
      .describe("Largest shift as a fraction of the image's width and height, drawn from [-s, s]."),
    rotation: z.number().min(0).max(180).optional().describe('Largest rotation in degrees, drawn from [-r, r].'),
    scale: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .describe('Largest relative zoom: the factor is drawn from [1 - z, 1 + z].'),
    crop: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe('Smallest fraction of each side a random crop keeps, drawn from [c, 1], resized to the full image.'),
    flipHorizontal: z.boolean().optional().describe('Mirror left-right with probability 1/2.'),
    flipVertical: z.boolean().optional().describe('Mirror top-bottom with probability 1/2.'),
    noise: z.number().min(0).optional().describe('Standard deviation of Gaussian noise added to every value.'),
    blur: z.number().min(0).optional().describe('Largest Gaussian blur sigma in pixels, drawn from [0, b].'),
  })
  .strict();
export type AugmentJson = z.infer<typeof augmentJson>;

const penalties = ['l1', 'l2', 'maxNorm', 'clipNorm', 'clipValue'] as const;

/** How to train this model: data, split, batches, length, optimizer, penalties, seed. Every field is optional. */
export const trainingJson = z
  .object({
    rule: z
      .enum(['backprop', 'perceptron'])
      .optional()
      .describe(
        "backprop (default): gradient descent with the optimizer. perceptron: the perceptron rule w <- w + eta (t - o) x for input -> dense (1 unit) -> step, eta being the optimizer's learningRate.",
      ),
    dataset: datasetSpecJson.optional().describe("The data to train on; without it, the model's sample."),
    split: splitJson.optional().describe('Held-out fractions; the rest is the training split (shuffled with seed).'),
    batchSize: z
      .union([z.int().min(1), z.literal('full')])
      .optional()
      .describe("Samples per update: 1 (online), N, or 'full' (the whole training split). Default 32."),
    epochs: z.int().min(1).optional().describe('Passes over the training split (default 1 unless steps is given).'),
    steps: z.int().min(1).optional().describe('A cap on updates; with epochs, whichever ends first.'),
    optimizer: optimizerConfig
      .optional()
      .describe(
        '{ type: sgd | momentum | nesterov | adagrad | rmsprop | adam, learningRate: number or schedule, ... }.',
      ),
    l1: z.number().min(0).optional().describe('L1 penalty factor on weights (not biases).'),
    l2: z.number().min(0).optional().describe('L2 penalty factor on weights (not biases).'),
    maxNorm: z
      .number()
      .positive()
      .optional()
      .describe("Max-norm constraint: each unit's incoming weight vector is kept within this norm."),
    clipNorm: z
      .number()
      .positive()
      .optional()
      .describe('Scale all gradients down together when their global norm exceeds this.'),
    clipValue: z.number().positive().optional().describe('Clip every gradient value to [-clipValue, clipValue].'),
    augment: augmentJson
      .optional()
      .describe('Image datasets only: random transforms of each training batch (shift, rotation, flips, noise, ...).'),
    seed: uint32
      .optional()
      .describe('Seeds the initial weights, the split, the shuffles, augmentation and dropout (default 0).'),
  })
  .strict()
  .check((ctx) => {
    const optimizer = ctx.value.optimizer;
    for (const key of penalties) {
      if (ctx.value[key] !== undefined && optimizer?.[key] !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: ['optimizer', key],
          message: `${key} is also set at training.${key}; set it in one place`,
        });
      }
    }
  });

export type TrainingJson = z.input<typeof trainingJson>;
export type TrainingRule = NonNullable<TrainingJson['rule']>;
export const penaltyKeys: readonly (typeof penalties)[number][] = penalties;

import type { Example } from './examples';

/** A concept of CONCEPTS.md and the templates that demonstrate it. */
export interface Concept {
  id: string;
  title: string;
  /** What the templates show about it, in a sentence. */
  blurb: string;
  /** Template file names, in the order they are best opened. */
  files: readonly string[];
}

export const concepts: readonly Concept[] = [
  {
    id: 'neurons',
    title: 'Perceptrons',
    blurb: 'A threshold unit computes a logic gate, and learns one by the perceptron rule rather than by gradients.',
    files: ['perceptron-nand.json', 'perceptron-learn-nand.json'],
  },
  {
    id: 'backprop',
    title: 'Forward and backward passes',
    blurb: 'The chain rule worked number by number: forward, backward, one update.',
    files: ['backprop-2-2-2.json'],
  },
  {
    id: 'mlp',
    title: 'Hidden layers and non-linearity',
    blurb: 'What one unit cannot separate, a hidden layer can.',
    files: ['xor-mlp.json'],
  },
  {
    id: 'conv',
    title: 'Convolution and pooling',
    blurb: 'Output sizes ⌊(W₁ − F + 2P)/S⌋ + 1 and parameters (F·F·D + 1)·K with real numbers.',
    files: ['conv-5x5.json', 'lenet5.json'],
  },
  {
    id: 'depth',
    title: 'Depth against width',
    blurb: 'The same parameter budget spent on many narrow layers or on one wide one.',
    files: ['spiral-deep-narrow.json', 'spiral-shallow-wide.json'],
  },
  {
    id: 'gradients',
    title: 'Vanishing and exploding gradients',
    blurb: 'Why deep networks are hard to train, and the activations, initialisers and skips that help.',
    files: ['deep-sigmoid-vanishing.json', 'deep-relu-he.json', 'exploding.json', 'residual-mlp.json'],
  },
  {
    id: 'init',
    title: 'Initialisation',
    blurb: 'Equal weights make equal units; the scale of random weights decides whether signals survive.',
    files: ['zero-init-symmetry.json'],
  },
  {
    id: 'norm',
    title: 'Batch normalisation and covariate shift',
    blurb: "A layer's input distribution moves while the layers before it learn, unless it is normalised.",
    files: ['batchnorm-deep.json', 'no-batchnorm-deep.json'],
  },
  {
    id: 'regularisation',
    title: 'Overfitting and dropout',
    blurb: 'Capacity enough to memorise noise, and the regulariser that stops it.',
    files: ['dropout-overfit.json'],
  },
  {
    id: 'losses',
    title: 'Classification losses',
    blurb: 'Softmax cross-entropy on digits, and a center loss that makes each class compact.',
    files: ['digits-mlp.json', 'center-loss.json'],
  },
];

/** Where in the app each template's point shows. */
export const whereToLook: Readonly<Record<string, string>> = {
  'perceptron-nand.json': 'Step a pass: the step unit outputs 0 only for input (1, 1).',
  'perceptron-learn-nand.json': 'Train it: the perceptron rule finds weights with no sample wrong.',
  'backprop-2-2-2.json': 'Step the pass, then Gradient check: every tensor passes.',
  'xor-mlp.json': 'Train it and watch the loss fall.',
  'conv-5x5.json': 'Select the Conv2D: its formula card works out the output size and parameter count.',
  'lenet5.json': 'Select C1 or C3: change the padding and watch the output size and its formula follow.',
  'spiral-deep-narrow.json': 'Train both spiral models and compare their losses.',
  'spiral-shallow-wide.json': 'Train both spiral models and compare their losses.',
  'deep-sigmoid-vanishing.json': 'Gradient flow: the first dense layers carry a vanishing badge.',
  'deep-relu-he.json': 'Gradient flow: no badge, the bars stay level from the first layer to the last.',
  'exploding.json': 'Gradient flow: the first layers carry an exploding badge.',
  'residual-mlp.json': 'Gradient flow: the skip hands the gradient straight back to the first layer.',
  'zero-init-symmetry.json': 'Init comparison: zeros leaves the first layer without a gradient.',
  'batchnorm-deep.json': "Activations: train some steps and see a deep sigmoid's input stay in place.",
  'no-batchnorm-deep.json': "Activations: train some steps and see a deep sigmoid's input drift.",
  'dropout-overfit.json': 'Train it, then set the dropout rates to 0 and train again.',
  'digits-mlp.json': 'Activations: see how many hidden ReLU units are dead.',
  'center-loss.json': 'Train it and watch the features gather around their centres.',
};

export interface ConceptGroup {
  concept: Concept;
  examples: Example[];
}

/** The examples grouped by concept, in the concepts' order; any example no concept names comes last. */
export function groupByConcept(examples: readonly Example[]): ConceptGroup[] {
  const byFile = new Map(examples.map((e) => [e.fileName, e]));
  const groups = concepts.flatMap((concept) => {
    const found = concept.files.flatMap((f) => byFile.get(f) ?? []);
    return found.length ? [{ concept, examples: found }] : [];
  });
  const named = new Set(concepts.flatMap((c) => c.files));
  const rest = examples.filter((e) => !named.has(e.fileName));
  if (rest.length) {
    groups.push({ concept: { id: 'more', title: 'More examples', blurb: '', files: [] }, examples: rest });
  }
  return groups;
}

const descriptions = new Map<string, string>();

/** The template's whole description, its explanation; the summary when the file has none. */
export function descriptionOf(example: Example): string {
  let text = descriptions.get(example.fileName);
  if (text === undefined) {
    try {
      const parsed = JSON.parse(example.text) as { description?: unknown };
      text = typeof parsed.description === 'string' ? parsed.description : example.summary;
    } catch {
      text = example.summary;
    }
    descriptions.set(example.fileName, text);
  }
  return text;
}

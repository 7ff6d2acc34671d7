import type { ParsedArgs } from '../args';
import { stringFlag, takePositionals } from '../args';
import { backendOptionsHelp } from '../backend-flag';
import { readModelFile } from '../model-file';
import { optimizerOptions, optimizerOptionsHelp } from '../optimizer-flags';
import { runOptions } from '../options';
import { trainOnDataset } from '../train-dataset';
import { trainWithPerceptronRule } from '../train-perceptron';
import type { TrainRun } from '../train-run';
import { trainOnSample } from '../train-sample';
import {
  augmentOptionsHelp,
  dataOptions,
  dataOptionsHelp,
  trainingOptions,
  trainingWithFlags,
} from '../training-flags';
import { withWeightsFrom } from '../weights-from';
import type { Print } from './index';

export const usage = `Usage: backprop-studio train <model.json> --steps N --lr X [options]
       backprop-studio train <model.json> --dataset D [--epochs N] [options]

Trains a model. Settings come from the model's "training" section; flags override them, and
the trained model written with --out keeps them in its training section.

Sample mode (no dataset in the flags or the section): each step is one forward and backward pass
over the model's sample (or --input and --target) and one update; the loss is shown as it falls.
Dataset mode: mini-batches of the dataset's training split, shuffled each epoch, validation after
every epoch and a test evaluation at the end. Progress goes to stderr: a bar on a terminal, a line
per epoch otherwise. With "rule": "perceptron" (or --rule perceptron), an input -> dense (1 unit)
-> step network learns by the perceptron rule instead, on the dataset or the sample.

Data:
${dataOptionsHelp}
  --input JSON        sample mode: input batch instead of the model's sample
  --target JSON       sample mode: target batch instead of the model's sample target

Length and batches:
  --steps N           updates (required in sample mode, a cap in dataset mode)
  --epochs N          passes over the training split
  --batch-size N      samples per update, or 'full' (default 32)
  --rule NAME         backprop (default) or perceptron

Optimizer (default: sgd in sample mode, adam in dataset mode):
${optimizerOptionsHelp}

Regularisation:
  --l1 X, --l2 X      penalty factors on the weights
  --max-norm C        keep each unit's incoming weights within norm C
  --clip-norm X       scale gradients down to a global norm of at most X
  --clip-value X      clip every gradient value to [-X, X]
${augmentOptionsHelp}

Output:
  --weights-from FILE start from another model file's weights (matched by node id and shape)
  --out FILE          write the trained model there, weights and training section stored
  --dtype TYPE        float32 (default) or float64 (the CPU only)
${backendOptionsHelp}
                      The perceptron rule runs on the CPU whatever --backend says.
  --json              sample mode: print { losses, finalLoss, backend, model }. Dataset mode: print
                      one JSON line per epoch { epoch, step, loss, accuracy, valLoss, valAccuracy,
                      learningRate }, then { done: true, steps, epochs, seconds, train, validation,
                      test, backend, model }, each score { loss, accuracy } or null; backend is
                      { name, description }
  -h, --help          show this help

NaN or infinite values stop training with exit status 1, naming the step and the node.

Examples:
  backprop-studio train resources/examples/xor-mlp.json --steps 2000 --lr 0.5 --out xor-trained.json
  backprop-studio train resources/examples/xor-mlp.json --dataset xor --epochs 400 --optimizer adam --lr 0.05
  backprop-studio train resources/examples/digits-mlp.json --out digits-trained.json
  backprop-studio train resources/examples/perceptron-learn-nand.json`;

export const options = {
  ...runOptions,
  ...dataOptions,
  ...trainingOptions,
  ...optimizerOptions,
  'weights-from': { type: 'string' },
  out: { type: 'string' },
} as const;

export async function run(parsed: ParsedArgs, print: Print): Promise<void> {
  const [file] = takePositionals('train', parsed.positionals, ['<model.json>']);
  const loaded = withWeightsFrom(readModelFile(file), stringFlag(parsed, 'weights-from'));
  const training = trainingWithFlags('train', parsed, loaded, (t) => (t.dataset ? 'adam' : 'sgd'));
  const train: TrainRun = {
    parsed,
    print,
    loaded: { ...loaded, model: { ...loaded.model, training: Object.keys(training).length ? training : undefined } },
    training,
    out: stringFlag(parsed, 'out'),
  };
  if (training.rule === 'perceptron') trainWithPerceptronRule(train);
  else if (training.dataset) await trainOnDataset(train);
  else await trainOnSample(train);
}

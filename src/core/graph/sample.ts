import { formatShape, sameShape } from '../tensor/shape';
import { type DType, nestedShape, Tensor } from '../tensor/tensor';
import type { Plan } from './compile';
import type { Issue } from './issues';
import type { ModelJson, NestedNumbers } from './model';

/** The batch size of the model's sample, if it has one. */
export function sampleBatch(model: ModelJson): number | undefined {
  const input = model.sample?.input;
  return input && input.length > 0 ? input.length : undefined;
}

export function nestedToTensor(values: NestedNumbers, dtype: DType): Tensor {
  return Tensor.fromNested(values, dtype);
}

export function shapeOfNested(values: NestedNumbers): number[] {
  return nestedShape(values);
}

/** Checks the sample against the plan: input samples of the input node's shape, targets of the loss input's shape. */
export function checkSample(model: ModelJson, plan: Plan): Issue[] {
  const sample = model.sample;
  if (!sample) return [];
  const issues: Issue[] = [];
  const inputShape = raggedSafeShape(sample.input, '$.sample.input', issues);
  const inputNode = plan.inputIds.length ? plan.byId.get(plan.inputIds[0]) : undefined;
  if (inputShape && inputNode?.outputShape && !sameShape(inputShape, inputNode.outputShape)) {
    issues.push({
      message: `sample input has shape ${formatShape(inputShape)} but input node '${inputNode.id}' takes ${formatShape(inputNode.outputShape)} ([batch, ...sample shape])`,
      path: '$.sample.input',
    });
  }
  if (sample.target) {
    const targetShape = raggedSafeShape(sample.target, '$.sample.target', issues);
    for (const id of plan.lossIds) {
      const loss = plan.byId.get(id);
      const predicted = loss?.inputs[0] ? plan.byId.get(loss.inputs[0])?.outputShape : undefined;
      // A loss node with a shape error has its own issue; its accepted targets are unknown.
      if (!targetShape || !predicted || !loss?.outputShape) continue;
      const accepted = loss.kind.targetShapes?.(loss.config, predicted) ?? [predicted];
      if (!accepted.some((shape) => sameShape(targetShape, shape))) {
        const takes =
          accepted.length === 1 && sameShape(accepted[0], predicted)
            ? ''
            : ` (it takes ${accepted.map(formatShape).join(' or ')})`;
        issues.push({
          message: `sample target has shape ${formatShape(targetShape)} but loss '${id}' compares it with a prediction of shape ${formatShape(predicted)}${takes}`,
          path: '$.sample.target',
          nodeId: id,
        });
      }
    }
  }
  return issues;
}

function raggedSafeShape(values: NestedNumbers, path: string, issues: Issue[]): number[] | undefined {
  try {
    return Tensor.fromNested(values).shape as number[];
  } catch (e) {
    issues.push({ message: (e as Error).message, path });
    return undefined;
  }
}

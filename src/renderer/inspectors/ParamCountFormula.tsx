import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { conv2dConfig } from '../../core/layers/conv2d';
import { denseConfig } from '../../core/layers/dense';
import { pairOf } from '../../core/layers/window';
import type { Shape } from '../../core/tensor/shape';
import { Tex } from '../debugger/Tex';
import { convParamCountTex, denseParamCountTex, ruleThenNumbers } from './formula-tex';

export interface ParamCountFormulaProps {
  node: NodeJson;
  inputShape: Shape | undefined;
}

/** How many parameters a conv or dense layer has, as a rule and with its numbers; pooling has none. */
export const ParamCountFormula = memo(function ParamCountFormula({ node, inputShape }: ParamCountFormulaProps) {
  if (!inputShape) return null;
  if (node.type === 'conv2d') {
    const parsed = conv2dConfig.safeParse(node.config);
    if (!parsed.success || inputShape.length !== 4) return null;
    const { kernel, filters, bias } = parsed.data;
    const tex = convParamCountTex(pairOf(kernel), inputShape[1], filters, bias);
    return (
      <div className="bs-insp-params" data-testid="param-count-formula">
        <span className="bs-insp-caption">Parameters</span>
        <Tex tex={ruleThenNumbers('\\text{params}', tex.rule, tex.worked)} block />
        <p className="bs-insp-muted">
          F×F filters over all D = {inputShape[1]} input channels, one bias each, K = {filters} filters. The count does
          not depend on the input's height and width: the same filters slide over every position.
        </p>
      </div>
    );
  }
  if (node.type === 'dense') {
    const parsed = denseConfig.safeParse(node.config);
    if (!parsed.success || inputShape.length !== 2 || parsed.data.weightNorm) return null;
    const tex = denseParamCountTex(inputShape[1], parsed.data.units, parsed.data.bias);
    return (
      <div className="bs-insp-params" data-testid="param-count-formula">
        <Tex tex={ruleThenNumbers('\\text{params}', tex.rule, tex.worked)} block />
      </div>
    );
  }
  if (node.type === 'max_pool2d' || node.type === 'avg_pool2d') {
    return (
      <p className="bs-insp-muted" data-testid="param-count-formula">
        No parameters: each window of each channel is reduced to one number (
        {node.type === 'max_pool2d' ? 'its max' : 'its mean'}
        ), channel by channel, so the depth stays D = {inputShape[1]}.
      </p>
    );
  }
  return null;
});

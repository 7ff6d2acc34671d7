import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { Tex } from '../debugger/Tex';
import { denseUnitTex } from './formula-tex';
import { useFirstInputRow } from './useNodeValues';

/** Unit 1 of a small dense layer worked out with its own weights, and the first sample's inputs when known. */
export const DenseFormula = memo(function DenseFormula({ node }: { node: NodeJson }) {
  const inputs = useFirstInputRow(node.id);
  const W = node.params?.W;
  const tex = W ? denseUnitTex(W, node.params?.b, inputs) : undefined;
  if (!tex) return null;
  return (
    <div className="bs-insp-worked" data-testid="dense-worked">
      <span className="bs-insp-caption">Unit 1 with its stored weights{inputs ? ', first sample' : ''}</span>
      <Tex tex={tex} block />
    </div>
  );
});

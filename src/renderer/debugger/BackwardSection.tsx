import { memo } from 'react';
import type { StepRecordPayload } from '../../protocol/results';
import { DerivationList } from './DerivationList';
import { backwardDerivations } from './derivations';
import { FormulaBox } from './FormulaBox';
import type { NodeContext } from './node-context';
import { backwardLegend, PARAM_AXES, PARAM_SLICES } from './notation';
import { TensorBlock } from './TensorBlock';

export interface BackwardSectionProps {
  record: StepRecordPayload;
  node: NodeContext;
}

/** The chain rule at the node: what arrived from above, the local derivative, and what goes on. */
export const BackwardSection = memo(function BackwardSection({ record, node }: BackwardSectionProps) {
  const { notation, digits } = node;
  const derivations = backwardDerivations(record, node.category, digits);
  return (
    <div className="bs-dbg-section__body">
      {node.formula && node.category !== 'input' && <FormulaBox label="General rule" tex={node.formula.backward} />}
      <p className="bs-dbg-legend-text">{backwardLegend(node.category, node.inputs, node.consumers)}</p>
      <DerivationList derivations={derivations} title="With this node's numbers" />
      {record.upstream !== undefined && node.category !== 'loss' && (
        <TensorBlock
          symbol={notation.upstream}
          note={node.category === 'input' ? 'reaches the input' : 'upstream'}
          values={record.upstream}
          digits={digits}
        />
      )}
      {record.local !== undefined && (
        <TensorBlock symbol={notation.local} note="local derivative" values={record.local} digits={digits} />
      )}
      {(record.inputGrads ?? []).map((values, i) => (
        <TensorBlock
          key={node.inputs[i] ?? i}
          symbol={notation.inputGrad}
          note={node.inputs[i] ? `to ${node.inputs[i]}` : 'passed back'}
          values={values}
          digits={digits}
        />
      ))}
      {Object.entries(record.paramGrads ?? {}).map(([name, values]) => (
        <TensorBlock
          key={name}
          symbol={`∂E/∂${name}`}
          note="parameter gradient"
          values={values}
          digits={digits}
          axes={PARAM_AXES}
          sliceAxes={PARAM_SLICES}
        />
      ))}
    </div>
  );
});

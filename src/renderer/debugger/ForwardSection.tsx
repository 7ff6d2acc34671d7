import { memo } from 'react';
import type { StepRecordPayload } from '../../protocol/results';
import { DerivationList } from './DerivationList';
import { forwardDerivations } from './derivations';
import { FormulaBox } from './FormulaBox';
import type { NodeContext } from './node-context';
import { PARAM_AXES, PARAM_SLICES } from './notation';
import { TensorBlock } from './TensorBlock';

export interface ForwardSectionProps {
  record: StepRecordPayload;
  node: NodeContext;
}

/** What the node computed on the way forward: the formula, worked with its numbers, and the values. */
export const ForwardSection = memo(function ForwardSection({ record, node }: ForwardSectionProps) {
  const { notation, digits } = node;
  const derivations = forwardDerivations(record, node.category, digits);
  return (
    <div className="bs-dbg-section__body">
      {node.formula && <FormulaBox label="General rule" tex={node.formula.forward} />}
      <DerivationList derivations={derivations} title="With this node's numbers" />
      {record.inputs.map((values, i) => (
        <TensorBlock
          key={node.inputs[i] ?? i}
          symbol={notation.input}
          note={node.inputs[i] ? `from ${node.inputs[i]}` : undefined}
          values={values}
          digits={digits}
        />
      ))}
      {record.target !== undefined && <TensorBlock symbol="t" note="target" values={record.target} digits={digits} />}
      {Object.entries(record.params).map(([name, values]) => (
        <TensorBlock
          key={name}
          symbol={name}
          note="parameter"
          values={values}
          digits={digits}
          axes={PARAM_AXES}
          sliceAxes={PARAM_SLICES}
        />
      ))}
      {node.category !== 'input' && (
        <TensorBlock symbol={notation.output} note="output" values={record.output} digits={digits} />
      )}
      {node.category === 'input' && <TensorBlock symbol="x" note="the sample" values={record.output} digits={digits} />}
    </div>
  );
});

import { memo } from 'react';
import type { ParamChange } from '../../protocol/results';
import { DerivationList } from './DerivationList';
import { PARAM_AXES, PARAM_SLICES } from './notation';
import { TensorBlock } from './TensorBlock';
import { updateDerivations } from './update-math';

export interface UpdateSectionProps {
  changes: ParamChange[];
  learningRate: number;
  digits: number;
}

/** The last gradient-descent step at this node: each parameter before and after. */
export const UpdateSection = memo(function UpdateSection({ changes, learningRate, digits }: UpdateSectionProps) {
  return (
    <div className="bs-dbg-section__body">
      {changes.map((change) => (
        <div key={change.param} className="bs-dbg-update">
          <DerivationList derivations={updateDerivations(change, learningRate, digits)} />
          <TensorBlock
            symbol={change.param}
            note="before"
            values={change.old}
            digits={digits}
            axes={PARAM_AXES}
            sliceAxes={PARAM_SLICES}
          />
          <TensorBlock
            symbol={`${change.param}⁺`}
            note="after"
            values={change.new}
            digits={digits}
            axes={PARAM_AXES}
            sliceAxes={PARAM_SLICES}
          />
        </div>
      ))}
    </div>
  );
});

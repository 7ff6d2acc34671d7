import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { Tex } from '../debugger/Tex';
import { ActivationCurvePlot } from './ActivationCurvePlot';
import { activationCurve, saturationBound } from './activation-curves';
import { activationAtTex } from './formula-tex';
import { percent, plural } from './inspect-format';
import { useAutoInspect, useInspectResult } from './useInspection';
import { usePreActivations } from './useNodeValues';

const DEFAULT_SATURATION = 0.01;

/** An activation's f and f' at its first input value, and its curves with every input value of the last pass on them. */
export const ActivationFormula = memo(function ActivationFormula({ node }: { node: NodeJson }) {
  // The curve is about where this node's values fall: get some when there are none yet.
  useAutoInspect();
  const curve = activationCurve(node.type, node.config);
  const pre = usePreActivations(node.id);
  const threshold = useInspectResult()?.thresholds.saturationThreshold ?? DEFAULT_SATURATION;
  if (!curve) return null;
  const first = pre?.values.find(Number.isFinite);
  const at = first === undefined ? undefined : activationAtTex(curve, first);
  const bound = saturationBound(node.type, threshold);
  const saturated = bound && pre ? pre.values.filter((v) => Math.abs(v) > bound).length : 0;
  return (
    <div className="bs-insp-activation" data-testid="activation-formula">
      {at && (
        <div className="bs-insp-worked">
          <span className="bs-insp-caption">At the first input value of {pre?.source}</span>
          <Tex tex={`${at.value},\\quad ${at.slope}`} block />
        </div>
      )}
      <ActivationCurvePlot type={node.type} curve={curve} values={pre?.values} threshold={threshold} height={230} />
      <p className="bs-insp-muted">
        {pre
          ? `${plural(pre.values.length, 'input value')} from ${pre.source}` +
            (bound
              ? `; ${percent(saturated / Math.max(1, pre.values.length))} in the shaded zones, where f′ < ${threshold}.`
              : '.')
          : 'Inspect the graph or step a pass to see where this node’s inputs fall on the curve.'}
      </p>
    </div>
  );
});

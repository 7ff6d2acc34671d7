import { memo } from 'react';
import type { InitComparison } from '../../core/inspect/init-comparison';
import type { InitName } from '../../core/layers/kind';
import { initLabel, initLabels } from './init-names';
import { shortNumber } from './inspect-format';

/** Per initialiser: the loss, whether the signal and the gradient keep their size, the flags. */
export const InitSummaryTable = memo(function InitSummaryTable({
  comparisons,
}: {
  comparisons: readonly InitComparison[];
}) {
  return (
    <table className="bs-table bs-insp-table" aria-label="Initialisers compared">
      <thead>
        <tr>
          <th>initialiser</th>
          <th className="bs-num">loss</th>
          <th
            className="bs-num"
            title="The deepest hidden layer's activation std over the first layer's: near 1 keeps the signal"
          >
            signal kept
          </th>
          <th
            className="bs-num"
            title="The first layer's weight-gradient norm over the last layer's: near 1 keeps the gradient"
          >
            gradient kept
          </th>
          <th>flags</th>
        </tr>
      </thead>
      <tbody>
        {comparisons.map((c) => {
          const vanishing = c.layers.filter((l) => l.flag === 'vanishing').length;
          const exploding = c.layers.filter((l) => l.flag === 'exploding').length;
          return (
            <tr key={c.init} data-testid="init-row">
              <td title={initLabels[c.init as InitName]?.rule}>{initLabel(c.init)}</td>
              <td className="bs-num bs-mono">{c.loss === undefined ? '–' : shortNumber(c.loss, 3)}</td>
              <td className="bs-num bs-mono">×{shortNumber(c.signalRatio)}</td>
              <td className="bs-num bs-mono">×{shortNumber(c.gradientRatio)}</td>
              <td>
                {vanishing > 0 && <span className="bs-insp-chip bs-insp-chip--vanishing">{vanishing} vanishing</span>}
                {exploding > 0 && <span className="bs-insp-chip bs-insp-chip--exploding">{exploding} exploding</span>}
                {vanishing + exploding === 0 && <span className="bs-insp-meta">none</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

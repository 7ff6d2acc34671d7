import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { spatialWindowOf } from '../../core/layers/spatial-windows';
import type { SpatialWindow } from '../../core/layers/window';
import type { Shape } from '../../core/tensor/shape';
import { runAction } from '../actions/registry';
import { Tex } from '../debugger/Tex';
import { outputSizeRuleTex, outputSizeTex } from './formula-tex';
import { windowAxes } from './window-axes';
import { flooredSentences, noPaddingSentences, type WindowFix, windowFixes } from './window-fixes';

export interface WindowFormulaProps {
  node: NodeJson;
  inputShape: Shape | undefined;
}

function fixValueText(value: WindowFix['value']): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function windowOf(node: NodeJson, inputShape: Shape): { window?: SpatialWindow; error?: string } {
  try {
    return { window: spatialWindowOf(node.type, node.config, inputShape) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * The output-size rule of a conv or pooling node with its numbers, per axis, kept up to date as
 * the settings change; when the division is not whole, what frameworks do and the settings that
 * would make it whole, as buttons.
 */
export const WindowFormula = memo(function WindowFormula({ node, inputShape }: WindowFormulaProps) {
  if (!inputShape) {
    return <p className="bs-insp-muted">Connect an input of known shape to see the output size worked out.</p>;
  }
  const { window, error } = windowOf(node, inputShape);
  const geometry = windowAxes(node.type, node.config, inputShape);
  const fixes = geometry?.axes ? windowFixes(geometry.axes, geometry.options) : [];
  const floored = geometry?.axes ? flooredSentences(geometry.axes) : [];
  const reasons = geometry?.axes ? noPaddingSentences(geometry.axes, geometry.options) : [];
  const apply = (fix: WindowFix) => {
    runAction('update-config', { nodeId: node.id, config: { ...node.config, [fix.field]: fix.value } });
  };
  return (
    <div className="bs-insp-window" data-testid="window-formula">
      <span className="bs-insp-caption">Output size, per axis (frameworks floor the division)</span>
      <div className="bs-insp-tex-block">
        <Tex tex={outputSizeRuleTex('W')} block />
      </div>
      {window && (
        <div className="bs-insp-tex-lines" aria-label="Output size with this node's numbers">
          <Tex tex={outputSizeTex('H', window.height.latex)} block />
          <Tex tex={outputSizeTex('W', window.width.latex)} block />
          <p className="bs-insp-muted">
            Input {inputShape[2]}×{inputShape[3]} → output {window.height.size}×{window.width.size}
          </p>
        </div>
      )}
      {error && (
        <p className="bs-insp-warning" role="alert">
          {error}
        </p>
      )}
      {floored.length > 0 && (
        <div className="bs-insp-warning" data-testid="window-not-whole">
          {floored.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {reasons.map((reason) => (
            <p key={reason} className="bs-insp-muted">
              {reason}
            </p>
          ))}
        </div>
      )}
      {fixes.length > 0 && (
        <div className="bs-insp-fixes">
          <span className="bs-insp-fixes__label">Make it whole:</span>
          {fixes.map((fix) => (
            <button
              key={`${fix.field}:${fixValueText(fix.value)}`}
              type="button"
              className="bs-button bs-button--outline bs-insp-fix"
              onClick={() => apply(fix)}
              title={`Set ${fix.field} to ${fixValueText(fix.value)}`}
            >
              {fix.field} {fixValueText(fix.value)} → {fix.output[0]}×{fix.output[1]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
});

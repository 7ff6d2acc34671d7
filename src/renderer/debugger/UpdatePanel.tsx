import { memo, useEffect } from 'react';
import type { ApplyUpdateResult } from '../../protocol/results';
import { DebuggerIcon } from './DebuggerIcon';
import { digitsFor, formatSig } from './number-format';
import { Tex } from './Tex';
import { flat } from './tensor-values';

/** Entries listed per parameter; the node's inspector has them all. */
const LISTED = 4;

export interface UpdatePanelProps {
  update: ApplyUpdateResult;
  onClose(): void;
}

function indexText(shape: readonly number[], e: number): string {
  const index: number[] = [];
  for (let axis = shape.length - 1, rest = e; axis >= 0; axis--) {
    index.unshift((rest % shape[axis]) + 1);
    rest = Math.floor(rest / shape[axis]);
  }
  return index.length ? `[${index.join(',')}]` : '';
}

/** A change with its sign, short: the old and new columns carry the digits. */
function signed(delta: number): string {
  const text = formatSig(Math.abs(delta), 4);
  return delta < 0 ? `−${text}` : `+${text}`;
}

/** The weights the last update changed, old and new, under the toolbar. */
export const UpdatePanel = memo(function UpdatePanel({ update, onClose }: UpdatePanelProps) {
  const digits = digitsFor(update.dtype);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const count = update.changes.reduce((n, c) => n + flat(c.new).data.length, 0);
  return (
    <section className="bs-dbg-update-panel" aria-label="Last update">
      <header className="bs-dbg-update-panel__head">
        <div>
          <strong>Update applied</strong>
          <span className="bs-dbg-update-panel__sub">
            {count} values, η = {update.learningRate}
          </span>
        </div>
        <button type="button" className="bs-button bs-button--icon" aria-label="Close update" onClick={onClose}>
          <DebuggerIcon name="close" />
        </button>
      </header>
      <Tex tex="w^{+} = w - \eta\,\frac{\partial E}{\partial w}" block className="bs-dbg-update-panel__rule" />
      <table className="bs-dbg-update-panel__table">
        <thead>
          <tr>
            <th scope="col">Weight</th>
            <th scope="col">Old</th>
            <th scope="col">New</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {update.changes.flatMap((change) => {
            const old = flat(change.old);
            const now = flat(change.new);
            const rows = Array.from({ length: Math.min(LISTED, now.data.length) }, (_, e) => (
              <tr key={`${change.nodeId}.${change.param}${e}`}>
                <th scope="row">
                  {change.nodeId}.{change.param}
                  {indexText(now.shape, e)}
                </th>
                <td>{formatSig(old.data[e], digits)}</td>
                <td className="bs-dbg-update-panel__new">{formatSig(now.data[e], digits)}</td>
                <td className="bs-dbg-update-panel__delta">{signed(now.data[e] - old.data[e])}</td>
              </tr>
            ));
            if (now.data.length > LISTED) {
              rows.push(
                <tr key={`${change.nodeId}.${change.param}more`} className="bs-dbg-update-panel__more">
                  <td colSpan={4}>
                    … {now.data.length - LISTED} more in {change.nodeId}'s inspector
                  </td>
                </tr>,
              );
            }
            return rows;
          })}
        </tbody>
      </table>
      <p className="bs-dbg-note">The pass starts over with the new weights: step forward to see the new loss.</p>
    </section>
  );
});

import { memo } from 'react';
import { useTrainingStore } from '../stores/training-store';

const fixed = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/**
 * The truth table the perceptron rule learns, after the latest pass: each row's inputs, target
 * and the unit's output, and whether they agree. The weights it reached are shown above.
 */
export const PerceptronTable = memo(function PerceptronTable() {
  const { samples, epochs } = useTrainingStore((s) => s.perceptron);
  const latest = epochs[epochs.length - 1];
  if (!samples || !latest) return null;
  const width = samples.inputs[0]?.length ?? 0;
  const wrong = latest.outputs.filter((o, i) => o !== samples.targets[i]).length;
  return (
    <figure className="bs-train__perceptron" data-testid="perceptron-table" data-epoch={latest.epoch}>
      <figcaption className="bs-train__figure-title">
        Truth table after pass {latest.epoch + 1}
        <span className={`bs-train__badge ${wrong ? 'is-wrong' : 'is-right'}`}>
          {wrong ? `${wrong} wrong` : 'all correct'}
        </span>
      </figcaption>
      <p className="bs-mono bs-train__weights-line">
        w = ({latest.weights.map(fixed).join(', ')}), b = {fixed(latest.bias)} · {latest.errors} update
        {latest.errors === 1 ? '' : 's'} this pass
      </p>
      <table className="bs-table bs-train__truth" aria-label="Truth table">
        <thead>
          <tr>
            {Array.from({ length: width }, (_, j) => (
              <th key={j} scope="col" className="bs-num">
                x{j + 1}
              </th>
            ))}
            <th scope="col" className="bs-num">
              target t
            </th>
            <th scope="col" className="bs-num">
              output o
            </th>
            <th scope="col">correct?</th>
          </tr>
        </thead>
        <tbody>
          {samples.inputs.map((row, i) => {
            const right = latest.outputs[i] === samples.targets[i];
            return (
              <tr key={i} className={right ? 'is-right' : 'is-wrong'}>
                {row.map((v, j) => (
                  <td key={j} className="bs-num bs-mono">
                    {fixed(v)}
                  </td>
                ))}
                <td className="bs-num bs-mono">{samples.targets[i]}</td>
                <td className="bs-num bs-mono">{latest.outputs[i]}</td>
                <td>{right ? '✓ yes' : '✗ no'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
});

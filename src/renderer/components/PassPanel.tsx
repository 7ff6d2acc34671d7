import { useSession } from '../stores/session-context';
import { ErrorMessage } from './ErrorMessage';
import { PassTable } from './PassTable';

/** Runs one forward and backward pass on the model's sample and shows what every node produced. */
export function PassPanel() {
  const trace = useSession((s) => s.trace);
  const runError = useSession((s) => s.runError);
  const running = useSession((s) => s.busy === 'running');
  const engineReady = useSession((s) => s.engine.state === 'ready');
  const runPass = useSession((s) => s.runPass);

  return (
    <section className="card">
      <div className="card-head">
        <h2>Forward and backward pass</h2>
        <button type="button" className="button" disabled={running || !engineReady} onClick={() => void runPass()}>
          {running ? 'Running…' : 'Run pass'}
        </button>
      </div>
      {runError && <ErrorMessage error={runError} />}
      {trace && (
        <>
          <p className="loss">
            Loss{' '}
            <output data-testid="loss">
              {trace.loss === null ? 'none (no loss node)' : trace.loss.toPrecision(6)}
            </output>
          </p>
          <PassTable trace={trace} />
        </>
      )}
      {!trace && !runError && <p className="muted">Run a pass to see each node's output and its gradient.</p>}
    </section>
  );
}

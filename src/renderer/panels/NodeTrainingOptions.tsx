import { memo, useId } from 'react';
import type { InitConfigJson, NodeJson } from '../../core/graph/model';
import type { InitName, ParamSpec } from '../../core/layers/kind';
import { runAction } from '../actions/registry';

export interface NodeTrainingOptionsProps {
  node: NodeJson;
  specs: Record<string, ParamSpec>;
}

const initLabels: Record<InitName, string> = {
  zeros: 'Zeros',
  ones: 'Ones',
  constant: 'Constant',
  small_random: 'Small random 0.01·N(0,1)',
  calibrated: 'Calibrated N(0,1)/√n_in',
  sparse: 'Sparse',
  glorot_uniform: 'Glorot uniform',
  glorot_normal: 'Glorot normal',
  he_uniform: 'He uniform',
  he_normal: 'He normal',
};

const initNames = Object.keys(initLabels) as InitName[];

const nameOf = (init: InitConfigJson | undefined): InitName | undefined =>
  init === undefined ? undefined : typeof init === 'string' ? init : init.name;

function InitSelect({ node, param, spec }: { node: NodeJson; param: string; spec: ParamSpec }) {
  const id = useId();
  const chosen = nameOf(node.init?.[param]);
  const stored = node.params?.[param] !== undefined;
  return (
    <div className="bs-field">
      <label htmlFor={id} className="bs-field__label">
        init <code>{param}</code>
      </label>
      <div className="bs-field__control">
        <select
          id={id}
          value={chosen ?? ''}
          onChange={(e) => {
            const value = e.target.value as InitName | '';
            runAction('set-node-training', {
              nodeId: node.id,
              init: { param, initializer: value === '' ? null : value },
            });
          }}
        >
          <option value="">Default ({initLabels[spec.init]})</option>
          {initNames.map((name) => (
            <option key={name} value={name}>
              {initLabels[name]}
            </option>
          ))}
        </select>
      </div>
      {stored && <p className="bs-field__help">Used when the stored values are reset.</p>}
    </div>
  );
}

/** Fine-tuning and initialisation: whether training may change this node, and how each parameter starts. */
export const NodeTrainingOptions = memo(function NodeTrainingOptions({ node, specs }: NodeTrainingOptionsProps) {
  const id = useId();
  return (
    <div className="bs-form">
      <div className="bs-field">
        <label htmlFor={id} className="bs-field__label">
          Trainable
        </label>
        <div className="bs-field__control">
          <input
            id={id}
            type="checkbox"
            checked={node.trainable !== false}
            onChange={(e) => runAction('set-node-training', { nodeId: node.id, trainable: e.target.checked })}
          />
        </div>
        <p className="bs-field__help">
          {node.trainable === false
            ? 'Frozen: training leaves its parameters as they are.'
            : 'Training updates its parameters.'}
        </p>
      </div>
      {Object.entries(specs).map(([param, spec]) => (
        <InitSelect key={param} node={node} param={param} spec={spec} />
      ))}
    </div>
  );
});

import './inspectors.css';
import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import type { Formula } from '../../core/layers/kind';
import { findKind } from '../../core/layers/registry';
import { formulaParts } from '../debugger/FormulaBox';
import { Tex } from '../debugger/Tex';
import type { CompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';
import { ActivationFormula } from './ActivationFormula';
import { DenseFormula } from './DenseFormula';
import { ParamCountFormula } from './ParamCountFormula';
import { WindowFormula } from './WindowFormula';
import { isWindowType } from './window-axes';

export interface FormulaCardProps {
  node: NodeJson;
  compiled: CompiledGraph;
}

function formulaOf(node: NodeJson): Formula | undefined {
  try {
    return findKind(node.type)?.formula(node.config);
  } catch {
    // A node loaded with issues may have a config its kind's formula cannot read.
    return undefined;
  }
}

/** What the node computes, forward and back, with its own numbers where they fit. */
export const FormulaCard = memo(function FormulaCard({ node, compiled }: FormulaCardProps) {
  const formula = formulaOf(node);
  const category = findKind(node.type)?.category;
  // From the edges rather than the plan: a node whose settings do not fit has no plan but still an input.
  const inputId = useGraphStore((s) => s.model.edges.find((e) => e.to === node.id)?.from);
  const inputShape = inputId === undefined ? undefined : compiled.shapes.get(inputId);
  return (
    <div className="bs-insp-formula" data-testid="formula-card">
      {formula && (
        <dl className="bs-insp-formula__rules">
          <dt>forward</dt>
          <dd>
            {formulaParts(formula.forward).map((part) => (
              <Tex key={part} tex={part} block />
            ))}
          </dd>
          <dt>backward</dt>
          <dd>
            {formulaParts(formula.backward).map((part) => (
              <Tex key={part} tex={part} block />
            ))}
          </dd>
        </dl>
      )}
      {isWindowType(node.type) && <WindowFormula node={node} inputShape={inputShape} />}
      {node.type === 'dense' && <DenseFormula node={node} />}
      {(isWindowType(node.type) || node.type === 'dense') && <ParamCountFormula node={node} inputShape={inputShape} />}
      {category === 'activation' && <ActivationFormula node={node} />}
    </div>
  );
});

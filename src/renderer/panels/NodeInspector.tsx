import { memo, type ReactNode } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { findKind } from '../../core/layers/registry';
import { formatShape } from '../../core/tensor/shape';
import { NodeFormulaSections } from '../inspectors/NodeFormulaSections';
import type { CompiledGraph } from '../stores/compiled-graph';
import { ConfigForm } from './ConfigForm';
import { InspectorSection } from './InspectorSection';
import { IssueList } from './IssueList';
import { NameField } from './NameField';
import { NodeTrainingOptions } from './NodeTrainingOptions';
import { ParamTable } from './ParamTable';
import { SampleEditor } from './SampleEditor';

export interface NodeInspectorProps {
  node: NodeJson;
  compiled: CompiledGraph;
  /** Values after a pass, filled by the debugger. */
  values?: ReactNode;
}

function shapeText(compiled: CompiledGraph, id: string): string {
  const shape = compiled.shapes.get(id);
  return shape ? formatShape(shape) : 'unknown';
}

/** Everything about one node: name, kind, settings, shapes, parameters, issues. */
export const NodeInspector = memo(function NodeInspector({ node, compiled, values }: NodeInspectorProps) {
  const kind = findKind(node.type);
  const planNode = compiled.plan?.byId.get(node.id);
  const issues = compiled.issuesByNode.get(node.id) ?? [];
  const specs = planNode?.paramSpecs ?? {};
  const paramCount = compiled.paramCounts.get(node.id) ?? 0;
  const category = kind?.category ?? 'layer';
  return (
    <div className="bs-inspector__node">
      <header className={`bs-inspector__head bs-inspector__head--${category}`}>
        <div className="bs-inspector__kind">
          <span className="bs-inspector__kind-dot" aria-hidden="true" />
          {kind?.label ?? node.type}
          <code className="bs-inspector__id">{node.id}</code>
        </div>
        <NameField key={node.id} nodeId={node.id} name={node.name ?? ''} />
        {kind && <p className="bs-inspector__summary">{kind.summary}</p>}
      </header>

      {issues.length > 0 && (
        <InspectorSection title="Issues" aside={issues.length}>
          <IssueList issues={issues} />
        </InspectorSection>
      )}

      {kind && (
        <InspectorSection title="Settings">
          <ConfigForm key={node.id} nodeId={node.id} kind={kind} config={node.config} />
        </InspectorSection>
      )}

      {category === 'input' && (
        <InspectorSection title="Sample">
          <SampleEditor nodeId={node.id} />
        </InspectorSection>
      )}

      <InspectorSection title="Shapes">
        <dl className="bs-defs">
          {(planNode?.inputs ?? []).map((from) => (
            <div key={from}>
              <dt>
                in from <code>{from}</code>
              </dt>
              <dd className="bs-mono">{shapeText(compiled, from)}</dd>
            </div>
          ))}
          <div>
            <dt>out</dt>
            <dd className="bs-mono">
              {category === 'loss' && planNode?.outputShape ? '[] scalar' : shapeText(compiled, node.id)}
            </dd>
          </div>
        </dl>
      </InspectorSection>

      {Object.keys(specs).length > 0 && (
        <InspectorSection title="Parameters" aside={paramCount.toLocaleString('en-US')}>
          <ParamTable specs={specs} stored={new Set(Object.keys(node.params ?? {}))} />
        </InspectorSection>
      )}

      {Object.keys(specs).length > 0 && (
        <InspectorSection title="Training">
          <NodeTrainingOptions node={node} specs={specs} />
        </InspectorSection>
      )}

      <NodeFormulaSections node={node} compiled={compiled} />

      {values && <InspectorSection title="Values">{values}</InspectorSection>}
    </div>
  );
});

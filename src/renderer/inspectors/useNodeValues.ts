import { useMemo } from 'react';
import { flat } from '../debugger/tensor-values';
import { useDebuggerStore } from '../stores/debugger-store';
import { useGraphStore } from '../stores/graph-store';
import { useInspectResult } from './useInspection';

export interface NodeValues {
  values: readonly number[];
  /** Where they come from, in words. */
  source: string;
}

/**
 * What an activation node received on the last pass: the inspection's sample of its inputs, else
 * the values the debugger's forward step recorded.
 */
export function usePreActivations(nodeId: string): NodeValues | undefined {
  const inspected = useInspectResult()?.preActivationSamples[nodeId];
  const recorded = useDebuggerStore((s) => s.records[nodeId]?.forward?.inputs[0]);
  return useMemo(() => {
    if (inspected?.length) return { values: inspected, source: 'the last inspection' };
    if (recorded !== undefined) return { values: Array.from(flat(recorded).data), source: 'the stepped pass' };
    return undefined;
  }, [inspected, recorded]);
}

/**
 * The first sample's input row of a node: what the debugger's forward step recorded, else the
 * model's sample when the node reads the model input directly.
 */
export function useFirstInputRow(nodeId: string): readonly number[] | undefined {
  const recorded = useDebuggerStore((s) => s.records[nodeId]?.forward?.inputs[0]);
  const model = useGraphStore((s) => s.model);
  return useMemo(() => {
    if (recorded !== undefined) {
      const { shape, data } = flat(recorded);
      return Array.from(data.subarray(0, shape.length > 1 ? shape[shape.length - 1] : data.length));
    }
    const from = model.edges.find((e) => e.to === nodeId)?.from;
    const source = model.nodes.find((n) => n.id === from);
    const row = source?.type === 'input' ? model.sample?.input[0] : undefined;
    return Array.isArray(row) && row.every((v) => typeof v === 'number') ? (row as number[]) : undefined;
  }, [recorded, model, nodeId]);
}

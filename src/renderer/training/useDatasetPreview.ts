import { useEffect, useState } from 'react';
import type { DatasetSpec } from '../../core/graph/training';
import type { CsvSource, DatasetPreviewResult } from '../../protocol/training';
import { asClientError, type EngineClientError } from '../engine-client';
import { useEngineClient } from '../engine-client/engine-context';

export interface DatasetPreview {
  preview: DatasetPreviewResult | null;
  error: EngineClientError | null;
  loading: boolean;
}

const DELAY_MS = 150;
/** Digit images shown in the Data tab: three rows of the narrow column. */
const DIGITS_SHOWN = 15;

/** The first samples of the chosen dataset, asked of the engine shortly after the choice settles. */
export function useDatasetPreview(spec: DatasetSpec | undefined, csv: CsvSource | undefined): DatasetPreview {
  const client = useEngineClient();
  const [state, setState] = useState<DatasetPreview>({ preview: null, error: null, loading: false });
  const key = JSON.stringify([spec, csv?.labelType, csv?.text.length, csv?.text.slice(0, 200)]);
  useEffect(() => {
    if (!spec || (spec.csv !== undefined && !csv)) {
      setState({ preview: null, error: null, loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const limit = spec.name === 'digits' ? DIGITS_SHOWN : undefined;
      client.request('dataset-preview', { spec, ...(csv ? { csv } : {}), ...(limit ? { limit } : {}) }).then(
        (preview) => !cancelled && setState({ preview, error: null, loading: false }),
        (e: unknown) => !cancelled && setState({ preview: null, error: asClientError(e), loading: false }),
      );
    }, DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, key]);
  return state;
}

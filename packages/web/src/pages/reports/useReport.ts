// Loads one report for the given parameters; `null` parameters (something still to choose) load nothing. Only the
// answer to the current parameters is shown, so the figures never belong to a previous choice.
import { useEffect, useState } from 'react';
import { reportsApi, type ReportBodies, type ReportName, type ReportQuery } from '../../api/reports';

export interface ReportState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

export function useReport<N extends ReportName>(name: N, query: ReportQuery | null): ReportState<ReportBodies[N]> {
  const key = query ? JSON.stringify(query) : null;
  const [state, setState] = useState<{ key: string | null; data: ReportBodies[N] | null; error: unknown }>({ key: null, data: null, error: null });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    reportsApi.get(name, JSON.parse(key) as ReportQuery).then(
      (data) => live && setState({ key, data, error: null }),
      (error: unknown) => live && setState({ key, data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [name, key]);

  if (key === null) return { data: null, error: null, loading: false };
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, loading: !current };
}

import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';

export interface StatsState<T> {
  data: T | null;
  error: Error | null;
  isPending: boolean;
}

/**
 * The figures read for the region and period asked, or null while those of the previous ones are still all
 * that has come: a page never shows one period's figures under another's heading.
 */
export function figuresOf<T extends { regionCode: string; from: string }>(
  stats: StatsState<T>,
  period: { region: string; from: string } | null,
): T | null {
  const data = stats.data;
  return data && period && data.regionCode === period.region && data.from === period.from ? data : null;
}

/**
 * Runs a statistics read (a resource's command: `stats`, `years`) for its variables; null variables: nothing
 * to ask yet. A newer request wins over an answer still on its way; a new `reload` reads again (after a step).
 */
export function useStats<T>(
  resource: string,
  command: string,
  variables: Record<string, unknown> | null,
  reload = 0,
): StatsState<T> {
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [state, setState] = useState<StatsState<T>>({ data: null, error: null, isPending: true });
  const key = variables ? JSON.stringify(variables) : null;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ ...previous, error: null, isPending: true }));
    dataProvider.command<T>(resource, command, JSON.parse(key)).then(
      (data) => current && setState({ data: data ?? null, error: null, isPending: false }),
      (error: unknown) =>
        current &&
        setState({
          data: null,
          error: error instanceof Error ? error : new Error(String(error)),
          isPending: false,
        }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, resource, command, key, reload]);
  return state;
}

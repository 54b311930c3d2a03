import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';
import type { MediationStats, OverviewParams } from './mediation-stats';

interface StatsState {
  stats: MediationStats | null;
  error: Error | null;
  isPending: boolean;
}

/** The overview's figures for the region and range; a newer pick wins over an answer still on its way. */
export function useMediationStats(params: OverviewParams | null): StatsState {
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [state, setState] = useState<StatsState>({ stats: null, error: null, isPending: true });
  const region = params?.region;
  const from = params?.from;
  const to = params?.to;
  useEffect(() => {
    if (!region || !from || !to) return;
    let current = true;
    setState((previous) => ({ ...previous, error: null, isPending: true }));
    dataProvider.command<MediationStats>('disputeCases', 'stats', { regionCode: region, from, to }).then(
      (stats) => current && setState({ stats: stats ?? null, error: null, isPending: false }),
      (error: unknown) =>
        current &&
        setState({
          stats: null,
          error: error instanceof Error ? error : new Error(String(error)),
          isPending: false,
        }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, region, from, to]);
  return state;
}

import { formatPercent } from '@qiangji/domain';
import Alert from '@mui/material/Alert';
import { useLocaleState, useTranslate } from 'react-admin';
import { regionName, type RegionRef } from '../common/region-ref';
import { ChildRegionTable } from '../stats/ChildRegionTable';
import { column, FigureTable } from '../stats/FigureTable';
import { KpiCards, type Kpi } from '../stats/KpiCards';
import { PeriodHeader, periodHeading } from '../stats/PeriodHeader';
import { ReadProgress, StatsCard } from '../stats/StatsCard';
import { TrendChart } from '../stats/TrendChart';
import { figuresOf, useStats } from '../stats/use-stats';
import { useStatsPeriod } from '../stats/use-stats-period';

interface Figures {
  activeCadres: number;
  villagesCovered: number;
  visits: number;
  households: number;
  householdsVisited: number;
  visitCoverage: number | null;
  householdsNeverVisited: number;
  poorHouseholds: number;
  poorVisitedOnSchedule: number;
  onScheduleRate: number | null;
  assistanceDone: number;
  disputesReported: number;
  disputesResolved: number;
}

export interface CadreStats extends Figures {
  regionCode: string;
  from: string;
  to: string;
  region: RegionRef;
  cadresBelowTarget: number;
  income: { fromYear: number; toYear: number; growth: number | null };
  byChildRegion: (Figures & { regionCode: string; region: RegionRef; income: { growth: number | null } })[];
  byWorkUnit: {
    workUnitId: string;
    workUnit: { name: string } | null;
    activeCadres: number;
    villagesCovered: number;
    visits: number;
    householdsVisited: number;
    assistanceDone: number;
  }[];
  byMonth: { month: string; visits: number; householdsVisited: number; assistanceDone: number }[];
}

type ChildFigures = CadreStats['byChildRegion'][number];
type WorkUnitFigures = CadreStats['byWorkUnit'][number];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The headline figures of the article's kind: cadres, visits, coverage, assistance, disputes, income growth. */
export function cadreKpis(s: CadreStats, translate: Translate, locale: string): Kpi[] {
  const count = (n: number) => n.toLocaleString(locale);
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.villages.overview.kpi.${key}`, options);
  const kpis: Omit<Kpi, 'label'>[] = [
    { key: 'active_cadres', value: count(s.activeCadres) },
    { key: 'villages_covered', value: count(s.villagesCovered) },
    { key: 'visits', value: count(s.visits) },
    {
      key: 'coverage',
      value: formatPercent(s.visitCoverage),
      detail: t('coverage_detail', { visited: count(s.householdsVisited), households: count(s.households) }),
    },
    {
      key: 'on_schedule',
      value: formatPercent(s.onScheduleRate),
      detail: t('schedule_detail', { done: count(s.poorVisitedOnSchedule), poor: count(s.poorHouseholds) }),
    },
    { key: 'assistance_done', value: count(s.assistanceDone) },
    {
      key: 'disputes_resolved',
      value: count(s.disputesResolved),
      detail: t('disputes_detail', { reported: count(s.disputesReported) }),
    },
    {
      key: 'income_growth',
      value: formatPercent(s.income.growth),
      detail: t('income_detail', { from: s.income.fromYear, to: s.income.toYear }),
    },
    {
      key: 'below_target',
      value: count(s.cadresBelowTarget),
      color: s.cadresBelowTarget > 0 ? 'warning.main' : undefined,
    },
    { key: 'never_visited', value: count(s.householdsNeverVisited) },
  ];
  return kpis.map((kpi) => ({ ...kpi, label: t(kpi.key) }));
}

/**
 * 驻村工作概况: the stationed cadres' KPIs of a region's subtree for a period, the monthly trend, the child
 * regions that drill down and the work units; built from the statistics kit like the mediation overview.
 */
export const CadreOverview = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const place = useStatsPeriod('visits', '/cadres');
  const { asked, years, period, drillDown } = place;
  const stats = useStats<CadreStats>(
    'visits',
    'cadreStats',
    period && { regionCode: period.region, from: period.from, to: period.to },
  );
  const shown = figuresOf(stats, period);
  const name = shown ? regionName(shown.region) : (asked?.region ?? '');
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.villages.overview.${key}`, options);
  const count = (n: number) => n.toLocaleString(locale);
  const kpi = (key: string) => translate(`app.villages.overview.kpi.${key}`);

  return (
    <StatsCard title="app.villages.overview.title">
      {period && (
        <PeriodHeader
          place={{ ...place, period }}
          heading={periodHeading(translate, 'app.villages.overview', name, period, locale)}
          trail={shown && name}
        />
      )}
      <ReadProgress loading={years.isPending || stats.isPending} error={stats.error} />
      {shown && (
        <>
          <KpiCards items={cadreKpis(shown, translate, locale)} />
          {shown.visits === 0 ? (
            <Alert severity="info">{t('no_data')}</Alert>
          ) : (
            <TrendChart
              title={t('trend')}
              months={shown.byMonth}
              series={[
                { key: 'visits', label: kpi('visits'), color: '#1976d2' },
                { key: 'assistanceDone', label: kpi('assistance_done'), color: '#2e7d32' },
              ]}
            />
          )}
          <ChildRegionTable<ChildFigures>
            title={t('by_child_region')}
            rows={shown.byChildRegion}
            drillDown={drillDown}
            columns={[
              column('cadres', kpi('active_cadres'), (r) => count(r.activeCadres)),
              column('visits', kpi('visits'), (r) => count(r.visits)),
              column('coverage', kpi('coverage'), (r) => formatPercent(r.visitCoverage)),
              column('schedule', kpi('on_schedule'), (r) => formatPercent(r.onScheduleRate)),
              column('assistance', kpi('assistance_done'), (r) => count(r.assistanceDone)),
              column('income', kpi('income_growth'), (r) => formatPercent(r.income.growth)),
            ]}
          />
          <FigureTable<WorkUnitFigures>
            title={t('by_work_unit')}
            rowHeader={t('work_unit')}
            rows={shown.byWorkUnit}
            rowKey={(r) => r.workUnitId}
            rowLabel={(r) => r.workUnit?.name ?? r.workUnitId}
            columns={[
              column('cadres', kpi('active_cadres'), (r) => count(r.activeCadres)),
              column('villages', kpi('villages_covered'), (r) => count(r.villagesCovered)),
              column('visits', kpi('visits'), (r) => count(r.visits)),
              column('assistance', kpi('assistance_done'), (r) => count(r.assistanceDone)),
            ]}
          />
        </>
      )}
    </StatsCard>
  );
};

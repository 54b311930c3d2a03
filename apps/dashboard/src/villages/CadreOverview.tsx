import { formatPercent } from '@qiangji/domain';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { regionName, type RegionRef } from '../common/region-ref';
import { ChildRegionTable } from '../stats/ChildRegionTable';
import { FigureTable } from '../stats/FigureTable';
import { KpiCards, type Kpi } from '../stats/KpiCards';
import { wholeYear } from '../stats/period';
import { PeriodPicker } from '../stats/PeriodPicker';
import { RegionTrail } from '../stats/RegionTrail';
import { TrendChart } from '../stats/TrendChart';
import { useStats } from '../stats/use-stats';
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
  const { jurisdiction, asked, years, period, drillDown, go } = useStatsPeriod('visits', '/cadres');
  const stats = useStats<CadreStats>(
    'visits',
    'cadreStats',
    period && { regionCode: period.region, from: period.from, to: period.to },
  );
  const shown =
    stats.data && period && stats.data.regionCode === period.region && stats.data.from === period.from
      ? stats.data
      : null;
  const year = period && wholeYear(period);
  const name = shown ? regionName(shown.region) : (asked?.region ?? '');
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.villages.overview.${key}`, options);
  const count = (n: number) => n.toLocaleString(locale);
  const kpi = (key: string) => translate(`app.villages.overview.kpi.${key}`);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.villages.overview.title" />
      <CardContent>
        <Stack spacing={3}>
          {period && (
            <Stack spacing={1}>
              {jurisdiction && shown && (
                <RegionTrail
                  region={period.region}
                  current={name}
                  jurisdiction={jurisdiction.code}
                  linkTo={drillDown}
                />
              )}
              <Typography variant="h5" component="h1">
                {year
                  ? t('heading_year', { region: name, year })
                  : t('heading', {
                      region: name,
                      from: formatDay(period.from, locale),
                      to: formatDay(period.to, locale),
                    })}
              </Typography>
              <PeriodPicker period={period} years={years.data ?? []} onChange={go} />
            </Stack>
          )}
          {(years.isPending || stats.isPending) && <LinearProgress />}
          {stats.error && <Alert severity="error">{stats.error.message}</Alert>}
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
              <ChildRegionTable
                title={t('by_child_region')}
                rows={shown.byChildRegion}
                drillDown={drillDown}
                columns={[
                  { key: 'cadres', label: kpi('active_cadres'), value: (r) => count(r.activeCadres) },
                  { key: 'visits', label: kpi('visits'), value: (r) => count(r.visits) },
                  { key: 'coverage', label: kpi('coverage'), value: (r) => formatPercent(r.visitCoverage) },
                  {
                    key: 'schedule',
                    label: kpi('on_schedule'),
                    value: (r) => formatPercent(r.onScheduleRate),
                  },
                  { key: 'assistance', label: kpi('assistance_done'), value: (r) => count(r.assistanceDone) },
                  {
                    key: 'income',
                    label: kpi('income_growth'),
                    value: (r) => formatPercent(r.income.growth),
                  },
                ]}
              />
              <FigureTable
                title={t('by_work_unit')}
                rowHeader={t('work_unit')}
                rows={shown.byWorkUnit}
                rowKey={(r) => r.workUnitId}
                rowLabel={(r) => r.workUnit?.name ?? r.workUnitId}
                columns={[
                  { key: 'cadres', label: kpi('active_cadres'), value: (r) => count(r.activeCadres) },
                  { key: 'villages', label: kpi('villages_covered'), value: (r) => count(r.villagesCovered) },
                  { key: 'visits', label: kpi('visits'), value: (r) => count(r.visits) },
                  { key: 'assistance', label: kpi('assistance_done'), value: (r) => count(r.assistanceDone) },
                ]}
              />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

import { formatPercent } from '@qiangji/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import { ChildRegionTable } from '../stats/ChildRegionTable';
import { column, FigureTable } from '../stats/FigureTable';
import { KpiCards, type Kpi } from '../stats/KpiCards';
import { monthSeries } from '../stats/period';
import { PeriodHeader } from '../stats/PeriodHeader';
import { ReadProgress, StatsCard } from '../stats/StatsCard';
import { TrendChart } from '../stats/TrendChart';
import { useStats } from '../stats/use-stats';
import { useStatsPeriod } from '../stats/use-stats-period';
import { regionName, type RegionRef } from '../common/region-ref';

interface CategoryFigures {
  category: string;
  cases: number;
  previousCases: number;
  change: number | null;
}
interface ChildFigures {
  regionCode: string;
  region: RegionRef;
  cases: number;
  previousCases: number;
  change: number | null;
  rank: number | null;
}
interface SecurityStats {
  regionCode: string;
  from: string;
  reportedCases: number;
  previousReportedCases: number;
  reportedCasesChange: number | null;
  byCategory: CategoryFigures[];
  byMonth: { month: string; cases: number; previousCases: number }[];
  byChildRegion: ChildFigures[];
  region: RegionRef;
  villages: number;
  quietYears: number;
  villagesWithoutPublicOrderCase: number;
  villagesWithoutCriminalCase: number;
}
interface TrendPoint {
  year: number;
  satisfied: number;
  changePoints: number | null;
}
interface Prevention {
  indicator: string;
  name: string;
  value: number;
}

const RESOURCE = 'legalEducationEvents';

/** A change as the article writes it: −19.8%, or +0.4 points. */
const change = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : ''}${formatPercent(value)}`;
const points = (value: number | null, translate: (k: string, o?: object) => string) =>
  value === null
    ? '—'
    : translate('app.security.points', { points: `${value > 0 ? '+' : ''}${value.toFixed(1)}` });

/**
 * 公共安全概况: reported cases of a year in a region's subtree against the year before (by category, month and
 * child region, ranked by their fall), the villages' quiet years, the sense-of-security surveys and the
 * prevention resources, all from the statistics kit.
 */
export const SecurityOverview = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const place = useStatsPeriod(RESOURCE, '/security');
  const { years, period, drillDown } = place;
  const months = period && { from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
  const stats = useStats<SecurityStats>(
    RESOURCE,
    'stats',
    period && { regionCode: period.region, ...months },
  );
  const trend = useStats<TrendPoint[]>(RESOURCE, 'trend', period && { regionCode: period.region });
  const year = period ? Number(period.to.slice(0, 4)) : null;
  const prevention = useStats<Prevention[]>(
    RESOURCE,
    'prevention',
    period && { regionCode: period.region, year },
  );
  const s = stats.data;
  const category = (c: string) => s?.byCategory.find((x) => x.category === c);
  const count = (n: number) => n.toLocaleString(locale);
  const survey = trend.data?.filter((t) => year !== null && t.year <= year).at(-1);

  const kpis: Kpi[] = s
    ? [
        {
          key: 'cases',
          label: translate('app.security.kpi.reported'),
          value: count(s.reportedCases),
          detail: translate('app.security.kpi.yoy', { change: change(s.reportedCasesChange) }),
        },
        ...(['CRIMINAL', 'HOMICIDE', 'PUBLIC_ORDER'] as const).map((c) => ({
          key: c,
          label: translate(`app.security_category.${c}`),
          value: count(category(c)?.cases ?? 0),
          detail: translate('app.security.kpi.yoy', { change: change(category(c)?.change ?? null) }),
        })),
        {
          key: 'survey',
          label: translate('app.security.kpi.sense_of_security'),
          value: survey ? formatPercent(survey.satisfied) : '—',
          detail: survey ? `${survey.year} · ${points(survey.changePoints, translate)}` : undefined,
        },
        {
          key: 'quiet',
          label: translate('app.security.kpi.quiet', { years: s.quietYears }),
          value: count(s.villagesWithoutPublicOrderCase),
          detail: translate('app.security.kpi.no_criminal', {
            count: s.villagesWithoutCriminalCase,
            villages: s.villages,
          }),
        },
      ]
    : [];

  return (
    <StatsCard title="app.security.title">
      {period && (
        <PeriodHeader
          place={{ ...place, period }}
          heading={translate('app.security.heading', {
            region: s ? regionName(s.region) : period.region,
            year: year ?? '',
          })}
        />
      )}
      <ReadProgress loading={years.isPending || stats.isPending} error={stats.error} />
      {s && (
        <>
          <KpiCards items={kpis} />
          <TrendChart
            title={translate('app.security.trend')}
            months={monthSeries(period!.from, period!.to, s.byMonth, ['cases', 'previousCases'])}
            series={[
              { key: 'cases', label: translate('app.security.this_year'), color: '#1976d2' },
              { key: 'previousCases', label: translate('app.security.last_year'), color: '#9e9e9e' },
            ]}
          />
          <ChildRegionTable<ChildFigures>
            title={translate('app.security.by_child_region')}
            rows={s.byChildRegion}
            drillDown={drillDown}
            columns={[
              column('cases', translate('app.security.kpi.reported'), (r) => count(r.cases)),
              column('previous', translate('app.security.last_year'), (r) => count(r.previousCases)),
              column('change', translate('app.security.change'), (r) => change(r.change)),
              column('rank', translate('app.security.rank'), (r) => (r.rank ? String(r.rank) : '—')),
            ]}
          />
          <FigureTable<CategoryFigures>
            title={translate('app.security.by_category')}
            rowHeader={translate('app.security.category_header')}
            rows={s.byCategory}
            rowKey={(c) => c.category}
            rowLabel={(c) => translate(`app.security_category.${c.category}`)}
            columns={[
              column('cases', translate('app.security.this_year'), (c) => count(c.cases)),
              column('previous', translate('app.security.last_year'), (c) => count(c.previousCases)),
              column('change', translate('app.security.change'), (c) => change(c.change)),
            ]}
          />
        </>
      )}
      {trend.data && (
        <FigureTable<TrendPoint>
          title={translate('app.security.surveys')}
          rowHeader={translate('app.stats.year')}
          rows={trend.data}
          rowKey={(t) => String(t.year)}
          rowLabel={(t) => String(t.year)}
          columns={[
            column('satisfied', translate('app.security.kpi.sense_of_security'), (t) =>
              formatPercent(t.satisfied),
            ),
            column('change', translate('app.security.change'), (t) => points(t.changePoints, translate)),
          ]}
        />
      )}
      {prevention.data && (
        <FigureTable
          title={translate('app.security.prevention', { year: year ?? '' })}
          rowHeader={translate('app.security.indicator')}
          rows={prevention.data}
          rowKey={(p) => `${p.indicator}|${p.name}`}
          rowLabel={(p) => p.name || translate(`app.prevention_indicator.${p.indicator}`)}
          columns={[
            {
              key: 'value',
              label: translate('app.security.value'),
              value: (p) => (p.indicator === 'VIDEO_COVERAGE' ? formatPercent(p.value) : count(p.value)),
            },
          ]}
        />
      )}
    </StatsCard>
  );
};

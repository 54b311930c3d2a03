import Grid from '@mui/material/Grid';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { formatPercent } from '@qiangji/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import type { To } from 'react-router-dom';
import { ChildRegionTable } from '../stats/ChildRegionTable';
import { EmptyState } from '../stats/EmptyState';
import { FigureTable, type FigureColumn } from '../stats/FigureTable';
import { KpiCards } from '../stats/KpiCards';
import { monthSeries } from '../stats/period';
import { TrendChart } from '../stats/TrendChart';
import { mediationKpis } from './mediation-kpis';
import type { MediationFigures as Figures, MediationStats } from './mediation-stats';

/**
 * The overview's figures for one region and period: the KPIs, then the monthly trend, the child regions (which
 * drill down) and the dispute types; a period without accepted cases says so instead of drawing empty axes.
 */
export const MediationFigures = ({
  stats,
  drillDown,
}: {
  stats: MediationStats;
  drillDown: (regionCode: string) => To;
}) => {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale = 'zh-CN'] = useLocaleState();
  const count = (n: number) => n.toLocaleString(locale);
  const label = (key: string) => translate(`app.mediation.kpi.${key}`);
  const columns: FigureColumn<Figures>[] = [
    { key: 'accepted', label: label('accepted'), value: (r) => count(r.accepted) },
    { key: 'mediated', label: label('mediated'), value: (r) => count(r.mediated) },
    { key: 'mediation_rate', label: label('mediation_rate'), value: (r) => formatPercent(r.mediationRate) },
    { key: 'open', label: label('open'), value: (r) => count(r.open) },
    {
      key: 'overdue',
      label: label('overdue'),
      value: (r) => count(r.overdue),
      color: (r) => (r.overdue > 0 ? 'error.main' : undefined),
    },
  ];
  const trendTitle = translate('app.mediation.trend');
  return (
    <>
      <KpiCards items={mediationKpis(stats, translate, locale)} />
      {stats.accepted === 0 ? (
        <EmptyState message={translate('app.mediation.no_cases')} />
      ) : (
        <>
          <section>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {trendTitle}
            </Typography>
            <TrendChart
              title={trendTitle}
              months={monthSeries(stats.from, stats.to, stats.byMonth, ['accepted', 'mediated'])}
              series={[
                { key: 'accepted', label: label('accepted'), color: theme.palette.grey[400] },
                { key: 'mediated', label: label('mediated'), color: theme.palette.primary.main },
              ]}
            />
          </section>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, lg: 7 }}>
              <ChildRegionTable
                title={translate('app.mediation.by_child_region')}
                rows={stats.byChildRegion}
                columns={columns}
                drillDown={drillDown}
              />
            </Grid>
            <Grid size={{ xs: 12, lg: 5 }}>
              <FigureTable
                title={translate('app.mediation.by_type')}
                rowHeader={translate('resources.disputeCases.fields.type')}
                rows={stats.byType}
                rowKey={(row) => row.type}
                rowLabel={(row) => translate(`app.dispute_type.${row.type}`)}
                columns={columns.slice(0, 3)}
              />
            </Grid>
          </Grid>
        </>
      )}
    </>
  );
};

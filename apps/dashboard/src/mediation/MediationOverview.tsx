import Alert from '@mui/material/Alert';
import { useLocaleState, useTranslate } from 'react-admin';
import { regionName } from '../common/region-ref';
import { PeriodHeader, periodHeading } from '../stats/PeriodHeader';
import { ReadProgress, StatsCard } from '../stats/StatsCard';
import { figuresOf, useStats } from '../stats/use-stats';
import { useStatsPeriod } from '../stats/use-stats-period';
import { MediationFigures } from './MediationFigures';
import type { MediationStats } from './mediation-stats';

/**
 * 大调解 overview: the KPIs of the cases accepted in a period in a region's subtree, the monthly trend, the
 * child regions that drill down and the dispute types. It opens on the user's jurisdiction and this year (China
 * time), or the newest year with data; the region and period then live in the URL, so a drill-down is a link
 * and the back button goes back up.
 */
export const MediationOverview = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const place = useStatsPeriod('disputeCases', '/mediation');
  const { asked, years, thisYear, opening, period, drillDown } = place;
  const stats = useStats<MediationStats>(
    'disputeCases',
    'stats',
    period && { regionCode: period.region, from: period.from, to: period.to },
  );
  const shown = figuresOf(stats, period);
  const name = shown ? regionName(shown.region) : (asked?.region ?? '');

  return (
    <StatsCard title="app.mediation.title">
      {period && (
        <PeriodHeader
          place={{ ...place, period }}
          heading={periodHeading(translate, 'app.mediation', name, period, locale)}
          trail={shown && name}
        />
      )}
      {opening?.fallback && (
        <Alert severity="info">
          {translate('app.mediation.no_data_this_year', { year: thisYear, shown: opening.year })}
        </Alert>
      )}
      <ReadProgress loading={years.isPending || stats.isPending} error={stats.error} />
      {shown && <MediationFigures stats={shown} drillDown={drillDown} />}
    </StatsCard>
  );
};

import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { regionName } from '../common/region-ref';
import { wholeYear } from '../stats/period';
import { PeriodPicker } from '../stats/PeriodPicker';
import { RegionTrail } from '../stats/RegionTrail';
import { useStats } from '../stats/use-stats';
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
  const { jurisdiction, asked, years, thisYear, opening, period, drillDown, go } = useStatsPeriod(
    'disputeCases',
    '/mediation',
  );
  const stats = useStats<MediationStats>(
    'disputeCases',
    'stats',
    period && { regionCode: period.region, from: period.from, to: period.to },
  );
  const shown =
    stats.data && period && stats.data.regionCode === period.region && stats.data.from === period.from
      ? stats.data
      : null;
  const year = period && wholeYear(period);
  const name = shown ? regionName(shown.region) : (asked?.region ?? '');

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.mediation.title" />
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
                  ? translate('app.mediation.heading_year', { region: name, year })
                  : translate('app.mediation.heading', {
                      region: name,
                      from: formatDay(period.from, locale),
                      to: formatDay(period.to, locale),
                    })}
              </Typography>
              <PeriodPicker period={period} years={years.data ?? []} onChange={go} />
            </Stack>
          )}
          {opening?.fallback && (
            <Alert severity="info">
              {translate('app.mediation.no_data_this_year', { year: thisYear, shown: opening.year })}
            </Alert>
          )}
          {(years.isPending || stats.isPending) && <LinearProgress />}
          {stats.error && <Alert severity="error">{stats.error.message}</Alert>}
          {shown && <MediationFigures stats={shown} drillDown={drillDown} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

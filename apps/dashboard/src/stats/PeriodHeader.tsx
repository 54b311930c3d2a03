import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDay } from '../common/dates';
import { wholeYear, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RegionTrail } from './RegionTrail';
import type { StatsPeriod } from './use-stats-period';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A region's figures' heading for a period, from the messages `<messages>.heading_year` (a whole year) or
 * `<messages>.heading` (from a day to a day).
 */
export function periodHeading(
  translate: Translate,
  messages: string,
  region: string,
  period: Period,
  locale: string,
) {
  const year = wholeYear(period);
  return year
    ? translate(`${messages}.heading_year`, { region, year })
    : translate(`${messages}.heading`, {
        region,
        from: formatDay(period.from, locale),
        to: formatDay(period.to, locale),
      });
}

/**
 * The page's heading over its period picker and, once the shown region's name is read (`trail`), the way back
 * up from it to the user's jurisdiction.
 */
export const PeriodHeader = ({
  place: { jurisdiction, period, years, drillDown, go },
  heading,
  trail,
}: {
  place: StatsPeriod & { period: Period };
  heading: string;
  trail?: string | null;
}) => (
  <Stack spacing={1}>
    {jurisdiction && trail != null && (
      <RegionTrail
        region={period.region}
        current={trail}
        jurisdiction={jurisdiction.code}
        linkTo={drillDown}
      />
    )}
    <Typography variant="h5" component="h1">
      {heading}
    </Typography>
    <PeriodPicker period={period} years={years.data ?? []} onChange={go} />
  </Stack>
);

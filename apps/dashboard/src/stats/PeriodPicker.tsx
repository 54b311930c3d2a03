import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Form, useTranslate } from 'react-admin';
import { RegionInput } from '../common/RegionInput';
import { wholeYear, yearRange, type Period } from './period';

interface PeriodPickerProps {
  period: Period;
  /** The years with data, newest first (the module's xYears query). */
  years: readonly number[];
  onChange: (next: Period) => void;
}

/**
 * The region (a react-admin form for its reference input), the year among those with data, or a range from a
 * day to a day: the controls of every statistics page.
 */
export const PeriodPicker = ({ period, years, onChange }: PeriodPickerProps) => {
  const translate = useTranslate();
  const go = (next: Partial<Period>) => onChange({ ...period, ...next });
  const year = wholeYear(period);
  // A year reached by a link (or by hand) stays selectable even where the region has no data for it.
  const offered = year !== null && !years.includes(year) ? [...years, year].sort((a, b) => b - a) : years;
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      // On a phone each control takes the whole width, one under the other.
      sx={{ flexWrap: 'wrap', alignItems: 'center', '& > *': { width: { xs: '100%', sm: 'auto' } } }}
    >
      {/* Keyed by the region: a drill-down (a link, not the input) must show its region in the input too. */}
      <Form key={period.region} record={{ regionCode: period.region }}>
        <RegionInput
          source="regionCode"
          label="app.stats.region"
          helperText={false}
          onChange={(code) => code && code !== period.region && go({ region: code })}
        />
      </Form>
      <TextField
        select
        size="small"
        label={translate('app.stats.year')}
        value={year === null ? '' : String(year)}
        onChange={(event) => go(yearRange(event.target.value))}
        sx={{ width: { sm: '8rem' } }}
      >
        {offered.map((y) => (
          <MenuItem key={y} value={String(y)}>
            {translate('app.stats.year_option', { year: y })}
          </MenuItem>
        ))}
      </TextField>
      {(['from', 'to'] as const).map((end) => (
        <TextField
          key={end}
          type="date"
          size="small"
          label={translate(`app.stats.${end}`)}
          value={period[end]}
          onChange={(event) => event.target.value && go({ [end]: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: { sm: '11rem' } }}
        />
      ))}
    </Stack>
  );
};

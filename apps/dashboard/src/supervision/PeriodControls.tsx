import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  addMonths,
  chinaMonth,
  PERIOD_KINDS,
  periodContaining,
  periodKindOf,
  type MonthRange,
  type PeriodKind,
} from '@qiangji/domain';
import { useTranslate } from 'react-admin';

/** The years offered: from the project's pilot (2011) to this year, newest first. */
function yearsToNow(): number[] {
  const last = Number(chinaMonth().slice(0, 4));
  return Array.from({ length: last - 2010 }, (_, i) => last - i);
}

const small = { size: 'small' as const, sx: { width: { xs: '100%', sm: '9rem' } } };

/**
 * The period: a month, a quarter, a year or a custom range of months; every tile is compared with the same
 * months a year before. Switching the kind keeps the period's last month.
 */
export const PeriodControls = ({
  period,
  onChange,
}: {
  period: MonthRange;
  onChange: (next: MonthRange) => void;
}) => {
  const translate = useTranslate();
  const kind = periodKindOf(period);
  const year = Number(period.to.slice(0, 4));
  const quarter = Math.floor((Number(period.to.slice(5, 7)) - 1) / 3) + 1;
  const pick = (k: PeriodKind) =>
    onChange(
      k === 'CUSTOM' ? { from: addMonths(period.to, -5), to: period.to } : periodContaining(k, period.to),
    );
  const monthInput = (end: 'from' | 'to', label: string) => (
    <TextField
      {...small}
      type="month"
      label={label}
      value={period[end]}
      slotProps={{ inputLabel: { shrink: true } }}
      onChange={(e) => {
        const value = e.target.value;
        if (!value) return;
        if (kind === 'MONTH') onChange({ from: value, to: value });
        else {
          const next = { ...period, [end]: value };
          if (next.from <= next.to) onChange(next);
        }
      }}
    />
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      data-print="hide"
    >
      <TextField
        select
        {...small}
        label={translate('app.command_view.period_kind')}
        value={kind}
        onChange={(e) => pick(e.target.value as PeriodKind)}
      >
        {PERIOD_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {translate(`app.period_kind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      {(kind === 'YEAR' || kind === 'QUARTER') && (
        <TextField
          select
          {...small}
          label={translate('app.command_view.year')}
          value={String(year)}
          onChange={(e) =>
            onChange(
              periodContaining(
                kind,
                `${e.target.value}-${String(kind === 'YEAR' ? 12 : quarter * 3).padStart(2, '0')}`,
              ),
            )
          }
        >
          {yearsToNow().map((y) => (
            <MenuItem key={y} value={String(y)}>
              {translate('app.stats.year_option', { year: y })}
            </MenuItem>
          ))}
        </TextField>
      )}
      {kind === 'QUARTER' && (
        <TextField
          select
          {...small}
          label={translate('app.command_view.quarter')}
          value={String(quarter)}
          onChange={(e) =>
            onChange(
              periodContaining('QUARTER', `${year}-${String(Number(e.target.value) * 3).padStart(2, '0')}`),
            )
          }
        >
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={String(q)}>
              {translate('app.command_view.quarter_option', { quarter: q })}
            </MenuItem>
          ))}
        </TextField>
      )}
      {kind === 'MONTH' && monthInput('to', translate('app.command_view.month'))}
      {kind === 'CUSTOM' && (
        <>
          {monthInput('from', translate('app.command_view.from'))}
          {monthInput('to', translate('app.command_view.to'))}
        </>
      )}
    </Stack>
  );
};

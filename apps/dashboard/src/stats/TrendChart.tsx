import Box from '@mui/material/Box';
import { useLocaleState } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth } from '../common/dates';
import type { MonthPoint } from './period';

/** One series of the trend: a field of each month, its label and its colour. */
export interface TrendSeries {
  key: string;
  label: string;
  color: string;
}

const HEIGHT = 260;

/**
 * Figures per month as grouped bars (recharts, loaded with the statistics pages only). Each month has a tooltip
 * with its figures; the page's tables hold the same figures for screen readers.
 */
export const TrendChart = ({
  title,
  months,
  series,
}: {
  title: string;
  months: readonly MonthPoint[];
  series: readonly TrendSeries[];
}) => {
  const [locale = 'zh-CN'] = useLocaleState();
  const oneYear = new Set(months.map((m) => m.month.slice(0, 4))).size === 1;
  const monthOnly = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const tick = (month: string) =>
    oneYear ? monthOnly.format(new Date(`${month}-01T00:00:00Z`)) : formatMonth(month, locale);
  const count = (value: unknown) => Number(value).toLocaleString(locale);
  return (
    <Box role="img" aria-label={title} sx={{ width: '100%', height: HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...months]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={tick} interval="preserveStartEnd" fontSize={12} />
          <YAxis allowDecimals={false} tickFormatter={count} width={48} fontSize={12} />
          <Tooltip labelFormatter={(month) => formatMonth(String(month), locale)} formatter={count} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

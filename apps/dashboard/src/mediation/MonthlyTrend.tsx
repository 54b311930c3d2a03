import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { formatPercent } from '@qiangji/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import type { MonthBar } from './mediation-stats';

const HEIGHT = 180;
const AXIS = 24;
const LEFT = 44;
const TOP = 8;

/** A round top for the y axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power;
}

/**
 * Accepted and mediated cases per month as paired bars, drawn as SVG (no chart library in the dashboard). Each
 * bar carries a tooltip with its figures; the same figures are in the page's tables for screen readers.
 */
export const MonthlyTrend = ({ months }: { months: MonthBar[] }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = translate('app.mediation.trend');
  if (months.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.mediation.no_cases')}
      </Typography>
    );
  }
  const oneYear = new Set(months.map((m) => m.month.slice(0, 4))).size === 1;
  const monthName = (month: string) => {
    const date = new Date(`${month}-01T00:00:00Z`);
    return new Intl.DateTimeFormat(locale, {
      month: 'short',
      ...(oneYear ? {} : { year: '2-digit' }),
      timeZone: 'UTC',
    }).format(date);
  };
  const max = niceMax(Math.max(...months.map((m) => m.accepted)));
  const slot = 48;
  const width = LEFT + months.length * slot;
  const plot = HEIGHT - AXIS - TOP;
  const y = (n: number) => TOP + plot - (n / max) * plot;
  const colors = { accepted: theme.palette.grey[400], mediated: theme.palette.primary.main };
  const ticks = [0, max / 2, max];
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 1 }} aria-hidden>
        {(['accepted', 'mediated'] as const).map((series) => (
          <Stack key={series} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 12, height: 12, bgcolor: colors[series] }} />
            <Typography variant="caption">{translate(`app.mediation.kpi.${series}`)}</Typography>
          </Stack>
        ))}
      </Stack>
      <Box sx={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label={title}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width="100%"
          style={{ minWidth: Math.min(width, 480), maxHeight: 260 }}
          preserveAspectRatio="xMinYMid meet"
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT - 4} x2={width} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
              <text
                x={LEFT - 8}
                y={y(tick) + 4}
                textAnchor="end"
                fontSize={10}
                fill={theme.palette.text.secondary}
              >
                {tick.toLocaleString(locale)}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x = LEFT + i * slot + 8;
            const bar = (slot - 16) / 2;
            const rate = m.accepted > 0 ? formatPercent(m.mediated / m.accepted) : '—';
            return (
              <g key={m.month}>
                <title>
                  {`${m.month} ${translate('app.mediation.kpi.accepted')} ${m.accepted.toLocaleString(locale)}, ${translate(
                    'app.mediation.kpi.mediated',
                  )} ${m.mediated.toLocaleString(locale)} (${rate})`}
                </title>
                <rect
                  x={x}
                  y={y(m.accepted)}
                  width={bar}
                  height={y(0) - y(m.accepted)}
                  fill={colors.accepted}
                />
                <rect
                  x={x + bar}
                  y={y(m.mediated)}
                  width={bar}
                  height={y(0) - y(m.mediated)}
                  fill={colors.mediated}
                />
                <text
                  x={x + bar}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  fontSize={10}
                  fill={theme.palette.text.secondary}
                >
                  {monthName(m.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
    </Box>
  );
};

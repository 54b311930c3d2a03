import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Card from '@mui/material/Card';
import Button from '@mui/material/Button';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KPI_AREA_LABELS, type KpiArea } from '@qiangji/domain';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatMonth } from '../common/dates';
import type { KpiTile } from './command-view';
import { EChart } from './EChart';
import { changeTone, formatChange, formatFigure, shownChange } from './view-state';

const TONE = { better: 'success.main', worse: 'error.main', same: 'text.secondary' } as const;

/** The twelve months to the period's end as a line, with its own words for screen readers. */
const Sparkline = ({ tile, label }: { tile: KpiTile; label: string }) => {
  const [locale = 'zh-CN'] = useLocaleState();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: tile.sparkline.map((p) => p.month) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { name: string; value: number | null }[]) =>
          `${formatMonth(items[0].name, locale)}：${formatFigure(tile.unit, items[0].value ?? null, locale)}`,
      },
      series: [
        {
          type: 'line',
          data: tile.sparkline.map((p) => p.value),
          showSymbol: false,
          connectNulls: false,
          lineStyle: { width: 1.5 },
        },
      ],
    }),
    [tile, locale],
  );
  return <EChart option={option} height={36} label={label} />;
};

/** The tiles in runs of one area each, in the order the API gives them (by area). */
function byArea(tiles: readonly KpiTile[]): { area: string; tiles: KpiTile[] }[] {
  const runs: { area: string; tiles: KpiTile[] }[] = [];
  for (const tile of tiles)
    if (runs.at(-1)?.area === tile.area) runs.at(-1)!.tiles.push(tile);
    else runs.push({ area: tile.area, tiles: [tile] });
  return runs;
}

/**
 * The KPI tiles under their area's name: the figure, its change against the same period a year before (an arrow
 * coloured by whether it is for the better), and a sparkline; its button puts its KPI on the map and the table.
 */
export const KpiTiles = ({
  tiles,
  selected,
  onSelect,
}: {
  tiles: readonly KpiTile[];
  selected: string | null;
  onSelect: (key: string) => void;
}) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const language = locale.startsWith('zh') ? 'zh' : 'en';
  return (
    <Stack spacing={1.5} component="section" aria-label={translate('app.command_view.tiles')}>
      {byArea(tiles).map((run) => (
        <Stack key={run.area} spacing={1} role="group" aria-label={areaName(run.area, language)}>
          <Typography variant="subtitle2" component="h2" color="text.secondary">
            {areaName(run.area, language)}
          </Typography>
          <Grid container spacing={2}>
            {run.tiles.map((tile) => {
              const label = tile.label[language];
              // As written: a change that rounds to nothing has no arrow and no colour.
              const shown = tile.change === null ? null : shownChange(tile.unit, tile.change);
              const tone = changeTone(shown, tile.higherIsBetter);
              const Arrow = shown !== null && shown < 0 ? ArrowDownwardIcon : ArrowUpwardIcon;
              const change =
                tile.value === null
                  ? translate('app.command_view.no_data')
                  : shown === null
                    ? tile.previous === null
                      ? translate('app.command_view.no_previous')
                      : translate('app.command_view.previous_was', {
                          value: formatFigure(tile.unit, tile.previous, locale),
                        })
                    : translate(
                        tile.unit === 'PERCENT'
                          ? 'app.command_view.change_points'
                          : 'app.command_view.change_percent',
                        {
                          change: formatChange(tile.unit, shown),
                        },
                      );
              return (
                <Grid key={tile.key} size={{ xs: 6, sm: 6, md: 3 }}>
                  <Card
                    variant="outlined"
                    role="group"
                    aria-label={label}
                    sx={{ height: '100%', borderColor: selected === tile.key ? 'primary.main' : undefined }}
                  >
                    <CardContent>
                      <Typography variant="body2" color="text.secondary">
                        {label}
                      </Typography>
                      <Typography variant="h5" component="p" sx={{ fontWeight: 600 }} data-kpi-value>
                        {formatFigure(tile.unit, tile.value, locale)}
                      </Typography>
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: TONE[tone] }}>
                        {shown !== null && shown !== 0 && <Arrow fontSize="inherit" aria-hidden />}
                        <Typography variant="caption" color="inherit">
                          {change}
                        </Typography>
                      </Stack>
                      <Sparkline
                        tile={tile}
                        label={translate('app.command_view.sparkline', { kpi: label })}
                      />
                      <Button
                        size="small"
                        onClick={() => onSelect(tile.key)}
                        aria-pressed={selected === tile.key}
                        data-print="hide"
                        sx={{ mt: 0.5, px: 0 }}
                      >
                        {translate('app.command_view.show_on_map')}
                      </Button>
                    </CardContent>
                  </Card>
                </Grid>
              );
            })}
          </Grid>
        </Stack>
      ))}
    </Stack>
  );
};

const areaName = (area: string, language: 'zh' | 'en') =>
  KPI_AREA_LABELS[area as KpiArea]?.[language] ?? area;

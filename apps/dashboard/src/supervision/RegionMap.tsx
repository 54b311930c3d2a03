import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { EmptyState } from '../stats/EmptyState';
import type { CommandChild, KpiTile } from './command-view';
import { echarts, type EChartsCoreOption } from './echarts';
import { EChart } from './EChart';
import { formatFigure } from './view-state';

// Red for worse, green for better, whichever way the KPI counts.
const WORSE_TO_BETTER = ['#d73027', '#fdae61', '#a6d96a', '#1a9850'];
const NO_FIGURE = '#bdbdbd';

/** A child's item on the map: its name, its code (for the drill-down) and its figure last. */
type Point = { name: string; regionCode: string; value: (number | null)[] | number | string };

function legend(tile: KpiTile, values: number[], locale: string, dimension: number) {
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  return {
    type: 'continuous',
    min,
    max: max === min ? min + (tile.unit === 'PERCENT' ? 0.01 : 1) : max,
    dimension,
    seriesIndex: 0,
    orient: 'horizontal',
    left: 'center',
    bottom: 0,
    itemHeight: 120,
    text: [formatFigure(tile.unit, max, locale), formatFigure(tile.unit, min, locale)],
    inRange: { color: tile.higherIsBetter ? WORSE_TO_BETTER : [...WORSE_TO_BETTER].reverse() },
    formatter: (value: number) => formatFigure(tile.unit, value, locale),
  };
}

/**
 * The child regions coloured by the chosen KPI, with its legend: their polygons where boundaries were imported
 * (registered with ECharts as a map of their own), else one mark at each centroid on plain longitude and
 * latitude axes, so the demo needs no map files and no tile server. A click drills down.
 */
export const RegionMap = ({
  regionCode,
  regionName,
  children,
  tile,
  onDrill,
}: {
  regionCode: string;
  regionName: string;
  children: readonly CommandChild[];
  tile: KpiTile;
  onDrill: (regionCode: string) => void;
}) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const language = locale.startsWith('zh') ? 'zh' : 'en';
  const kpi = tile.label[language];
  const title = translate('app.command_view.map', { region: regionName, kpi });
  const valueOf = (c: CommandChild) => c.figures.find((f) => f.key === tile.key)?.value ?? null;
  const drawn = children.filter((c) => c.boundary);
  const marked = children.filter((c) => !c.boundary && c.centroid);

  const option = useMemo((): EChartsCoreOption | null => {
    if (drawn.length === 0 && marked.length === 0) return null;
    const values = children.map(valueOf).filter((v): v is number => v !== null);
    const label = (c: CommandChild) => `${c.name} ${formatFigure(tile.unit, valueOf(c), locale)}`;
    const tooltip = {
      trigger: 'item',
      formatter: (p: { data?: Point }) => {
        if (!p.data) return '';
        const child = children.find((c) => c.regionCode === p.data!.regionCode);
        return child ? label(child) : '';
      },
    };
    const description = children.map(label).join('；');
    const aria = { enabled: true, label: { description: `${title}。${description}` } };
    const point = (c: CommandChild): Point => ({
      name: c.name,
      regionCode: c.regionCode,
      value: [c.centroid!.lng, c.centroid!.lat, valueOf(c)],
    });
    const marks = (data: Point[], color?: string) => ({
      type: 'scatter',
      data,
      symbolSize: 22,
      itemStyle: color ? { color } : undefined,
      label: { show: true, position: 'right', formatter: (p: { data: Point }) => p.data.name, fontSize: 12 },
      // Many communities of a street: a label that would cover another is left to the tooltip and the table.
      labelLayout: { hideOverlap: true },
      cursor: 'pointer',
    });
    const withFigure = marked.filter((c) => valueOf(c) !== null).map(point);
    const without = marked.filter((c) => valueOf(c) === null).map(point);
    if (drawn.length === 0) {
      const lngs = marked.map((c) => c.centroid!.lng);
      const lats = marked.map((c) => c.centroid!.lat);
      // A margin in proportion to the marks' spread: districts span a degree, a street's communities a hundredth.
      const pad = (axis: number[]) => Math.max((Math.max(...axis) - Math.min(...axis)) * 0.15, 0.001);
      return {
        animation: false,
        aria,
        tooltip,
        grid: { left: 8, right: 64, top: 8, bottom: 48 },
        xAxis: {
          type: 'value',
          show: false,
          min: Math.min(...lngs) - pad(lngs),
          max: Math.max(...lngs) + pad(lngs),
        },
        yAxis: {
          type: 'value',
          show: false,
          min: Math.min(...lats) - pad(lats),
          max: Math.max(...lats) + pad(lats),
        },
        visualMap: legend(tile, values, locale, 2),
        series: [marks(withFigure), marks(without, NO_FIGURE)],
      };
    }
    const map = `qiangji-${regionCode}`;
    echarts.registerMap(map, {
      type: 'FeatureCollection',
      features: drawn.map((c) => ({
        type: 'Feature',
        properties: { name: c.regionCode },
        geometry: c.boundary,
      })),
    } as Parameters<typeof echarts.registerMap>[1]);
    return {
      animation: false,
      aria,
      tooltip,
      geo: {
        map,
        roam: false,
        // Each polygon named: its feature carries the code (names may repeat across the city), the label the name.
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { name: string }) => children.find((c) => c.regionCode === p.name)?.name ?? '',
        },
        itemStyle: { areaColor: NO_FIGURE },
      },
      visualMap: legend(tile, values, locale, 0),
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: drawn.map((c): Point => ({
            name: c.regionCode,
            regionCode: c.regionCode,
            value: valueOf(c) ?? '-',
          })),
        },
        { ...marks([...withFigure, ...without], NO_FIGURE), coordinateSystem: 'geo' },
      ],
    };
  }, [children, tile, locale, regionCode, title]);

  return (
    <section aria-label={title} data-polygons={drawn.length} data-marks={marked.length}>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      {option ? (
        <EChart
          option={option}
          height={360}
          label={title}
          onClick={(event) => event.data?.regionCode && onDrill(event.data.regionCode)}
        />
      ) : (
        <EmptyState message={translate('app.command_view.no_positions')} />
      )}
    </section>
  );
};

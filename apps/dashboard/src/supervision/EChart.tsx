import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts';

/** What a click on a series item carries: its data item, with the fields the option put there. */
export interface ChartClick {
  data?: { regionCode?: string } | null;
}

/**
 * One ECharts chart in a box: created once, given its option on every change, resized with its box and disposed
 * with the page. `label` names the chart for screen readers (the figures are in the table beside it).
 */
export const EChart = ({
  option,
  height,
  label,
  onClick,
}: {
  option: EChartsCoreOption;
  height: number | string;
  label: string;
  onClick?: (event: ChartClick) => void;
}) => {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => click.current?.(event as ChartClick));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={box} role="img" aria-label={label} sx={{ width: '100%', height }} />;
};

// Only the parts of Apache ECharts the command view draws, so its chunk carries no more. SVG, not canvas: the
// labels are text a test and a screen reader can find, and the map prints sharp.
import { LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  MapChart,
  ScatterChart,
  AriaComponent,
  GeoComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';

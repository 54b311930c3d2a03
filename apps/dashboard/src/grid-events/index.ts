import GridOnIcon from '@mui/icons-material/GridOn';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import RadarIcon from '@mui/icons-material/Radar';
import { REGION_LEVELS } from '@qiangji/domain';
import { lazyPage, type Feature } from '../features/feature';
import { gridEventResource } from './grid-event-resource';
import { gridUnitResource } from './grid-unit-resource';
import { gridEventLabels, gridUnitLabels } from './labels';

/** 网格事件: the grid-event queue and its closed loop. */
export const gridEventsFeature: Feature = {
  name: 'gridEvents',
  graphql: gridEventResource,
  icon: ReportProblemIcon,
  action: 'grid:read',
  list: lazyPage(() => import('./GridEventList'), 'GridEventList'),
  show: lazyPage(() => import('./GridEventShow'), 'GridEventShow'),
  create: { page: lazyPage(() => import('./GridEventCreate'), 'GridEventCreate'), action: 'grid:report' },
  recordRepresentation: 'number',
  labels: gridEventLabels,
};

/**
 * 网格: the grid-unit list, each row opening the unit's page (`/grid-units?code=`); that page without a unit is
 * the coverage of the last week, offered in the menu to those above a single grid unit.
 */
export const gridUnitsFeature: Feature = {
  name: 'gridUnits',
  graphql: gridUnitResource,
  icon: GridOnIcon,
  action: 'grid:read',
  list: lazyPage(() => import('./GridUnitList'), 'GridUnitList'),
  recordRepresentation: 'name',
  pages: [
    {
      path: '/grid-units',
      page: lazyPage(() => import('./GridUnitPage'), 'GridUnitPage'),
      menuLabel: 'app.grid.menu_coverage',
      icon: RadarIcon,
      levels: REGION_LEVELS.filter((level) => level !== 'GRID'),
    },
  ],
  labels: gridUnitLabels,
};

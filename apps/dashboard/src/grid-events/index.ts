import GridOnIcon from '@mui/icons-material/GridOn';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazyPage, type Feature } from '../features/feature';
import { gridEventResource } from './grid-event-resource';
import { gridEventLabels } from './labels';

/** 网格事件: the grid-event queue and its closed loop, with the grid-unit page (and coverage gaps) after it. */
export const gridEventsFeature: Feature = {
  name: 'gridEvents',
  graphql: gridEventResource,
  icon: ReportProblemIcon,
  action: 'grid:read',
  list: lazyPage(() => import('./GridEventList'), 'GridEventList'),
  show: lazyPage(() => import('./GridEventShow'), 'GridEventShow'),
  create: { page: lazyPage(() => import('./GridEventCreate'), 'GridEventCreate'), action: 'grid:report' },
  recordRepresentation: 'number',
  pages: [
    {
      path: '/grid-units',
      page: lazyPage(() => import('./GridUnitPage'), 'GridUnitPage'),
      menuLabel: 'app.grid.menu_units',
      icon: GridOnIcon,
    },
  ],
  labels: gridEventLabels,
};

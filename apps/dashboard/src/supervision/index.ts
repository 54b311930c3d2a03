import SpaceDashboardIcon from '@mui/icons-material/SpaceDashboard';
import { lazyPage, type Feature } from '../features/feature';
import { regionResource } from '../regions/region-resource';
import { COMMAND_VIEW } from './command-view';
import { supervisionLabels } from './labels';

/**
 * 指挥调度 (issue 13): the command view of a jurisdiction. Its records are regions seen through their figures,
 * so the resource is the regions' own mapping plus the view's one read; its page is a chunk of its own, with
 * ECharts in it and nowhere else.
 */
export const supervisionFeature: Feature = {
  name: 'supervision',
  graphql: { ...regionResource, commands: { view: COMMAND_VIEW } },
  icon: SpaceDashboardIcon,
  action: 'command:read',
  pages: [
    {
      path: '/command',
      page: lazyPage(() => import('./CommandView'), 'CommandView'),
      menuLabel: 'app.command_view.menu',
      icon: SpaceDashboardIcon,
    },
  ],
  labels: supervisionLabels,
};

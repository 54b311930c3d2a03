import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { levelsOfTier, REPORT_TIERS } from '@qiangji/domain';
import { lazyPage, type Feature } from '../features/feature';
import { regionLabels } from './labels';
import { regionResource } from './region-resource';

/** 行政区划: the region tree from the city down to the grid unit, reference data every account reads. */
export const regionsFeature: Feature = {
  name: 'regions',
  graphql: regionResource,
  icon: AccountTreeIcon,
  list: lazyPage(() => import('./RegionList'), 'RegionList'),
  show: lazyPage(() => import('./RegionShow'), 'RegionShow'),
  recordRepresentation: 'name',
  labels: regionLabels,
  // Monthly reports are per region (community or village, street, district, city): 月报审签 after the region tree.
  pages: [
    {
      path: '/reports',
      page: lazyPage(() => import('../reports/MonthlyReportPage'), 'MonthlyReportPage'),
      menuLabel: 'app.reports.menu',
      icon: AssignmentTurnedInIcon,
      action: 'report:read',
      // A grid unit's figures count in its community's report: below the community there is nothing to sign.
      levels: REPORT_TIERS.flatMap(levelsOfTier),
    },
  ],
};

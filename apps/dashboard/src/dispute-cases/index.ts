import GavelIcon from '@mui/icons-material/Gavel';
import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage, type Feature } from '../features/feature';
import { disputeCaseResource } from './dispute-case-resource';
import { disputeCaseLabels } from './labels';

/** 矛盾纠纷 (grand mediation's cases), with the 大调解概况 overview page after it in the menu. */
export const disputeCasesFeature: Feature = {
  name: 'disputeCases',
  graphql: disputeCaseResource,
  icon: GavelIcon,
  action: 'dispute:read',
  list: lazyPage(() => import('./DisputeCaseList'), 'DisputeCaseList'),
  show: lazyPage(() => import('./DisputeCaseShow'), 'DisputeCaseShow'),
  create: {
    page: lazyPage(() => import('./DisputeCaseCreate'), 'DisputeCaseCreate'),
    action: 'dispute:register',
  },
  recordRepresentation: 'number',
  pages: [
    {
      path: '/mediation',
      page: lazyPage(() => import('../mediation/MediationOverview'), 'MediationOverview'),
      menuLabel: 'app.mediation.menu',
      icon: InsightsIcon,
    },
  ],
  labels: disputeCaseLabels,
};

import LocalLibraryIcon from '@mui/icons-material/LocalLibrary';
import ShieldIcon from '@mui/icons-material/Shield';
import { lazyPage, type Feature } from '../features/feature';
import { legalEducationLabels } from './labels';
import { legalEducationResource } from './security-resource';

/** 普法活动, with the 公共安全概况 overview (reported cases, surveys, prevention) after it in the menu. */
export const securityFeature: Feature = {
  name: 'legalEducationEvents',
  graphql: legalEducationResource,
  icon: LocalLibraryIcon,
  action: 'security:read',
  list: lazyPage(() => import('./LegalEducationList'), 'LegalEducationList'),
  create: {
    page: lazyPage(() => import('./LegalEducationCreate'), 'LegalEducationCreate'),
    action: 'security:write',
  },
  recordRepresentation: 'title',
  pages: [
    {
      path: '/security',
      page: lazyPage(() => import('./SecurityOverview'), 'SecurityOverview'),
      menuLabel: 'app.security.menu',
      icon: ShieldIcon,
    },
  ],
  labels: legalEducationLabels,
};

import PeopleIcon from '@mui/icons-material/People';
import { lazyPage, type Feature } from '../features/feature';
import { residentLabels } from './labels';
import { residentResource } from './resident-resource';

/** 居民: the people registered in the user's jurisdiction, ID numbers and phones masked. */
export const residentsFeature: Feature = {
  name: 'residents',
  graphql: residentResource,
  icon: PeopleIcon,
  action: 'resident:read',
  list: lazyPage(() => import('./ResidentList'), 'ResidentList'),
  show: lazyPage(() => import('./ResidentShow'), 'ResidentShow'),
  create: { page: lazyPage(() => import('./ResidentCreate'), 'ResidentCreate'), action: 'resident:write' },
  edit: { page: lazyPage(() => import('./ResidentEdit'), 'ResidentEdit'), action: 'resident:write' },
  recordRepresentation: 'name',
  labels: residentLabels,
};

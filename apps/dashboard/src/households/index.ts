import HomeIcon from '@mui/icons-material/Home';
import { lazyPage, type Feature } from '../features/feature';
import { householdResource } from './household-resource';
import { householdLabels } from './labels';

/** 住户: households and their members. */
export const householdsFeature: Feature = {
  name: 'households',
  graphql: householdResource,
  icon: HomeIcon,
  action: 'household:read',
  list: lazyPage(() => import('./HouseholdList'), 'HouseholdList'),
  show: lazyPage(() => import('./HouseholdShow'), 'HouseholdShow'),
  create: { page: lazyPage(() => import('./HouseholdCreate'), 'HouseholdCreate'), action: 'household:write' },
  edit: { page: lazyPage(() => import('./HouseholdEdit'), 'HouseholdEdit'), action: 'household:write' },
  recordRepresentation: 'address',
  labels: householdLabels,
};

import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazyPage, type Feature } from '../features/feature';
import { organizationLabels } from './labels';
import { organizationResource } from './organization-resource';

/** 调解组织: committees, coordination centres and legal clinics (reference data of grand mediation). */
export const organizationsFeature: Feature = {
  name: 'mediationOrganizations',
  graphql: organizationResource,
  icon: AccountBalanceIcon,
  action: 'dispute:read',
  list: lazyPage(() => import('./OrganizationList'), 'OrganizationList'),
  show: lazyPage(() => import('./OrganizationShow'), 'OrganizationShow'),
  create: {
    page: lazyPage(() => import('./OrganizationCreate'), 'OrganizationCreate'),
    action: 'mediation:manage',
  },
  edit: {
    page: lazyPage(() => import('./OrganizationEdit'), 'OrganizationEdit'),
    action: 'mediation:manage',
  },
  recordRepresentation: 'name',
  labels: organizationLabels,
};

import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { lazyPage, type Feature } from '../features/feature';
import { userLabels } from './labels';
import { userResource } from './user-resource';

/** 用户: the accounts of the admin's jurisdiction, created, disabled and enabled here. */
export const usersFeature: Feature = {
  name: 'users',
  graphql: userResource,
  icon: ManageAccountsIcon,
  action: 'user:manage',
  list: lazyPage(() => import('./UserList'), 'UserList'),
  show: lazyPage(() => import('./UserShow'), 'UserShow'),
  create: { page: lazyPage(() => import('./UserCreate'), 'UserCreate'), action: 'user:manage' },
  recordRepresentation: 'username',
  labels: userLabels,
};

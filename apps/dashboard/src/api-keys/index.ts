import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { lazyPage, type Feature } from '../features/feature';
import { apiKeyResource } from './api-key-resource';
import { apiKeyLabels } from './labels';

/** API 密钥: the district systems' keys; a new key's secret is shown once. */
export const apiKeysFeature: Feature = {
  name: 'apiKeys',
  graphql: apiKeyResource,
  icon: VpnKeyIcon,
  action: 'apiKey:manage',
  list: lazyPage(() => import('./ApiKeyList'), 'ApiKeyList'),
  create: { page: lazyPage(() => import('./ApiKeyCreate'), 'ApiKeyCreate'), action: 'apiKey:manage' },
  recordRepresentation: 'name',
  labels: apiKeyLabels,
};

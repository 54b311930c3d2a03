import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPage, type Feature } from '../features/feature';
import { mediatorLabels } from './labels';
import { mediatorResource } from './mediator-resource';

/** 调解员: the mediators of the user's jurisdiction and the cases each carries. */
export const mediatorsFeature: Feature = {
  name: 'mediators',
  graphql: mediatorResource,
  icon: HandshakeIcon,
  action: 'dispute:read',
  list: lazyPage(() => import('./MediatorList'), 'MediatorList'),
  show: lazyPage(() => import('./MediatorShow'), 'MediatorShow'),
  create: { page: lazyPage(() => import('./MediatorCreate'), 'MediatorCreate'), action: 'mediation:manage' },
  edit: { page: lazyPage(() => import('./MediatorEdit'), 'MediatorEdit'), action: 'mediation:manage' },
  recordRepresentation: 'name',
  labels: mediatorLabels,
};

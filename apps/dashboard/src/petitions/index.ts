import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import { lazyPage, type Feature } from '../features/feature';
import { petitionLabels } from './labels';
import { petitionResource } from './petition-resource';

/** 信访积案: the petition backlog, assigned to an organisation and resolved. */
export const petitionsFeature: Feature = {
  name: 'petitionCases',
  graphql: petitionResource,
  icon: MarkEmailUnreadIcon,
  action: 'coordination:read',
  list: lazyPage(() => import('./PetitionList'), 'PetitionList'),
  show: lazyPage(() => import('./PetitionShow'), 'PetitionShow'),
  create: { page: lazyPage(() => import('./PetitionCreate'), 'PetitionCreate'), action: 'mediation:manage' },
  recordRepresentation: 'title',
  labels: petitionLabels,
};

import GroupsIcon from '@mui/icons-material/Groups';
import { lazyPage, type Feature } from '../features/feature';
import { meetingLabels } from './labels';
import { meetingResource } from './meeting-resource';

/** 协调会议: the coordination centres' monthly meetings and their decisions per case. */
export const meetingsFeature: Feature = {
  name: 'coordinationMeetings',
  graphql: meetingResource,
  icon: GroupsIcon,
  action: 'coordination:read',
  list: lazyPage(() => import('./MeetingList'), 'MeetingList'),
  show: lazyPage(() => import('./MeetingShow'), 'MeetingShow'),
  create: { page: lazyPage(() => import('./MeetingCreate'), 'MeetingCreate'), action: 'mediation:manage' },
  recordRepresentation: 'heldOn',
  labels: meetingLabels,
};

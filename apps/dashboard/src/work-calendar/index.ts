import EventIcon from '@mui/icons-material/Event';
import { lazyPage, type Feature } from '../features/feature';
import { workCalendarLabels } from './labels';
import { workCalendarResource } from './work-calendar-resource';

/** 节假日安排: public holidays and make-up working days, entered by the city each December. */
export const workCalendarFeature: Feature = {
  name: 'workCalendarEntries',
  graphql: workCalendarResource,
  icon: EventIcon,
  action: 'calendar:manage',
  list: lazyPage(() => import('./WorkCalendarList'), 'WorkCalendarList'),
  create: {
    page: lazyPage(() => import('./WorkCalendarList'), 'WorkCalendarCreate'),
    action: 'calendar:manage',
  },
  recordRepresentation: 'name',
  labels: workCalendarLabels,
};

import {
  APPLICATION_CHANNELS,
  COMMUNITY_FUNCTIONS,
  COMMUNITY_KINDS,
  constantCase,
  FORM_FIELD_TYPES,
  POI_CATEGORIES,
  SERVICE_APPLICATION_MACHINE,
  SERVICE_APPLICATION_STATES,
  SERVICE_CATEGORIES,
  SERVICE_POINTS,
  SERVICE_QUEUES,
  WORK_CALENDAR_KINDS,
} from '@qiangji/domain';
import { enumOf } from '../../common/graphql-enum';

export const ServiceCategoryEnum = enumOf(SERVICE_CATEGORIES, 'ServiceCategory');
export const ServicePointEnum = enumOf(SERVICE_POINTS, 'ServicePoint', 'Where an item is handled.');
export const CommunityFunctionEnum = enumOf(COMMUNITY_FUNCTIONS, 'CommunityFunction');
export const CommunityKindEnum = enumOf(COMMUNITY_KINDS, 'CommunityKind');
export const PoiCategoryEnum = enumOf(POI_CATEGORIES, 'PoiCategory');
export const FormFieldTypeEnum = enumOf(FORM_FIELD_TYPES, 'FormFieldType');
export const ApplicationChannelEnum = enumOf(APPLICATION_CHANNELS, 'ApplicationChannel');
export const ServiceApplicationStateEnum = enumOf(SERVICE_APPLICATION_STATES, 'ServiceApplicationState');
export const ServiceApplicationCommandEnum = enumOf(
  SERVICE_APPLICATION_MACHINE.commands.map(constantCase),
  'ServiceApplicationCommand',
  "A step of an application's life, as named in @qiangji/domain's SERVICE_APPLICATION_MACHINE (bookAppointment → BOOK_APPOINTMENT).",
);
export const ServiceQueueEnum = enumOf(
  SERVICE_QUEUES,
  'ServiceQueue',
  'The work queue of a service point: new, waiting for material, appointments today (China time), overdue.',
);
export const WorkCalendarKindEnum = enumOf(WORK_CALENDAR_KINDS, 'WorkCalendarKind');

import {
  ASSIGNEE_KINDS,
  constantCase,
  GRID_EVENT_CATEGORIES,
  GRID_EVENT_MACHINE,
  GRID_EVENT_REJECTIONS,
  GRID_EVENT_SOURCES,
  GRID_EVENT_STATES,
  GRID_EVENT_URGENCIES,
  SATISFACTION_LEVELS,
} from '@qiangji/domain';
import { enumOf } from '../../common/graphql-enum';

export const GridEventCategoryEnum = enumOf(GRID_EVENT_CATEGORIES, 'GridEventCategory');
export const GridEventUrgencyEnum = enumOf(GRID_EVENT_URGENCIES, 'GridEventUrgency');
export const GridEventSourceEnum = enumOf(GRID_EVENT_SOURCES, 'GridEventSource');
export const GridEventStateEnum = enumOf(GRID_EVENT_STATES, 'GridEventState');
export const GridEventRejectionEnum = enumOf(GRID_EVENT_REJECTIONS, 'GridEventRejection');
export const AssigneeKindEnum = enumOf(ASSIGNEE_KINDS, 'AssigneeKind');
export const SatisfactionLevelEnum = enumOf(SATISFACTION_LEVELS, 'SatisfactionLevel');
export const GridEventCommandEnum = enumOf(
  GRID_EVENT_MACHINE.commands.map(constantCase),
  'GridEventCommand',
  'A step of the grid event machine (`GRID_EVENT_MACHINE` in @qiangji/domain).',
);

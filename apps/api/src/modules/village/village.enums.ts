import {
  ASSISTANCE_MACHINE,
  ASSISTANCE_STATES,
  ASSISTANCE_TYPES,
  constantCase,
  POSTING_MACHINE,
  POSTING_ROLES,
  POSTING_STATES,
  VILLAGE_ORGANIZATION_KINDS,
  VISIT_PURPOSES,
  WORK_UNIT_KINDS,
  WORK_UNIT_LEVELS,
} from '@qiangji/domain';
import { enumOf } from '../../common/graphql-enum';

export const WorkUnitKindEnum = enumOf(WORK_UNIT_KINDS, 'WorkUnitKind');
export const WorkUnitLevelEnum = enumOf(WORK_UNIT_LEVELS, 'WorkUnitLevel');
export const PostingRoleEnum = enumOf(POSTING_ROLES, 'PostingRole');
export const PostingStateEnum = enumOf(POSTING_STATES, 'PostingState');
export const PostingCommandEnum = enumOf(
  POSTING_MACHINE.commands.map(constantCase),
  'PostingCommand',
  "A step of a posting's life, as named in @qiangji/domain's POSTING_MACHINE.",
);
export const VisitPurposeEnum = enumOf(VISIT_PURPOSES, 'VisitPurpose');
export const AssistanceTypeEnum = enumOf(ASSISTANCE_TYPES, 'AssistanceType');
export const AssistanceStateEnum = enumOf(ASSISTANCE_STATES, 'AssistanceState');
export const AssistanceCommandEnum = enumOf(
  ASSISTANCE_MACHINE.commands.map(constantCase),
  'AssistanceCommand',
  "A step of an assistance's life, as named in @qiangji/domain's ASSISTANCE_MACHINE.",
);
export const VillageOrganizationKindEnum = enumOf(VILLAGE_ORGANIZATION_KINDS, 'VillageOrganizationKind');

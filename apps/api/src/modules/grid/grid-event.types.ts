import type {
  AssigneeKind,
  GridEventCategory,
  GridEventRejection,
  GridEventSource,
  GridEventState,
  GridEventUrgency,
  SatisfactionLevel,
} from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs, SortDirection } from '../../common/connection';
import { WithDisputeParties } from '../mediation/dispute-case.types';
import {
  AssigneeKindEnum,
  GridEventCategoryEnum,
  GridEventRejectionEnum,
  GridEventSourceEnum,
  GridEventStateEnum,
  GridEventUrgencyEnum,
  SatisfactionLevelEnum,
} from './grid.enums';

@ObjectType({ description: 'A grid event (网格事件): a report from a grid unit and its closed loop.' })
export class GridEvent {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Readable number: year of the report and a city-wide sequence, WG2012-000123.' })
  number: string;

  @Field(() => GridEventSourceEnum)
  source: GridEventSource;

  @Field(() => GridEventCategoryEnum)
  category: GridEventCategory;

  @Field(() => GridEventUrgencyEnum)
  urgency: GridEventUrgency;

  @Field({ description: 'The grid unit where it was found.' })
  regionCode: string;

  @Field(() => Float, { nullable: true, description: 'WGS-84, when the reporter’s phone gave its position.' })
  lat: number | null;

  @Field(() => Float, { nullable: true })
  lng: number | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field()
  description: string;

  @Field(() => [String], {
    description: 'References of the photos (object keys or URLs of the photo store).',
  })
  photoRefs: string[];

  @Field(() => GridEventStateEnum)
  state: GridEventState;

  @Field({ description: 'Who reported it: the grid worker, or the portal’s or district system’s name.' })
  reporterName: string;

  @Field(() => DateTimeResolver)
  reportedAt: Date;

  @Field(() => GridEventRejectionEnum, { nullable: true })
  rejection: GridEventRejection | null;

  @Field(() => ID, { nullable: true, description: 'The event this one duplicates, when rejected so.' })
  duplicateOfId: string | null;

  @Field(() => AssigneeKindEnum, { nullable: true })
  assigneeKind: AssigneeKind | null;

  @Field(() => String, { nullable: true, description: 'The department or person it is dispatched to.' })
  assignee: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  dispatchedAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the loop must be closed, from the dispatch: by category and urgency.',
  })
  dueAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  atRiskAt: Date | null;

  @Field(() => String, { nullable: true })
  disposalResult: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  disposedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  closedAt: Date | null;

  @Field(() => SatisfactionLevelEnum, { nullable: true, description: 'The reporter’s evaluation.' })
  satisfaction: SatisfactionLevel | null;

  @Field(() => String, { nullable: true })
  evaluationComment: string | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion with the next command.' })
  version: number;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;

  disputeCaseId: string | null;
}

@ObjectType()
export class GridEventConnection extends ConnectionType(GridEvent) {}

@ObjectType({ description: 'What a step recorded; the fields its command has, the others null.' })
export class GridEventStepDetails {
  @Field(() => String, { nullable: true })
  note?: string | null;
  @Field(() => String, { nullable: true })
  reason?: string | null;
  @Field(() => ID, { nullable: true })
  duplicateOfId?: string | null;
  @Field(() => AssigneeKindEnum, { nullable: true })
  assigneeKind?: AssigneeKind | null;
  @Field(() => String, { nullable: true })
  assignee?: string | null;
  @Field(() => DateTimeResolver, { nullable: true })
  dueAt?: Date | null;
  @Field(() => String, { nullable: true })
  result?: string | null;
  @Field(() => SatisfactionLevelEnum, { nullable: true })
  satisfaction?: SatisfactionLevel | null;
  @Field(() => String, { nullable: true })
  comment?: string | null;
  @Field(() => ID, { nullable: true })
  disputeCaseId?: string | null;
  @Field(() => String, { nullable: true })
  disputeCaseNumber?: string | null;
  @Field(() => GridEventSourceEnum, { nullable: true })
  source?: GridEventSource | null;
}

@ObjectType({ description: 'One step of a grid event’s life.' })
export class GridEventStep {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field({ description: 'The domain command (report, file, dispatch, …).' })
  command: string;

  @Field(() => GridEventStateEnum, { nullable: true })
  fromState: GridEventState | null;

  @Field(() => GridEventStateEnum)
  toState: GridEventState;

  @Field()
  actorName: string;

  @Field(() => GridEventStepDetails)
  details: GridEventStepDetails;

  eventId: string;
}

export enum GridEventOrderField {
  REPORTED_AT = 'REPORTED_AT',
  DUE_AT = 'DUE_AT',
}
registerEnumType(GridEventOrderField, { name: 'GridEventOrderField' });

@InputType()
export class GridEventOrderBy {
  @Field(() => GridEventOrderField)
  field: GridEventOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class GridEventFilter {
  @Field(() => String, { nullable: true, description: 'Events of the whole subtree of this region.' })
  regionCode?: string | null;

  @Field(() => [GridEventStateEnum], { nullable: true })
  state?: GridEventState[] | null;

  @Field(() => [GridEventCategoryEnum], { nullable: true })
  category?: GridEventCategory[] | null;

  @Field(() => [GridEventUrgencyEnum], { nullable: true })
  urgency?: GridEventUrgency[] | null;

  @Field(() => [GridEventSourceEnum], { nullable: true })
  source?: GridEventSource[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open and past dueAt; false: not.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open, near dueAt, not yet past it.' })
  atRisk?: boolean | null;

  @Field(() => DateResolver, { nullable: true, description: 'Reported on or after this day (China time).' })
  reportedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Reported on or before this day (China time).' })
  reportedTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Text in the number, description or address.' })
  q?: string | null;
}

@ArgsType()
export class GridEventsArgs extends PageArgs {
  @Field(() => GridEventFilter, { nullable: true })
  filter?: GridEventFilter | null;

  @Field(() => GridEventOrderBy, { nullable: true, description: 'Default: newest report first.' })
  orderBy?: GridEventOrderBy | null;
}

@InputType()
export class ReportGridEventInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-chosen: the same key and input return the first event; another input is BAD_USER_INPUT.',
  })
  idempotencyKey?: string | null;

  @Field(() => GridEventSourceEnum, {
    nullable: true,
    description: 'Default GRID_WORKER for a user, DISTRICT_SYSTEM (and only that) for an API key.',
  })
  source?: GridEventSource | null;

  @Field(() => GridEventCategoryEnum)
  category: GridEventCategory;

  @Field(() => GridEventUrgencyEnum, { defaultValue: 'NORMAL' })
  urgency: GridEventUrgency;

  @Field({ description: 'The grid unit (a GRID region valid today).' })
  regionCode: string;

  @Field(() => Float, { nullable: true, description: 'WGS-84; with lng or not at all.' })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  lng?: number | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field()
  description: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 9 photo references.' })
  photoRefs: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When it was found, for reports entered after the fact; default now, never in the future.',
  })
  reportedAt?: Date | null;
}

@InputType()
export class GridEventCommandInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you last saw; a stale one is CONFLICT.' })
  expectedVersion: number;
}

@InputType()
export class GridEventNoteInput extends GridEventCommandInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class FileGridEventInput extends GridEventNoteInput {}

@InputType()
export class StartGridEventDisposalInput extends GridEventNoteInput {}

@InputType()
export class VerifyGridEventInput extends GridEventNoteInput {}

@InputType()
export class CloseGridEventInput extends GridEventNoteInput {}

@InputType()
export class RejectGridEventInput extends GridEventCommandInput {
  @Field(() => GridEventRejectionEnum)
  reason: GridEventRejection;

  @Field(() => ID, { nullable: true, description: 'Required for DUPLICATE: the open event it repeats.' })
  duplicateOfId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class DispatchGridEventInput extends GridEventCommandInput {
  @Field(() => AssigneeKindEnum)
  assigneeKind: AssigneeKind;

  @Field({ description: 'The department (城管执法局, 消防大队, …) or the person.' })
  assignee: string;
}

@InputType()
export class DisposeGridEventInput extends GridEventCommandInput {
  @Field({ description: 'What was done.' })
  result: string;
}

@InputType()
export class SendBackGridEventInput extends GridEventCommandInput {
  @Field({ description: 'What the on-site check found still wrong.' })
  reason: string;
}

@InputType()
export class EvaluateGridEventInput extends GridEventCommandInput {
  @Field(() => SatisfactionLevelEnum)
  satisfaction: SatisfactionLevel;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class ReferGridEventToMediationInput extends WithDisputeParties(GridEventCommandInput) {
  @Field(() => String, {
    nullable: true,
    description: 'The case title; default: the event’s category and number.',
  })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: the committee covering the grid unit.' })
  organizationId?: string | null;
}

@InputType()
export class DuplicateHintsInput {
  @Field(() => GridEventCategoryEnum)
  category: GridEventCategory;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

@ObjectType({ description: 'The closed loop of a subtree and period: what supervision shows as KPI tiles.' })
export class GridLoopFigures {
  @Field(() => Int, { description: 'Events reported in the period.' })
  reported: number;

  @Field(() => Int, { description: 'Of those, closed (or closed and evaluated).' })
  closed: number;

  @Field(() => Int, { description: 'Of the closed, closed by their deadline.' })
  closedOnTime: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int, { description: 'Open and past their deadline.' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: 'closedOnTime ÷ closed (onTimeRate in the domain).' })
  onTimeRate: number | null;
}

@ArgsType()
export class GridLoopFiguresArgs {
  @Field(() => String, { nullable: true, description: 'Default: your jurisdiction.' })
  regionCode?: string | null;

  @Field(() => DateResolver, { description: 'Events reported from this day (China time).' })
  from: Date;

  @Field(() => DateResolver)
  to: Date;
}

import type { AssistanceState, AssistanceType, VisitPurpose } from '@qiangji/domain';
import { DateResolver, DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { FilteredPageArgs, IdempotentInput, LatLngFields } from '../../common/graphql-types';
import { RecordedRow, VersionedInput, VersionedRow } from '../../common/versioned';
import { WithDisputeParties, WithDisputeSubject } from '../mediation/dispute-case.types';
import { CadrePartFilter } from './unit.types';
import { AssistanceStateEnum, AssistanceTypeEnum, VisitPurposeEnum } from './village.enums';

@ObjectType({ description: 'A point in WGS-84 degrees.' })
export class GeoPoint extends LatLngFields {}

@InputType()
export class GeoPointInput extends LatLngFields {}

/** The filters of a cadre's work in households: a visit's, an assistance's. */
@InputType()
class HouseholdWorkFilter extends CadrePartFilter {
  @Field(() => ID, { nullable: true })
  householdId?: string | null;
}

/** A cadre's work in a household (a visit, an assistance): under which posting, by whom, where. */
function WithHouseholdWork<T extends ClassType>(Base: T) {
  @ObjectType()
  abstract class HouseholdWork extends Base {
    @Field(() => ID)
    householdId: string;

    @Field(() => ID)
    postingId: string;

    @Field(() => ID)
    cadreId: string;

    @Field({ description: 'The cadre as posted.' })
    cadreName: string;

    @Field(() => ID)
    workUnitId: string;

    @Field({ description: 'The household’s region.' })
    regionCode: string;
  }
  return HouseholdWork;
}

/** The start of a cadre's work in a household: which household, under which posting. */
@InputType()
class HouseholdWorkInput extends IdempotentInput {
  @Field(() => ID)
  householdId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Default: your own active posting in the household’s village.',
  })
  postingId?: string | null;
}

@ObjectType({
  description:
    'A household visit (走访) by a stationed cadre, under an active posting in the household’s village. Reads are audited like the registry’s.',
})
export class Visit extends WithHouseholdWork(RecordedRow) {
  @Field(() => DateResolver)
  visitedOn: string;

  @Field(() => VisitPurposeEnum)
  purpose: VisitPurpose;

  @Field()
  findings: string;

  @Field()
  followUpNeeded: boolean;

  @Field(() => GeoPoint, { nullable: true })
  location: GeoPoint | null;

  @Field(() => ID, { nullable: true, description: 'The dispute case registered from this visit.' })
  disputeCaseId: string | null;
}

@ObjectType()
export class VisitConnection extends ConnectionType(Visit) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class VisitFilter extends HouseholdWorkFilter {
  @Field(() => ID, { nullable: true })
  postingId?: string | null;

  @Field(() => [VisitPurposeEnum], { nullable: true })
  purpose?: VisitPurpose[] | null;

  @Field(() => Boolean, { nullable: true })
  followUpNeeded?: boolean | null;

  @Field(() => DateResolver, { nullable: true, description: 'Visited on or after this day.' })
  visitedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Visited on or before this day.' })
  visitedTo?: Date | null;
}

@ArgsType()
export class VisitsArgs extends FilteredPageArgs(VisitFilter) {}

@ObjectType({
  description:
    'A household due for a visit: not visited since its period began (a poor household’s month, any other’s quarter).',
})
export class DueHousehold {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Tagged POOR_HOUSEHOLD: visited every month.' })
  poor: boolean;

  @Field(() => DateResolver, { nullable: true, description: 'Its last visit; null: never visited.' })
  lastVisitedOn: string | null;

  @Field(() => DateResolver, {
    description: 'The day its period began: a visit from then on is on schedule.',
  })
  periodStart: string;
}

@ObjectType()
export class DueHouseholdConnection extends ConnectionType(DueHousehold) {}

@ArgsType()
export class VisitsDueArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The whole subtree of this region; default: your jurisdiction (a cadre’s village).',
  })
  regionCode?: string | null;
}

@InputType({
  description:
    'A visit, logged under an active posting in the household’s village. Send an idempotencyKey from the phone: a retry after a lost answer returns the first visit.',
})
export class LogVisitInput extends HouseholdWorkInput {
  @Field(() => DateResolver, { description: 'Not in the future, not before the posting began.' })
  visitedOn: Date;

  @Field(() => VisitPurposeEnum)
  purpose: VisitPurpose;

  @Field({ defaultValue: '' })
  findings: string;

  @Field({ defaultValue: false })
  followUpNeeded: boolean;

  @Field(() => GeoPointInput, { nullable: true })
  location?: GeoPointInput | null;
}

@InputType({
  description:
    'Turns a dispute found on a visit into a mediation case (channel STATIONED_CADRE, at the household’s place), linked both ways.',
})
export class ReportVisitDisputeInput extends WithDisputeSubject(WithDisputeParties(Object)) {
  @Field(() => ID)
  visitId: string;
}

@ObjectType({ description: 'A household’s net income of one year, in whole yuan.' })
export class HouseholdIncome {
  @Field(() => ID)
  householdId: string;

  @Field(() => Int)
  year: number;

  @Field(() => SafeIntResolver)
  incomeYuan: number;
}

@InputType()
export class RecordHouseholdIncomeInput {
  @Field(() => ID)
  householdId: string;

  @Field(() => Int)
  year: number;

  @Field(() => SafeIntResolver, { description: 'Whole yuan.' })
  incomeYuan: number;
}

@ObjectType({
  description:
    'What a step recorded (AssistanceCommandDetails): the fields its command has, the others null.',
})
export class AssistanceStepDetails {
  @Field(() => DateResolver, {
    nullable: true,
    description: 'plan, start, complete, abandon: the day of the step',
  })
  on?: string | null;
  @Field(() => String, { nullable: true, description: 'complete' })
  outcome?: string | null;
  @Field(() => String, { nullable: true, description: 'abandon' })
  reason?: string | null;
}

@ObjectType({ description: 'One step of an assistance’s life.' })
export class AssistanceEvent {
  @Field(() => DateTimeResolver)
  at: Date;

  @Field()
  command: string;

  @Field(() => AssistanceStateEnum, { nullable: true })
  fromState: AssistanceState | null;

  @Field(() => AssistanceStateEnum)
  toState: AssistanceState;

  @Field()
  actorName: string;

  @Field(() => AssistanceStepDetails)
  details: AssistanceStepDetails;

  assistanceId: string;
}

@ObjectType({
  description:
    'What an assistance changed, measured: the household’s income of the last year before it was planned and of the last year on record since it was done.',
})
export class AssistanceEffect {
  @Field(() => HouseholdIncome, { nullable: true })
  before: HouseholdIncome | null;

  @Field(() => HouseholdIncome, { nullable: true })
  after: HouseholdIncome | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Compound annual growth from before to after (0.181 = 18.1%).',
  })
  growth: number | null;
}

@ObjectType({
  description:
    'Assistance (帮扶) a cadre arranges for a household: planned → in progress → done, or abandoned.',
})
export class Assistance extends WithHouseholdWork(VersionedRow) {
  @Field(() => AssistanceTypeEnum)
  type: AssistanceType;

  @Field()
  description: string;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Whole yuan.' })
  amountYuan: number | null;

  @Field(() => AssistanceStateEnum)
  state: AssistanceState;

  @Field(() => DateResolver)
  plannedOn: string;

  @Field(() => DateResolver, { nullable: true })
  startedOn: string | null;

  @Field(() => DateResolver, { nullable: true })
  doneOn: string | null;

  @Field(() => DateResolver, { nullable: true })
  abandonedOn: string | null;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true })
  abandonReason: string | null;
}

@ObjectType()
export class AssistanceConnection extends ConnectionType(Assistance) {}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class AssistanceFilter extends HouseholdWorkFilter {
  @Field(() => [AssistanceTypeEnum], { nullable: true })
  type?: AssistanceType[] | null;

  @Field(() => [AssistanceStateEnum], { nullable: true })
  state?: AssistanceState[] | null;

  @Field(() => DateResolver, { nullable: true })
  plannedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true })
  plannedTo?: Date | null;
}

@ArgsType()
export class AssistancesArgs extends FilteredPageArgs(AssistanceFilter) {}

@InputType()
export class PlanAssistanceInput extends HouseholdWorkInput {
  @Field(() => AssistanceTypeEnum)
  type: AssistanceType;

  @Field()
  description: string;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Whole yuan.' })
  amountYuan?: number | null;

  @Field(() => DateResolver)
  plannedOn: Date;
}

/** What every step of an assistance carries: which one, the version read, and the day of the step. */
@InputType()
export class AssistanceCommandInput extends VersionedInput {
  @Field(() => DateResolver, { description: 'The day of the step; not in the future.' })
  on: Date;
}

@InputType()
export class StartAssistanceInput extends AssistanceCommandInput {}

@InputType()
export class CompleteAssistanceInput extends AssistanceCommandInput {
  @Field({ description: 'What came of it (建成大棚两栋，当年纯收入四万元).' })
  outcome: string;
}

@InputType()
export class AbandonAssistanceInput extends AssistanceCommandInput {
  @Field()
  reason: string;
}

export enum TimelineKind {
  VISIT = 'VISIT',
  ASSISTANCE = 'ASSISTANCE',
  INCOME = 'INCOME',
  DISPUTE = 'DISPUTE',
  MEMBER = 'MEMBER',
}
registerEnumType(TimelineKind, { name: 'HouseholdTimelineKind' });

@ObjectType({
  description:
    'One thing that happened to a household: a visit, a step of an assistance, a year’s income, a dispute its members are parties to, a change of a member in the registry.',
})
export class HouseholdTimelineEntry {
  @Field(() => DateTimeResolver)
  at: Date;

  @Field(() => TimelineKind)
  kind: TimelineKind;

  @Field({
    description: 'What it was: a purpose, an assistance type and step, a case state, a member change.',
  })
  what: string;

  @Field({ description: 'A line to show: findings, an outcome, a case title, a member’s name.' })
  summary: string;

  @Field(() => ID, { nullable: true, description: 'The visit, assistance, case or resident it is about.' })
  refId: string | null;
}

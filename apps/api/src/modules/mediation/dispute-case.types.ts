import type {
  DisputeCaseOutcome,
  PartyRole,
  DisputeCaseState,
  DisputeType,
  IntakeChannel,
  Referral,
  RiskLevel,
  RiskReason,
} from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs, SortDirection } from '../../common/connection';
import { VersionedInput, VersionedNode } from '../../common/versioned';
import {
  DisputeCaseOutcomeEnum,
  DisputeCaseStateEnum,
  DisputeTypeEnum,
  IntakeChannelEnum,
  PartyRoleEnum,
  ReferralEnum,
  RiskLevelEnum,
  RiskReasonEnum,
} from './mediation.enums';
import { Agreement } from './dispute-case-event.types';

@ObjectType({ description: 'A party to a dispute: a registered resident, or a name and a contact only.' })
export class DisputeParty {
  @Field(() => ID)
  id: string;

  @Field(() => PartyRoleEnum)
  role: PartyRole;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Masked like a resident’s phone.' })
  contact: string | null;

  residentId: string | null;
  caseId: string;
}

/** What a dispute is about, as intake or another module's referral records it and as the case reads it back. */
export function WithDisputeSubject<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class DisputeSubject extends Base {
    @Field(() => DisputeTypeEnum)
    type: DisputeType;

    @Field()
    title: string;

    @Field()
    description: string;

    @Field(() => String, { nullable: true, description: 'Decimal yuan, e.g. "12000.00".' })
    amountAtStake: string | null;
  }
  return DisputeSubject;
}

/**
 * What intake records of a dispute: the fields its registration gives and the case reads back, declared once
 * for the input and the object type (a mixin, since the case's class already extends `VersionedNode`).
 */
function WithDisputeFacts<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class DisputeFacts extends WithDisputeSubject(Base) {
    @Field(() => IntakeChannelEnum)
    channel: IntakeChannel;

    @Field(() => Int)
    peopleInvolved: number;

    @Field(() => Int)
    householdsInvolved: number;
  }
  return DisputeFacts;
}

@ObjectType({ description: 'A dispute case (纠纷) from intake to closure.' })
export class DisputeCase extends WithDisputeFacts(VersionedNode) {
  @Field({ description: 'Readable number: year of receipt and a city-wide sequence, 2012-000123.' })
  number: string;

  @Field({ description: 'Where the dispute is: a community or village, or below.' })
  regionCode: string;

  @Field({ description: 'Threats of violence or of a group incident were reported.' })
  threats: boolean;

  @Field(() => RiskLevelEnum)
  risk: RiskLevel;

  @Field(() => [RiskReasonEnum])
  riskReasons: RiskReason[];

  @Field(() => DisputeCaseStateEnum)
  state: DisputeCaseState;

  @Field(() => DisputeCaseOutcomeEnum, {
    nullable: true,
    description: 'How mediation ended; kept through follow-up and closing.',
  })
  outcome: DisputeCaseOutcome | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => ReferralEnum, { nullable: true, description: 'Where a failed mediation was referred.' })
  referral: Referral | null;

  @Field(() => Agreement, { nullable: true })
  agreement: Agreement | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the agreement is honoured, at the last follow-up.',
  })
  honoured: boolean | null;

  @Field(() => DateTimeResolver)
  receivedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  concludedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  closedAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the current stage must be done; null once declined or closed.',
  })
  dueAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  atRiskAt: Date | null;

  organizationId: string;
  /** The handling organisation's region path: who may act on the case. */
  organizationPath: string;
  originOrganizationId: string;
  mediatorId: string | null;
}

/**
 * A case as the services read it, a plain row: the root of its field resolvers, typed so that type-graphql hands
 * the row itself to each (a root typed as the class is copied into a new instance for every field resolved).
 */
export type DisputeCaseRow = Omit<DisputeCase, never>;

@ObjectType()
export class DisputeCaseConnection extends ConnectionType(DisputeCase) {}

export enum DisputeCaseOrderField {
  RECEIVED_AT = 'RECEIVED_AT',
  DUE_AT = 'DUE_AT',
}
registerEnumType(DisputeCaseOrderField, { name: 'DisputeCaseOrderField' });

@InputType()
export class DisputeCaseOrderBy {
  @Field(() => DisputeCaseOrderField)
  field: DisputeCaseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType({ description: 'Every field narrows; a region outside your jurisdiction is FORBIDDEN.' })
export class DisputeCaseFilter {
  @Field(() => String, { nullable: true, description: 'Cases placed in the whole subtree of this region.' })
  regionCode?: string | null;

  @Field(() => [DisputeCaseStateEnum], { nullable: true })
  state?: DisputeCaseState[] | null;

  @Field(() => [DisputeTypeEnum], { nullable: true })
  type?: DisputeType[] | null;

  @Field(() => [RiskLevelEnum], { nullable: true })
  risk?: RiskLevel[] | null;

  @Field(() => [IntakeChannelEnum], { nullable: true })
  channel?: IntakeChannel[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: past dueAt; false: not past it (or ended).' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: at risk of missing dueAt, not yet overdue.' })
  atRisk?: boolean | null;

  @Field(() => DateResolver, { nullable: true, description: 'Accepted on or after this day (China time).' })
  acceptedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Accepted on or before this day (China time).' })
  acceptedTo?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Received on or after this day (China time).' })
  receivedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Received on or before this day (China time).' })
  receivedTo?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only the cases registered at `regionCode` itself, not below it (the place a recurring-dispute alert names).',
  })
  regionOnly?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Cases with this resident among their parties (the recurring-dispute alerts link here).',
  })
  partyResidentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Handled by this organisation now.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  mediatorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the number or the title.' })
  q?: string | null;
}

@ArgsType()
export class DisputeCasesArgs extends PageArgs {
  @Field(() => DisputeCaseFilter, { nullable: true })
  filter?: DisputeCaseFilter | null;

  @Field(() => DisputeCaseOrderBy, { nullable: true, description: 'Default: newest received first.' })
  orderBy?: DisputeCaseOrderBy | null;
}

@InputType()
export class DisputePartyInput {
  @Field(() => PartyRoleEnum)
  role: PartyRole;

  @Field(() => ID, {
    nullable: true,
    description: 'A resident of the registry: name and phone come from there.',
  })
  residentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required without residentId.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A phone number; stored encrypted, returned masked.' })
  contact?: string | null;
}

/** Who a dispute that another module's work found is between, as that module refers it to mediation. */
export function WithDisputeParties<T extends ClassType>(Base: T) {
  @InputType()
  abstract class DisputeParties extends Base {
    @Field(() => [DisputePartyInput])
    parties: DisputePartyInput[];

    @Field(() => Int)
    peopleInvolved: number;

    @Field(() => Int)
    householdsInvolved: number;

    @Field({ defaultValue: false })
    threats: boolean;
  }
  return DisputeParties;
}

@InputType()
export class RegisterDisputeCaseInput extends WithDisputeFacts(Object) {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-chosen: the same key and input return the first case; another input is BAD_USER_INPUT.',
  })
  idempotencyKey?: string | null;

  @Field({ description: 'A community or village, or a hamlet or grid unit below it.' })
  regionCode: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation that handles it; default: the people’s mediation committee of the place’s community or village.',
  })
  organizationId?: string | null;

  @Field(() => [DisputePartyInput])
  parties: DisputePartyInput[];

  @Field({ defaultValue: false })
  threats: boolean;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'When the dispute was received, for cases entered after the fact; default now, never in the future.',
  })
  receivedAt?: Date | null;
}

@InputType()
export class AcceptDisputeCaseInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class DeclineDisputeCaseInput extends VersionedInput {
  @Field()
  reason: string;
}

@InputType()
export class AssignMediatorInput extends VersionedInput {
  @Field(() => ID)
  mediatorId: string;
}

@InputType()
export class RecordSessionInput extends VersionedInput {
  @Field(() => DateResolver)
  date: Date;

  @Field()
  place: string;

  @Field(() => [String])
  participants: string[];

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class AgreementInput {
  @Field()
  terms: string;

  @Field(() => [String])
  signatories: string[];

  @Field(() => DateResolver)
  signedOn: Date;

  @Field({ defaultValue: false })
  courtConfirmed: boolean;
}

@InputType()
export class ConcludeWithAgreementInput extends VersionedInput {
  @Field(() => AgreementInput)
  agreement: AgreementInput;
}

@InputType()
export class ConcludeWithoutAgreementInput extends VersionedInput {
  @Field(() => ReferralEnum, { description: 'Where the dispute is referred.' })
  referral: Referral;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class WithdrawDisputeCaseInput extends VersionedInput {
  @Field()
  reason: string;
}

@InputType({ description: 'Deprecated with concludeDisputeCase.' })
export class ConcludeDisputeCaseInput extends VersionedInput {
  @Field(() => DisputeCaseOutcomeEnum)
  outcome: DisputeCaseOutcome;

  @Field(() => AgreementInput, { nullable: true, description: 'Required for AGREEMENT_REACHED.' })
  agreement?: AgreementInput | null;

  @Field(() => ReferralEnum, { nullable: true, description: 'Required for MEDIATION_FAILED.' })
  referral?: Referral | null;

  @Field(() => String, { nullable: true, description: 'Required for WITHDRAWN.' })
  reason?: string | null;
}

@InputType({ description: 'Deprecated with recordMediationSession.' })
export class RecordMediationSessionInput extends RecordSessionInput {}

@InputType()
export class EscalateDisputeCaseInput extends VersionedInput {
  @Field(() => ID, { description: 'A coordination centre whose region contains the case’s current one.' })
  organizationId: string;

  @Field()
  reason: string;
}

@InputType()
export class RecordFollowUpInput extends VersionedInput {
  @Field(() => DateResolver)
  date: Date;

  @Field()
  honoured: boolean;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class CloseDisputeCaseInput extends VersionedInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}

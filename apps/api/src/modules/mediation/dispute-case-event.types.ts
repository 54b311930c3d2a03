import type {
  DisputeCaseEventDetails,
  DisputeCaseEventKind,
  DisputeCaseState,
  IntakeChannel,
  Referral,
  RiskLevel,
  RiskReason,
} from '@qiangji/domain';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { createUnionType, Field, ID, ObjectType } from 'type-graphql';
import {
  DisputeCaseStateEnum,
  IntakeChannelEnum,
  ReferralEnum,
  RiskLevelEnum,
  RiskReasonEnum,
} from './mediation.enums';

// What each step of a case's timeline recorded, one GraphQL type per shape of @qiangji/domain's
// `DisputeCaseEventDetails`, joined in one union that a client reads with `... on SessionDetails { date }`.

@ObjectType({
  description: 'Intake: the channel, the risk assessed, and the coordination centre told of a HIGH risk.',
})
export class RegistrationDetails {
  @Field(() => IntakeChannelEnum)
  channel: IntakeChannel;

  @Field(() => RiskLevelEnum)
  risk: RiskLevel;

  @Field(() => [RiskReasonEnum])
  riskReasons: RiskReason[];

  @Field(() => ID, { nullable: true })
  notifiedOrganizationId?: string | null;

  @Field(() => String, { nullable: true })
  notifiedOrganizationName?: string | null;
}

@ObjectType({ description: 'A step with an optional note (accept, close).' })
export class NoteDetails {
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType({ description: 'A step that needs its reason (decline, withdraw).' })
export class ReasonDetails {
  // Every `reason` of the union is nullable in the schema, so that a client may select them all in one document.
  @Field(() => String, { nullable: true })
  reason: string;
}

@ObjectType()
export class MediatorAssignmentDetails {
  @Field(() => ID)
  mediatorId: string;

  @Field()
  mediatorName: string;
}

@ObjectType({ description: 'A mediation session (调解).' })
export class SessionDetails {
  @Field(() => DateResolver)
  date: string;

  @Field()
  place: string;

  @Field(() => [String])
  participants: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType({ description: 'The mediation agreement (调解协议).' })
export class Agreement {
  @Field()
  terms: string;

  @Field(() => [String])
  signatories: string[];

  @Field(() => DateResolver)
  signedOn: string;

  @Field({ description: 'Confirmed by a court (司法确认).' })
  courtConfirmed: boolean;
}

@ObjectType()
export class AgreementDetails {
  @Field(() => Agreement)
  agreement: Agreement;
}

@ObjectType({ description: 'Mediation failed: where the dispute was referred.' })
export class FailureDetails {
  @Field(() => ReferralEnum)
  referral: Referral;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType({ description: 'A follow-up visit (回访): is the agreement honoured?' })
export class FollowUpDetails {
  @Field(() => DateResolver)
  date: string;

  @Field()
  honoured: boolean;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType({ description: 'Handed to a coordination centre a tier up.' })
export class EscalationDetails {
  @Field(() => ID)
  fromOrganizationId: string;

  @Field(() => ID)
  toOrganizationId: string;

  @Field()
  toOrganizationName: string;

  @Field(() => String, { nullable: true })
  reason: string;
}

@ObjectType({ description: 'A decision of a coordination centre’s monthly meeting on the case.' })
export class CoordinationDecisionDetails {
  @Field(() => ID)
  meetingId: string;

  @Field()
  decision: string;
}

/** The GraphQL type of each kind of timeline row. */
const TYPE_OF: { [K in DisputeCaseEventKind]: new () => object } = {
  register: RegistrationDetails,
  accept: NoteDetails,
  close: NoteDetails,
  decline: ReasonDetails,
  withdraw: ReasonDetails,
  assignMediator: MediatorAssignmentDetails,
  recordSession: SessionDetails,
  concludeWithAgreement: AgreementDetails,
  concludeWithoutAgreement: FailureDetails,
  recordFollowUp: FollowUpDetails,
  escalate: EscalationDetails,
  coordinationDecision: CoordinationDecisionDetails,
};

/** A timeline row's details, tagged with its kind so the union can name its type. */
export type TaggedDetails = DisputeCaseEventDetails[DisputeCaseEventKind] & { kind: DisputeCaseEventKind };

export const DisputeCaseEventDetailsUnion = createUnionType({
  name: 'DisputeCaseEventDetails',
  description: 'What a step recorded; its type follows the step (`command`).',
  types: () => [...new Set(Object.values(TYPE_OF))] as [new () => object, ...(new () => object)[]],
  resolveType: (value) => TYPE_OF[(value as TaggedDetails).kind].name,
});

@ObjectType({
  description: 'One step of the timeline: a state change, a session, a follow-up, an escalation.',
})
export class DisputeCaseEvent {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field(() => String, { description: 'The domain command (register, accept, recordSession, …).' })
  command: DisputeCaseEventKind;

  @Field(() => DisputeCaseStateEnum, { nullable: true })
  fromState: DisputeCaseState | null;

  @Field(() => DisputeCaseStateEnum)
  toState: DisputeCaseState;

  @Field({ description: 'The person who took the step.' })
  actorName: string;

  @Field(() => DisputeCaseEventDetailsUnion)
  details: TaggedDetails;

  caseId: string;
}

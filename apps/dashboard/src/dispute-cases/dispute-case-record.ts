import { isOpenDisputeCase } from '@qiangji/domain';
import type { RegionRef } from '../common/region-ref';
import type {
  DeadlineStatus,
  DisputeCaseOutcome,
  DisputeCaseState,
  DisputeType,
  IntakeChannel,
  OrganizationKind,
  PartyRole,
  Referral,
  RiskLevel,
  RiskReason,
} from '@qiangji/domain';

/** A case as listed (`DisputeCaseRow`). */
export interface DisputeCaseRecord {
  id: string;
  /** Year of receipt and a city-wide sequence: 2012-000123. */
  number: string;
  title: string;
  type: DisputeType;
  state: DisputeCaseState;
  risk: RiskLevel;
  deadlineStatus: DeadlineStatus;
  dueAt: string | null;
  receivedAt: string;
  regionCode: string;
  /** Sent back as expectedVersion with every command: a step on top of someone else's is a CONFLICT. */
  version: number;
  region: RegionRef;
}

/**
 * Whether the case's deadline is worth a chip: while it runs up to its conclusion. The domain's one definition of
 * overdue (`disputeDeadlineStatus`) never counts a concluded case late, so its follow-up date gets no chip.
 */
export function showsDeadline(c: Pick<DisputeCaseRecord, 'state' | 'dueAt'>): boolean {
  return c.dueAt !== null && isOpenDisputeCase(c.state);
}

export interface Agreement {
  terms: string;
  signatories: string[];
  signedOn: string;
  courtConfirmed: boolean;
}

/** What a step recorded (the API's `DisputeCaseEventDetails` union), told apart by `__typename`. */
export type DisputeCaseEventDetails =
  | {
      __typename: 'RegistrationDetails';
      channel: IntakeChannel;
      risk: RiskLevel;
      riskReasons: RiskReason[];
      notifiedOrganizationId: string | null;
      notifiedOrganizationName: string | null;
    }
  | { __typename: 'NoteDetails'; note: string | null }
  | { __typename: 'ReasonDetails'; reason: string | null }
  | { __typename: 'MediatorAssignmentDetails'; mediatorId: string; mediatorName: string }
  | {
      __typename: 'SessionDetails';
      date: string;
      place: string;
      participants: string[];
      notes: string | null;
    }
  | { __typename: 'AgreementDetails'; agreement: Agreement }
  | { __typename: 'FailureDetails'; referral: Referral; reason: string | null }
  | { __typename: 'FollowUpDetails'; date: string; honoured: boolean; notes: string | null }
  | {
      __typename: 'EscalationDetails';
      fromOrganizationId: string;
      toOrganizationId: string;
      toOrganizationName: string;
      reason: string | null;
    }
  | { __typename: 'CoordinationDecisionDetails'; meetingId: string; decision: string };

/** One step of the timeline; `command` is the domain's (register, accept, recordSession …). */
export interface DisputeCaseEvent {
  id: string;
  at: string;
  command: string;
  fromState: DisputeCaseState | null;
  toState: DisputeCaseState;
  /** The display name of the person who took the step. */
  actorName: string;
  details: DisputeCaseEventDetails;
}

export interface DisputeParty {
  id: string;
  role: PartyRole;
  name: string;
  /** Masked: 138****5678. */
  contact: string | null;
  resident: { id: string } | null;
}

export interface OrganizationRef {
  id: string;
  name: string;
  kind: OrganizationKind;
  regionCode: string;
}

/**
 * A case as shown (`DisputeCaseDetail`). The show page may first render a row from the list's cache, so the
 * fields beyond DisputeCaseRecord are optional until the detail query has answered.
 */
export interface DisputeCaseDetailRecord extends DisputeCaseRecord {
  channel?: IntakeChannel;
  description?: string;
  amountAtStake?: string | null;
  peopleInvolved?: number;
  householdsInvolved?: number;
  threats?: boolean;
  riskReasons?: RiskReason[];
  outcome?: DisputeCaseOutcome | null;
  declineReason?: string | null;
  referral?: Referral | null;
  honoured?: boolean | null;
  agreement?: Agreement | null;
  acceptedAt?: string | null;
  concludedAt?: string | null;
  closedAt?: string | null;
  organization?: OrganizationRef;
  originOrganization?: OrganizationRef;
  mediator?: { id: string; name: string } | null;
  parties?: DisputeParty[];
  timeline?: DisputeCaseEvent[];
  /** GraphQL enum names (ACCEPT, CONCLUDE_WITH_AGREEMENT …): the steps the user may take now. */
  availableCommands?: string[];
}

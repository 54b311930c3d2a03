import type { RegionRef } from '../common/region-ref';
import type {
  DisputeCaseOutcome,
  DisputeCaseState,
  DisputeType,
  IntakeChannel,
  OrganizationKind,
  Referral,
  RiskLevel,
  RiskReason,
} from '@qiangji/domain';
import type { DeadlineStatus, PartyRole } from '../mediation/enums';

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

export interface Agreement {
  terms: string;
  signatories: string[];
  signedOn: string;
  courtConfirmed: boolean;
}

/** One step of the timeline; `command` is the domain's (register, accept, recordSession …). */
export interface DisputeCaseEvent {
  id: string;
  at: string;
  command: string;
  fromState: DisputeCaseState | null;
  toState: DisputeCaseState;
  actorName: string;
  details: Record<string, unknown>;
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
  /** GraphQL enum names (ACCEPT, CONCLUDE_WITH_AGREEMENT …): the buttons the user may press now. */
  availableCommands?: string[];
}

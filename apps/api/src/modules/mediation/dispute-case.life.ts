import {
  assessDisputeRisk,
  DISPUTE_CASE_MACHINE,
  disputeCaseDeadline,
  type DisputeCaseCommandDetails,
  type DisputeCaseEventDetails,
  type DisputeCaseOutcome,
  type DisputeCaseState,
  type DisputeType,
  type IntakeChannel,
  type Referral,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import {
  defineLifecycle,
  insertRows,
  playLife,
  rowsTable,
  type LifeStep,
  type LivingRow,
  type TimelineRow,
  timelineTable,
  timelineColumns,
} from '../../common/seed-kit';
import type { Org } from './organization.seed';

/**
 * A dispute case's life as the seed plays it: through the domain's machine, with the columns each command sets
 * as the API's commands set them, and the deadline of the stage it ends in from the domain's rule.
 */

/** A seeded case's columns. */
export interface CaseRow extends LivingRow<DisputeCaseState> {
  id: string;
  channel: IntakeChannel;
  type: DisputeType;
  title: string;
  description: string;
  regionCode: string;
  organizationId: string;
  originOrganizationId: string;
  mediatorId: string | null;
  amountAtStake: string | null;
  peopleInvolved: number;
  householdsInvolved: number;
  threats: boolean;
  risk: string;
  riskReasons: string[];
  outcome: DisputeCaseOutcome | null;
  declineReason: string | null;
  referral: Referral | null;
  agreement: DisputeCaseCommandDetails['concludeWithAgreement']['agreement'] | null;
  honoured: boolean | null;
  receivedAt: Date;
  acceptedAt: Date | null;
  concludedAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
}

export type CaseStep = LifeStep<DisputeCaseCommandDetails>;
/** A case played: its columns, its timeline, and what its parties and timeline rows copy. */
export interface PlayedCase extends CaseRecord {
  row: CaseRow;
  timeline: TimelineRow<DisputeCaseState>[];
}
/** Besides the columns: the region path parties and timeline copy, the two parties, every step written. */
interface CaseRecord {
  path: string;
  parties: [string, string];
  full: boolean;
}

export const DISPUTE_CASE_LIFE = defineLifecycle<DisputeCaseState, DisputeCaseCommandDetails, CaseRow>({
  machine: DISPUTE_CASE_MACHINE,
  roles: ['MEDIATOR'],
  effects: {
    accept: (_, at) => ({ acceptedAt: at }),
    decline: (d) => ({ declineReason: d.reason }),
    assignMediator: (d) => ({ mediatorId: d.mediatorId }),
    recordSession: () => ({}),
    concludeWithAgreement: (d, at) => ({
      outcome: 'AGREEMENT_REACHED',
      concludedAt: at,
      agreement: d.agreement,
    }),
    concludeWithoutAgreement: (d, at) => ({
      outcome: 'MEDIATION_FAILED',
      concludedAt: at,
      referral: d.referral,
    }),
    withdraw: (_, at) => ({ outcome: 'WITHDRAWN', concludedAt: at }),
    recordFollowUp: (d) => ({ honoured: d.honoured }),
    close: (_, at) => ({ closedAt: at }),
    escalate: (d) => ({ organizationId: d.toOrganizationId }),
  },
  derive: (c) => {
    const deadline = disputeCaseDeadline(c.state, c);
    return { dueAt: deadline?.dueAt ?? null, atRiskAt: deadline?.atRiskAt ?? null };
  },
});

/** What intake records of a case: its facts, the place, the parties, and the risk assessed from the facts. */
export type Intake = CaseRecord & { risk: ReturnType<typeof assessDisputeRisk> } & Pick<
    CaseRow,
    | 'id'
    | 'channel'
    | 'type'
    | 'title'
    | 'description'
    | 'regionCode'
    | 'amountAtStake'
    | 'peopleInvolved'
    | 'householdsInvolved'
    | 'threats'
    | 'receivedAt'
  >;

/** The risk of a case, assessed from its facts as the API's intake does. */
export function riskOf(
  facts: Pick<CaseRow, 'type' | 'householdsInvolved' | 'peopleInvolved' | 'threats' | 'amountAtStake'>,
) {
  return assessDisputeRisk({
    ...facts,
    amountAtStake: facts.amountAtStake ? Number(facts.amountAtStake) : 0,
  });
}

/**
 * A case as registered: RECEIVED at version 1, with the register row of its timeline (a high-risk case is
 * notified to the coordination centre above it); its steps are played next, up to `until`.
 */
export function registerCase(
  intake: Intake,
  organization: Org,
  centre: Org,
  steps: readonly CaseStep[],
  until: Date,
): PlayedCase {
  const { risk } = intake;
  // Written out rather than spread: V8 makes slow objects of rest and spread, and a seed plays thousands.
  const row: CaseRow = {
    id: intake.id,
    channel: intake.channel,
    type: intake.type,
    title: intake.title,
    description: intake.description,
    regionCode: intake.regionCode,
    amountAtStake: intake.amountAtStake,
    peopleInvolved: intake.peopleInvolved,
    householdsInvolved: intake.householdsInvolved,
    threats: intake.threats,
    receivedAt: intake.receivedAt,
    organizationId: organization.id,
    originOrganizationId: organization.id,
    mediatorId: null,
    risk: risk.level,
    riskReasons: risk.reasons,
    state: 'RECEIVED',
    version: 1,
    outcome: null,
    declineReason: null,
    referral: null,
    agreement: null,
    honoured: null,
    acceptedAt: null,
    concludedAt: null,
    closedAt: null,
    dueAt: null,
    atRiskAt: null,
  };
  const details: DisputeCaseEventDetails['register'] = {
    channel: intake.channel,
    risk: risk.level,
    riskReasons: risk.reasons,
    ...(risk.level === 'HIGH' && {
      notifiedOrganizationId: centre.id,
      notifiedOrganizationName: centre.name,
    }),
  };
  const birth = { at: intake.receivedAt, command: 'register', actor: organization.name, details };
  const { timeline } = playLife(DISPUTE_CASE_LIFE, row, birth, steps, until);
  return { row, timeline, path: intake.path, parties: intake.parties, full: intake.full };
}

const CASES = rowsTable(
  'dispute_case',
  {
    id: 'uuid',
    channel: 'text',
    type: 'text',
    title: 'text',
    description: 'text',
    regionCode: 'varchar',
    organizationId: 'uuid',
    originOrganizationId: 'uuid',
    mediatorId: 'uuid',
    amountAtStake: 'numeric',
    peopleInvolved: 'int',
    householdsInvolved: 'int',
    threats: 'boolean',
    risk: 'text',
    riskReasons: 'text[]',
    state: 'text',
    version: 'int',
    outcome: 'text',
    declineReason: 'text',
    referral: 'text',
    agreement: 'jsonb',
    honoured: 'boolean',
    receivedAt: 'timestamptz',
    acceptedAt: 'timestamptz',
    concludedAt: 'timestamptz',
    closedAt: 'timestamptz',
    dueAt: 'timestamptz',
    atRiskAt: 'timestamptz',
  },
  {
    // The API's numbering: the year of receipt in China, then the city-wide sequence, in the rows' order.
    number: `to_char(r."receivedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('dispute_case_number')::text, 6, '0')`,
    createdBy: `'seed'`,
  },
);
const PARTIES = rowsTable('dispute_party', {
  caseId: 'uuid',
  regionPath: 'ltree',
  role: 'text',
  name: 'text',
});
const EVENTS = timelineTable('dispute_case_event', 'caseId');

/**
 * The cases, oldest first (case numbers follow the dates of receipt), their parties and timelines: a case
 * outside the sample keeps its register row only, so that the seed stays fast. Returns the timeline rows written.
 */
export async function insertCases(m: EntityManager, cases: readonly PlayedCase[]): Promise<number> {
  await insertRows(
    m,
    CASES,
    cases.map((c) => c.row),
  );
  await insertRows(
    m,
    PARTIES,
    cases
      .filter((c) => c.full)
      .flatMap(({ row, path, parties }) => [
        { caseId: row.id, regionPath: path, role: 'APPLICANT', name: parties[0] },
        { caseId: row.id, regionPath: path, role: 'RESPONDENT', name: parties[1] },
      ]),
  );
  // Timeline rows go in case by case, oldest first: their ids keep each case's order.
  const events = cases.flatMap(({ row, timeline, path, full }) =>
    (full ? timeline : timeline.slice(0, 1)).map((e) => ({
      caseId: row.id,
      regionPath: path,
      ...timelineColumns(e),
    })),
  );
  await insertRows(m, EVENTS, events);
  return events.length;
}

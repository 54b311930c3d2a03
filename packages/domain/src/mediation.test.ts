import {
  assessDisputeRisk,
  DEFAULT_TIME_LIMITS,
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  disputeCaseDeadline,
  INDUSTRIES,
  INDUSTRY_LABELS,
  INTAKE_CHANNELS,
  INTAKE_CHANNEL_LABELS,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  PETITION_CASE_STATES,
  PETITION_CASE_MACHINE,
  REFERRALS,
  REFERRAL_LABELS,
} from './mediation';
import { DISPUTE_CASE_STATES } from './dispute-case';

const facts = { type: 'NEIGHBOURHOOD' as const, householdsInvolved: 2, peopleInvolved: 2, threats: false };

describe('the intake risk rule', () => {
  it('when two neighbours quarrel over a fence, then the risk is low', () => {
    expect(assessDisputeRisk(facts)).toEqual({ level: 'LOW', reasons: [] });
  });

  it('when a land dispute comes with threats (the farm road of 金圣屯), then it is high', () => {
    expect(assessDisputeRisk({ ...facts, type: 'LAND', threats: true })).toEqual({
      level: 'HIGH',
      reasons: ['LAND_WITH_THREATS'],
    });
  });

  it('when five households are involved, then it is high whatever the type', () => {
    expect(assessDisputeRisk({ ...facts, householdsInvolved: 5 }).level).toBe('HIGH');
    expect(assessDisputeRisk({ ...facts, householdsInvolved: 4 }).level).toBe('LOW');
    expect(assessDisputeRisk({ ...facts, peopleInvolved: 10 }).reasons).toEqual(['MANY_PEOPLE']);
  });

  it('when threats come with a debt or the amount is large, then it is medium', () => {
    expect(assessDisputeRisk({ ...facts, type: 'DEBT', threats: true })).toEqual({
      level: 'MEDIUM',
      reasons: ['THREATS'],
    });
    expect(assessDisputeRisk({ ...facts, amountAtStake: 100_000 }).reasons).toEqual(['LARGE_AMOUNT']);
  });

  it('when a count is negative or fractional, then it is refused naming the field', () => {
    expect(() => assessDisputeRisk({ ...facts, householdsInvolved: -1 })).toThrow(/householdsInvolved/);
    expect(() => assessDisputeRisk({ ...facts, peopleInvolved: 1.5 })).toThrow(/peopleInvolved/);
  });
});

describe('the deadlines of each stage', () => {
  const receivedAt = new Date('2012-03-01T08:00:00+08:00');
  const acceptedAt = new Date('2012-03-02T08:00:00+08:00');
  const concludedAt = new Date('2012-03-20T08:00:00+08:00');
  const clock = { receivedAt, acceptedAt, concludedAt };
  const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

  it('when a case is received, then it must be accepted within 3 days and is at risk in the last quarter', () => {
    const deadline = disputeCaseDeadline('RECEIVED', clock)!;
    expect(days(receivedAt, deadline.dueAt)).toBe(3);
    expect(days(deadline.atRiskAt, deadline.dueAt)).toBe(0.75);
  });

  it('when a case is in mediation, then it must be concluded within 30 days of acceptance', () => {
    for (const state of ['ACCEPTED', 'MEDIATOR_ASSIGNED', 'IN_MEDIATION'] as const)
      expect(days(acceptedAt, disputeCaseDeadline(state, clock)!.dueAt)).toBe(30);
  });

  it('when limits are configured, then they replace the defaults', () => {
    const limits = { ...DEFAULT_TIME_LIMITS, concludeDays: 15 };
    expect(days(acceptedAt, disputeCaseDeadline('IN_MEDIATION', clock, limits)!.dueAt)).toBe(15);
  });

  it('when a case has ended, then it has no deadline; every other state has one', () => {
    for (const state of DISPUTE_CASE_STATES) {
      const deadline = disputeCaseDeadline(state, clock);
      expect({ state, ended: deadline === null }).toEqual({
        state,
        ended: state === 'DECLINED' || state === 'CLOSED',
      });
    }
  });

  it('when the start of the stage is missing, then it is refused', () => {
    expect(() => disputeCaseDeadline('IN_MEDIATION', { receivedAt })).toThrow(/IN_MEDIATION/);
  });
});

describe('labels', () => {
  it.each([
    ['dispute types', DISPUTE_TYPES, DISPUTE_TYPE_LABELS],
    ['intake channels', INTAKE_CHANNELS, INTAKE_CHANNEL_LABELS],
    ['organisation kinds', ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS],
    ['industries', INDUSTRIES, INDUSTRY_LABELS],
    ['referrals', REFERRALS, REFERRAL_LABELS],
  ] as const)('when %s are shown, then each has a Chinese and an English label', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) {
      const label = (labels as Record<string, { zh: string; en: string }>)[v];
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z]/);
    }
  });
});

describe('the petition backlog case transitions', () => {
  const PETITION_CASE_TRANSITIONS = PETITION_CASE_MACHINE.graph;
  const can = (from: string, to: string) =>
    (PETITION_CASE_TRANSITIONS as Record<string, { to: readonly string[] }>)[from].to.includes(to);

  it('when a case is registered, then it can only be assigned', () => {
    expect(PETITION_CASE_TRANSITIONS.REGISTERED.to).toEqual(['ASSIGNED']);
    expect(can('REGISTERED', 'RESOLVED')).toBe(false);
  });

  it('when an assigned case is settled, then it is resolved or stays unresolved', () => {
    expect([...PETITION_CASE_TRANSITIONS.ASSIGNED.to].sort()).toEqual(['RESOLVED', 'UNRESOLVED']);
  });

  it('when an unresolved case is settled later, then it may be resolved, and a resolved case never moves', () => {
    expect(PETITION_CASE_TRANSITIONS.UNRESOLVED.to).toEqual(['RESOLVED']);
    expect(PETITION_CASE_TRANSITIONS.RESOLVED.to).toEqual([]);
  });

  it('when the table is read, then every state has an entry and every target is a state', () => {
    expect(Object.keys(PETITION_CASE_TRANSITIONS).sort()).toEqual([...PETITION_CASE_STATES].sort());
    for (const { to } of Object.values(PETITION_CASE_TRANSITIONS))
      for (const state of to) expect(PETITION_CASE_STATES).toContain(state);
  });
});

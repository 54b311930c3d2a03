import {
  ageOn,
  applicantMayTake,
  availableServiceCommands,
  fitsServiceItem,
  isServiceApplicationOverdue,
  SERVICE_APPLICATION_MACHINE as M,
  SERVICE_APPLICATION_STATES,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  COMMUNITY_FUNCTIONS,
  COMMUNITY_FUNCTION_LABELS,
  whyIneligible,
} from './service';
import { appointmentKeptRate, onTimeRate } from './kpi';

const STAFF = ['COMMUNITY_STAFF'] as const;

describe('the service application machine', () => {
  it('when the article’s senior card is handled, then submitted → accepted → booked → on site → completed', () => {
    let state: (typeof SERVICE_APPLICATION_STATES)[number] = 'SUBMITTED';
    for (const command of ['accept', 'bookAppointment', 'handleOnSite', 'complete'] as const) {
      const check = M.check(state, command, STAFF);
      expect(check.ok).toBe(true);
      if (check.ok) state = check.to;
    }
    expect(state).toBe('COMPLETED');
  });

  it('when material is missing, then it is returned and resubmitted; a rejection ends it', () => {
    expect(M.check('SUBMITTED', 'returnForMaterial', STAFF)).toEqual({ ok: true, to: 'RETURNED' });
    expect(M.check('RETURNED', 'resubmit', STAFF)).toEqual({ ok: true, to: 'SUBMITTED' });
    expect(M.check('SUBMITTED', 'reject', STAFF)).toEqual({ ok: true, to: 'REJECTED' });
    expect(M.available('REJECTED', STAFF)).toEqual([]);
  });

  it('when the applicant withdraws, then every state before completion allows it and none after', () => {
    for (const state of SERVICE_APPLICATION_STATES)
      expect(M.check(state, 'withdraw', STAFF).ok).toBe(
        !['COMPLETED', 'REJECTED', 'WITHDRAWN'].includes(state),
      );
  });

  it('when a role outside the service points tries a step, then it is refused', () => {
    expect(M.check('SUBMITTED', 'accept', ['MEDIATOR'])).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
    expect(M.check('SUBMITTED', 'accept', ['SUPERVISOR'])).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
    expect(M.check('COMPLETED', 'accept', STAFF)).toMatchObject({ ok: false, reason: 'INVALID_TRANSITION' });
  });

  it('when a booked appointment is missed, then the application goes back to accepted for another', () => {
    expect(M.check('APPOINTMENT_BOOKED', 'recordNoShow', STAFF)).toEqual({ ok: true, to: 'ACCEPTED' });
  });
});

describe('steps that fit the item', () => {
  it('when an item has no on-site step, then it skips the appointment and completes once accepted', () => {
    expect(availableServiceCommands({ state: 'ACCEPTED', onSite: false }, STAFF)).toEqual([
      'complete',
      'withdraw',
    ]);
  });

  it('when an item has an on-site step, then it is completed only after the appointment', () => {
    expect(availableServiceCommands({ state: 'ACCEPTED', onSite: true }, STAFF)).toEqual([
      'bookAppointment',
      'withdraw',
    ]);
    expect(fitsServiceItem({ state: 'HANDLED_ON_SITE', onSite: true }, 'complete')).toBe(true);
  });

  it('when the applicant’s portal holds no staff role, then it may withdraw before completion and nothing else', () => {
    expect(availableServiceCommands({ state: 'ACCEPTED', onSite: true }, [], true)).toEqual(['withdraw']);
    expect(availableServiceCommands({ state: 'COMPLETED', onSite: true }, [], true)).toEqual([]);
    expect(availableServiceCommands({ state: 'SUBMITTED', onSite: true }, [])).toEqual([]);
    expect(applicantMayTake({ state: 'SUBMITTED' }, 'accept')).toBe(false);
  });
});

describe('overdue applications', () => {
  const now = new Date('2026-03-12T00:00:00Z');
  const past = new Date('2026-03-11T16:00:00Z');
  it('when the clock runs and the deadline passed, then it is overdue; returned or ended ones never are', () => {
    expect(isServiceApplicationOverdue({ state: 'ACCEPTED', dueAt: past }, now)).toBe(true);
    expect(isServiceApplicationOverdue({ state: 'RETURNED', dueAt: past }, now)).toBe(false);
    expect(isServiceApplicationOverdue({ state: 'COMPLETED', dueAt: past }, now)).toBe(false);
    expect(
      isServiceApplicationOverdue({ state: 'SUBMITTED', dueAt: new Date('2026-03-13T00:00:00Z') }, now),
    ).toBe(false);
  });
});

describe('service labels and KPIs', () => {
  it('when the catalogue is listed, then it has at least the villages’ ten categories, each labelled', () => {
    expect(SERVICE_CATEGORIES.length).toBeGreaterThanOrEqual(10);
    for (const c of SERVICE_CATEGORIES) expect(SERVICE_CATEGORY_LABELS[c].zh).not.toBe('');
    expect(COMMUNITY_FUNCTIONS).toHaveLength(10);
    expect(COMMUNITY_FUNCTIONS.slice(0, 5).map((f) => COMMUNITY_FUNCTION_LABELS[f].zh)).toEqual([
      '便民助老',
      '帮残扶弱',
      '慈善互助',
      '文体娱乐',
      '社会组织协同',
    ]);
  });

  it('when rates are computed, then they are fractions and undefined without a base', () => {
    expect(onTimeRate(9, 10)).toBe(0.9);
    expect(onTimeRate(0, 0)).toBeNull();
    expect(() => onTimeRate(11, 10)).toThrow(/onTime/);
    expect(appointmentKeptRate(3, 4)).toBe(0.75);
  });
});

describe('who may apply', () => {
  const senior = { eligibleTags: [], minAge: 60 };
  const allowance = { eligibleTags: ['MINIMUM_ALLOWANCE', 'POOR_HOUSEHOLD'] as const, minAge: null };

  it('when the applicant turns 60 that day, then they may apply for the senior card, and not the day before', () => {
    expect(ageOn('1966-12-01', '2026-12-01')).toBe(60);
    expect(ageOn('1966-12-02', '2026-12-01')).toBe(59);
    expect(whyIneligible(senior, { tags: [], birthDate: '1966-12-01' }, '2026-12-01')).toBeNull();
    expect(whyIneligible(senior, { tags: ['ELDERLY'], birthDate: '1966-12-02' }, '2026-12-01')).toBe(
      'The applicant must be 60 or older; they are 59.',
    );
  });

  it('when an item names tags, then a resident with any one of them may apply and others not', () => {
    const day = '2026-12-01';
    expect(whyIneligible(allowance, { tags: ['POOR_HOUSEHOLD'], birthDate: '1980-01-01' }, day)).toBeNull();
    expect(whyIneligible(allowance, { tags: ['ELDERLY'], birthDate: '1980-01-01' }, day)).toMatch(
      /MINIMUM_ALLOWANCE or POOR_HOUSEHOLD/,
    );
    expect(
      whyIneligible({ eligibleTags: [], minAge: null }, { tags: [], birthDate: '2020-01-01' }, day),
    ).toBeNull();
  });
});

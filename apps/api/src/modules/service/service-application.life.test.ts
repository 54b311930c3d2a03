import { workCalendar } from '@qiangji/domain';
import { LifeError } from '../../common/seed-kit';
import {
  completion,
  playApplication,
  submittedApplication,
  type ApplicationRow,
} from './service-application.life';

function submitted(at: string, timeLimitDays = 7): ApplicationRow {
  return submittedApplication({
    id: '00000000-0000-4000-8000-000000000001',
    itemId: '00000000-0000-4000-8000-000000000002',
    category: 'ELDERLY',
    regionCode: '230102010003',
    residentId: '00000000-0000-4000-8000-000000000003',
    channel: 'PORTAL',
    actingName: '宋建国',
    actingRelationship: '儿子',
    answers: {},
    materials: [],
    onSite: true,
    timeLimitDays,
    submittedAt: new Date(at),
  });
}

const actor = '社区工作人员';
// March 2026 has no public holiday and no make-up working day: weekends only.
const calendar = workCalendar([], []);
const booking = { slotId: 's1', day: '2026-03-10', startsAt: '09:00', endsAt: '10:00' };

describe('an application’s life as the seed plays it', () => {
  it('when the article’s story is played, then state, version, deadline and completion are what the API leaves', () => {
    // Friday 6 March 2026, 10:00 in Harbin: seven working days end on Tuesday 17 March.
    const row = submitted('2026-03-06T02:00:00Z');
    const done = new Date('2026-03-10T03:00:00Z');
    const { timeline } = playApplication(
      row,
      [
        { command: 'accept', at: new Date('2026-03-06T03:00:00Z'), actor, details: { note: null } },
        { command: 'bookAppointment', at: new Date('2026-03-09T01:00:00Z'), actor, details: booking },
        { command: 'handleOnSite', at: new Date('2026-03-10T01:20:00Z'), actor, details: { note: null } },
        { command: 'complete', at: done, actor, details: completion(row, done, calendar) },
      ],
      new Date('2026-04-01T00:00:00Z'),
      actor,
      calendar,
    );
    expect(row).toMatchObject({ state: 'COMPLETED', version: 5, workingDays: 2, onTime: true, slotId: 's1' });
    expect(row.dueAt!.toISOString()).toBe('2026-03-17T16:00:00.000Z');
    expect(timeline.map((e) => e.command)).toEqual([
      'submit',
      'accept',
      'bookAppointment',
      'handleOnSite',
      'complete',
    ]);
  });

  it('when steps lie after now, then the application stays where it is, with its running deadline', () => {
    const row = submitted('2026-03-06T02:00:00Z');
    playApplication(
      row,
      [{ command: 'accept', at: new Date('2026-03-09T01:00:00Z'), actor, details: { note: null } }],
      new Date('2026-03-07T00:00:00Z'),
      actor,
      calendar,
    );
    expect(row).toMatchObject({ state: 'SUBMITTED', version: 1 });
    expect(row.dueAt).not.toBeNull();
  });

  it('when it is returned for material, then the clock stops, and resubmission restarts it', () => {
    const row = submitted('2026-03-06T02:00:00Z', 3);
    playApplication(
      row,
      [
        {
          command: 'returnForMaterial',
          at: new Date('2026-03-06T03:00:00Z'),
          actor,
          details: { missing: ['户口簿'], note: null },
        },
      ],
      new Date('2026-03-08T00:00:00Z'),
      actor,
      calendar,
    );
    expect(row).toMatchObject({ state: 'RETURNED', dueAt: null, returnReason: '户口簿' });
    playApplication(
      row,
      [
        {
          command: 'resubmit',
          at: new Date('2026-03-09T02:00:00Z'),
          actor,
          details: { materials: ['户口簿'] },
        },
      ],
      new Date('2026-03-10T00:00:00Z'),
      actor,
      calendar,
    );
    expect(row.dueAt!.toISOString()).toBe('2026-03-12T16:00:00.000Z');
  });

  it('when a step the machine forbids is planned, then the seed refuses its own plan', () => {
    expect(() =>
      playApplication(
        submitted('2026-03-06T02:00:00Z'),
        [{ command: 'handleOnSite', at: new Date('2026-03-07T00:00:00Z'), actor, details: { note: null } }],
        new Date('2026-04-01T00:00:00Z'),
        actor,
        calendar,
      ),
    ).toThrow(LifeError);
  });
});

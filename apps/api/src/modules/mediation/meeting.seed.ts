import { chinaDay, type DisputeCaseEventDetails, type DisputeCaseState } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { insertRows, noteOnTimeline, rowsTable, type SeededRandom } from '../../common/seed-kit';
import type { PlayedCase } from './dispute-case.life';
import { MEETING_ATTENDEES, MEETING_DECISIONS } from './mediation.seed-data';
import type { DemoTree, Org } from './organization.seed';

/** The day of the month a coordination centre holds its monthly meeting (月例会), at nine in the morning. */
const MEETING_DAY = 10;
/** A meeting decides a case while it is being mediated, not before it is assigned nor once it is concluded. */
const DECIDED_IN: readonly DisputeCaseState[] = ['MEDIATOR_ASSIGNED', 'IN_MEDIATION'];

const MEETINGS = rowsTable('coordination_meeting', {
  id: 'uuid',
  organizationId: 'uuid',
  regionPath: 'ltree',
  heldOn: 'date',
  attendees: 'text[]',
  notes: 'text',
});
const DECISIONS = rowsTable('coordination_meeting_decision', {
  meetingId: 'uuid',
  caseId: 'uuid',
  regionPath: 'ltree',
  decision: 'text',
});

export interface Meeting {
  id: string;
  organizationId: string;
  regionPath: string;
  heldOn: string;
  attendees: string[];
  notes: string;
  decisions: { meetingId: string; caseId: string; regionPath: string; decision: string }[];
}

/**
 * The coordination centres' monthly meetings: the first meeting after a case is escalated to a centre decides
 * it, if the case is still being mediated then; the decision joins the case's timeline (state and version
 * kept, as the API's `recordCoordinationMeeting` leaves them). A centre meets in the months it has a case to
 * decide. Escalated cases keep their whole timeline, so the decision stands among its steps.
 */
export function planMeetings(
  rand: SeededRandom,
  newId: () => string,
  tree: DemoTree,
  centres: Map<string, Org>,
  cases: readonly PlayedCase[],
  now: Date,
): Meeting[] {
  const meetings = new Map<string, Meeting>();
  for (const c of cases) {
    const escalation = c.timeline.find((e) => e.command === 'escalate');
    if (!escalation) continue;
    const centre = centres.get(c.row.organizationId)!;
    const heldAt = nextMeeting(escalation.at);
    if (heldAt > now) continue;
    const heldOn = chinaDay(heldAt);
    const key = `${centre.id} ${heldOn}`;
    const meeting = meetings.get(key) ?? {
      id: newId(),
      organizationId: centre.id,
      regionPath: tree.byCode.get(centre.regionCode)!.path,
      heldOn,
      attendees: rand.shuffle([...MEETING_ATTENDEES]).slice(0, rand.between(3, 5)),
      notes: '',
      decisions: [],
    };
    meetings.set(key, meeting);
    const details: DisputeCaseEventDetails['coordinationDecision'] = {
      meetingId: meeting.id,
      decision: rand.pick(MEETING_DECISIONS),
    };
    const note = { at: heldAt, command: 'coordinationDecision', actor: centre.name, details };
    if (noteOnTimeline(c.timeline, note, DECIDED_IN))
      meeting.decisions.push({ ...details, caseId: c.row.id, regionPath: c.path });
  }
  const held = [...meetings.values()].filter((mt) => mt.decisions.length);
  for (const mt of held)
    mt.notes = `研究协调上报的重大疑难纠纷${mt.decisions.length}件，逐件明确牵头单位和化解时限。`;
  return held;
}

/** The meetings and their decisions, after the cases they decide. */
export async function insertMeetings(m: EntityManager, meetings: readonly Meeting[]): Promise<void> {
  await insertRows(m, MEETINGS, meetings);
  await insertRows(
    m,
    DECISIONS,
    meetings.flatMap((mt) => mt.decisions),
  );
}

/** Nine o'clock on the first meeting day after an instant, in China (UTC+8). */
function nextMeeting(after: Date): Date {
  const [year, month] = chinaDay(after).split('-').map(Number);
  const on = (m: number) => new Date(Date.UTC(year, m, MEETING_DAY, 9 - 8));
  const thisMonth = on(month - 1);
  return thisMonth > after ? thisMonth : on(month);
}

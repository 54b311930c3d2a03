import {
  chinaDay,
  completedOnTime,
  SERVICE_APPLICATION_MACHINE,
  workingDayDeadline,
  workingDaysBetween,
  type ServiceApplicationCommandDetails,
  type ServiceApplicationState,
  type WorkCalendar,
} from '@qiangji/domain';
import {
  defineLifecycle,
  playLife,
  type LifeStep,
  type LivingRow,
  type TimelineRow,
} from '../../common/seed-kit';

/** A seeded application's columns, as the API's commands leave them. */
export interface ApplicationRow extends LivingRow<ServiceApplicationState> {
  id: string;
  itemId: string;
  category: string;
  regionCode: string;
  residentId: string;
  channel: 'WINDOW' | 'PORTAL';
  actingName: string | null;
  actingRelationship: string | null;
  /** The acting person's ID number as the API keeps it: encrypted, and masked for display. */
  actingIdNumberEncrypted?: string | null;
  actingIdNumberMasked?: string | null;
  answers: Record<string, unknown>;
  materials: string[];
  onSite: boolean;
  timeLimitDays: number;
  submittedAt: Date;
  acceptedAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
  endedAt: Date | null;
  slotId: string | null;
  appointmentDay: string | null;
  appointmentStartsAt: string | null;
  noShows: number;
  handledOnSiteAt: Date | null;
  returnReason: string | null;
  rejectReason: string | null;
  withdrawReason: string | null;
  workingDays: number | null;
  onTime: boolean | null;
}

export type ApplicationStep = LifeStep<ServiceApplicationCommandDetails>;

/** What submission records of an application; the rest of its columns follow from its steps. */
export type ApplicationIntake = Pick<
  ApplicationRow,
  | 'id'
  | 'itemId'
  | 'category'
  | 'regionCode'
  | 'residentId'
  | 'channel'
  | 'actingName'
  | 'actingRelationship'
  | 'answers'
  | 'materials'
  | 'onSite'
  | 'timeLimitDays'
  | 'submittedAt'
>;

/** An application as submitted: SUBMITTED at version 1, nothing of its later steps yet. */
export function submittedApplication(intake: ApplicationIntake): ApplicationRow {
  return {
    ...intake,
    state: 'SUBMITTED',
    version: 1,
    acceptedAt: null,
    dueAt: null,
    completedAt: null,
    endedAt: null,
    slotId: null,
    appointmentDay: null,
    appointmentStartsAt: null,
    noShows: 0,
    handledOnSiteAt: null,
    returnReason: null,
    rejectReason: null,
    withdrawReason: null,
    workingDays: null,
    onTime: null,
  };
}

/**
 * An application's life as the seed plays it: through the domain's machine, each command setting the columns the
 * API's command sets, and the deadline from the domain's working-day rule on the configured calendar (stopped while
 * returned for material).
 */
const serviceApplicationLife = (calendar: WorkCalendar) =>
  defineLifecycle<ServiceApplicationState, ServiceApplicationCommandDetails, ApplicationRow>({
    machine: SERVICE_APPLICATION_MACHINE,
    roles: ['COMMUNITY_STAFF'],
    effects: {
      accept: (_, at) => ({ acceptedAt: at }),
      returnForMaterial: (d) => ({ returnReason: d.missing.join('、') }),
      resubmit: (d, at) => ({ materials: d.materials, submittedAt: at }),
      reject: (d, at) => ({ rejectReason: d.reason, endedAt: at }),
      bookAppointment: (d) => ({ slotId: d.slotId, appointmentDay: d.day, appointmentStartsAt: d.startsAt }),
      recordNoShow: () => ({ slotId: null, appointmentDay: null, appointmentStartsAt: null }),
      handleOnSite: (_, at) => ({ handledOnSiteAt: at }),
      complete: (d, at) => ({ completedAt: at, endedAt: at, workingDays: d.workingDays, onTime: d.onTime }),
      withdraw: (d, at) => ({ withdrawReason: d.reason, endedAt: at }),
    },
    derive: (a) => ({
      dueAt: a.state === 'RETURNED' ? null : workingDayDeadline(a.submittedAt, a.timeLimitDays, calendar),
    }),
  });

/** What completing at `at` records, as the API's complete step computes it. */
export function completion(
  a: { submittedAt: Date; timeLimitDays: number },
  at: Date,
  calendar: WorkCalendar,
) {
  return {
    note: null,
    workingDays: workingDaysBetween(chinaDay(a.submittedAt), chinaDay(at), calendar),
    onTime: completedOnTime(at, workingDayDeadline(a.submittedAt, a.timeLimitDays, calendar)),
  };
}

/** Plays a submitted application's steps up to `until`; no-shows are counted as the API counts them. */
export function playApplication(
  row: ApplicationRow,
  steps: readonly ApplicationStep[],
  until: Date,
  actor: string,
  calendar: WorkCalendar,
): { row: ApplicationRow; timeline: TimelineRow<ServiceApplicationState>[] } {
  const birth = { at: row.submittedAt, command: 'submit', actor, details: { channel: row.channel } };
  const played = playLife(serviceApplicationLife(calendar), row, birth, steps, until);
  row.noShows = played.timeline.filter((e) => e.command === 'recordNoShow').length;
  return played;
}

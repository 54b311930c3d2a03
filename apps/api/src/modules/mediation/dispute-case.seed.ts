import {
  chinaDay,
  type DisputeCaseCommandDetails,
  type DisputeCaseOutcome,
  type DisputeType,
} from '@qiangji/domain';
import type { SeededRandom } from '../../common/seed-kit';
import { registerCase, riskOf, type CaseStep, type Intake, type PlayedCase } from './dispute-case.life';
import {
  CHANNEL_WEIGHTS,
  DECLINE_REASONS,
  DESCRIPTIONS,
  MEDIATION_SEED_FIGURES,
  REFERRALS,
  SESSION_PLACES,
  SURNAMES,
  TERMS,
  TITLES,
  TYPE_WEIGHTS,
  WITHDRAW_REASONS,
} from './mediation.seed-data';
import type { Org, Person, Place } from './organization.seed';

/**
 * Which dispute cases the demo has and how each one's life goes: the 2012 cohort exactly (the article's
 * figures), other years and recent ones by chance; each played through the machine up to now
 * (`dispute-case.life.ts`). The article's 2009 story is `dispute-case.story.ts`.
 */

type Details = DisputeCaseCommandDetails;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Cases accepted in the other demo years: the last quarter of 2011 (the pilot, before the project's launch in
 * 2012) and January to June 2013 (the article's date).
 */
const OTHER_YEARS = [
  { year: 2011, accepted: 1_800, from: 9, months: 3 },
  { year: 2013, accepted: 4_600, from: 0, months: 6 },
];
/**
 * Older cases have their whole timeline and their parties for a sample, and in the article's places; the
 * others have their register row only, so that the seed stays fast. Recent cases are complete.
 */
const FULL_TIMELINE_SHARE = 0.08;
const ARTICLE_PLACES = ['230102010003', '230128101201', '230129100204', '230184216200'];
const RECENT = { cases: 640, days: 300 };

/** What is decided about a case before its life is played out. */
export interface CaseSpec {
  place: Place;
  receivedAt: Date;
  /** Null for a case that is declined. */
  acceptedAt: Date | null;
  outcome: DisputeCaseOutcome | 'DECLINED';
  clinic?: boolean;
  /** Stays in FOLLOW_UP after its follow-up (never closed). */
  staysInFollowUp?: boolean;
  /** The share of cases that run over the time limit of mediation. */
  late?: number;
  /** Every step in the timeline; otherwise the register row only. */
  fullTimeline?: boolean;
}

/** Midnight at the start of a month in China, as an instant. */
const chinaMonth = (year: number, month: number) => Date.UTC(year, month, 1) - 8 * HOUR;

/** Draws of dates and outcomes shared by the cohorts. */
function draws(rand: SeededRandom) {
  return {
    inYear: (year: number, fromMonth = 0, months = 12) => {
      const start = chinaMonth(year, fromMonth);
      return new Date(start + Math.floor(rand.next() * (chinaMonth(year, fromMonth + months) - start)));
    },
    /** Received up to two days before it was accepted. */
    accepted: (acceptedAt: Date): Pick<CaseSpec, 'receivedAt' | 'acceptedAt'> => ({
      acceptedAt,
      receivedAt: new Date(acceptedAt.getTime() - rand.between(1, 48) * HOUR - rand.between(0, 59) * MINUTE),
    }),
    outcome: (): DisputeCaseOutcome => {
      const x = rand.next();
      return x < 0.952 ? 'AGREEMENT_REACHED' : x < 0.985 ? 'MEDIATION_FAILED' : 'WITHDRAWN';
    },
  };
}

/**
 * The 2012 cohort: exactly the article's accepted, mediated, failed and withdrawn cases; 1,381 agreements by the
 * communities' legal clinics and a few cases they could not settle; the last few agreements still in follow-up.
 */
function cohort2012(rand: SeededRandom, pickPlace: () => Place): CaseSpec[] {
  const f = MEDIATION_SEED_FIGURES;
  const { inYear, accepted } = draws(rand);
  const cohort: CaseSpec[] = rand
    .shuffle([
      ...Array<DisputeCaseOutcome>(f.mediated).fill('AGREEMENT_REACHED'),
      ...Array<DisputeCaseOutcome>(f.failed).fill('MEDIATION_FAILED'),
      ...Array<DisputeCaseOutcome>(f.withdrawn).fill('WITHDRAWN'),
    ])
    .map((outcome) => ({ place: pickPlace(), ...accepted(inYear(f.year)), outcome }));
  const communityCases = (o: DisputeCaseOutcome) =>
    rand.shuffle(cohort.filter((s) => s.outcome === o && s.place.clinic));
  for (const s of communityCases('AGREEMENT_REACHED').slice(0, f.clinicMediated)) s.clinic = true;
  for (const s of communityCases('MEDIATION_FAILED').slice(0, 40)) s.clinic = true;
  cohort
    .filter((s) => s.outcome === 'AGREEMENT_REACHED' && !s.clinic && chinaDay(s.acceptedAt!) >= '2012-12-01')
    .slice(0, f.inFollowUp)
    .forEach((s) => (s.staysInFollowUp = true));
  return cohort;
}

/** The other years' cases by chance, and about 1% of what is received declined at intake (in no cohort). */
function otherYears(rand: SeededRandom, pickPlace: () => Place): CaseSpec[] {
  const { inYear, accepted, outcome } = draws(rand);
  const specs: CaseSpec[] = [];
  for (const { year, accepted: count, from, months } of OTHER_YEARS)
    for (let i = 0; i < count; i++) {
      const place = pickPlace();
      specs.push({
        place,
        ...accepted(inYear(year, from, months)),
        outcome: outcome(),
        clinic: year >= 2012 && Boolean(place.clinic) && rand.next() < 0.3,
      });
    }
  for (const { year, from, months } of [
    ...OTHER_YEARS,
    { year: MEDIATION_SEED_FIGURES.year, from: 0, months: 12 },
  ])
    for (let i = 0; i < months * 8; i++)
      specs.push({
        place: pickPlace(),
        receivedAt: inYear(year, from, months),
        acceptedAt: null,
        outcome: 'DECLINED',
      });
  return specs;
}

/** Recent cases, dated back from now: the older ones closed, the last weeks' still open, some overdue. */
function recentCases(rand: SeededRandom, pickPlace: () => Place, now: Date): CaseSpec[] {
  const { outcome } = draws(rand);
  return Array.from({ length: RECENT.cases }, () => {
    const place = pickPlace();
    const receivedAt = new Date(now.getTime() - Math.floor(rand.next() ** 1.3 * RECENT.days * DAY) - HOUR);
    const declined = rand.next() < 0.015;
    // Accepted within hours; the time limit is 3 days, and a fifth of them miss it.
    const acceptedAt = () =>
      new Date(
        receivedAt.getTime() + (rand.next() < 0.2 ? rand.between(73, 160) : rand.between(1, 60)) * HOUR,
      );
    return {
      place,
      receivedAt,
      acceptedAt: declined ? null : acceptedAt(),
      late: 0.15,
      outcome: declined ? 'DECLINED' : outcome(),
      clinic: Boolean(place.clinic) && rand.next() < 0.2,
      fullTimeline: true,
    };
  });
}

/** Every case of the demo but the story, oldest first, with the sample that keeps its whole timeline. */
export function caseSpecs(rand: SeededRandom, pickPlace: () => Place, now: Date): CaseSpec[] {
  const specs = [
    ...cohort2012(rand, pickPlace),
    ...otherYears(rand, pickPlace),
    ...recentCases(rand, pickPlace, now),
  ];
  for (const s of specs)
    s.fullTimeline ||= rand.next() < FULL_TIMELINE_SHARE || ARTICLE_PLACES.includes(s.place.region.code);
  return specs.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

const MONEY_TYPES = ['DEBT', 'LABOUR', 'TRAFFIC_ACCIDENT', 'INSURANCE', 'LAND'];

/** One case from intake to where it stands `now`: its facts drawn, its steps planned, its life played. */
export function playCase(rand: SeededRandom, spec: CaseSpec, now: Date, id: string): PlayedCase {
  const { place } = spec;
  const type = rand.weighted(TYPE_WEIGHTS[place.kind]);
  const channel = rand.weighted(CHANNEL_WEIGHTS[place.kind]);
  const onGrid = place.grids.length && (channel === 'GRID_WORKER' || rand.next() < 0.08);
  const regionCode =
    place.hamlets.length && rand.next() < 0.5
      ? rand.pick(place.hamlets)
      : onGrid
        ? rand.pick(place.grids)
        : place.region.code;
  const x = rand.next();
  const householdsInvolved = x < 0.8 ? 2 : x < 0.94 ? rand.between(3, 4) : rand.between(5, 12);
  const peopleInvolved = householdsInvolved + rand.between(0, householdsInvolved * 2);
  const threats = rand.next() < 0.04;
  const amount = MONEY_TYPES.includes(type)
    ? rand.next() < 0.04
      ? rand.between(100, 600) * 1000
      : rand.between(10, 800) * 100
    : null;
  const amountAtStake = amount == null ? null : `${amount}.00`;
  const risk = riskOf({ type, householdsInvolved, peopleInvolved, threats, amountAtStake });
  const clinic = Boolean(spec.clinic && place.clinic);
  const organization = clinic ? place.clinic! : place.committee;
  const mediator = rand.pick(clinic ? place.clinicMediators : place.mediators);
  const parties: [string, string] = [`${rand.pick(SURNAMES)}某`, `${rand.pick(SURNAMES)}某`];
  const escalateTo = !clinic && risk.level === 'HIGH' && rand.next() < 0.4 ? place.centre : null;
  const intake: Intake = {
    id,
    channel,
    type,
    title: rand.pick(TITLES[type]),
    description: `${parties[0]}与${parties[1]}${DESCRIPTIONS[type]}`,
    regionCode,
    path: regionCode === place.region.code ? place.region.path : `${place.region.path}.${regionCode}`,
    amountAtStake,
    peopleInvolved,
    householdsInvolved,
    threats,
    risk,
    receivedAt: spec.receivedAt,
    parties,
    // A case a coordination meeting may decide keeps its whole timeline, the decision among its steps.
    full: Boolean(spec.fullTimeline || escalateTo),
  };
  const steps = planSteps(rand, spec, { type, organization, mediator, parties, escalateTo });
  return registerCase(intake, organization, place.centre, steps, now);
}

/**
 * The steps of a case's life, each at its time (a minute at least after the one before): accepted or declined;
 * a mediator assigned, escalated when the risk is high, one to three sessions; concluded within the time limit
 * (a share late), or withdrawn early; an agreement followed up and closed.
 */
function planSteps(
  rand: SeededRandom,
  spec: CaseSpec,
  c: {
    type: DisputeType;
    organization: Org;
    mediator: Person;
    parties: [string, string];
    escalateTo: Org | null;
  },
): CaseStep[] {
  const { organization, mediator } = c;
  const steps: CaseStep[] = [];
  let t = spec.receivedAt.getTime();
  const clock = (when: number) => {
    const at = new Date(Math.max(when, t + MINUTE));
    t = at.getTime();
    return at;
  };
  const take = <C extends keyof Details>(at: Date, command: C, actor: string, details: Details[C]) =>
    steps.push({ command, at, actor, details } as CaseStep);
  if (spec.outcome === 'DECLINED') {
    const reason = rand.pick(DECLINE_REASONS);
    take(clock(t + rand.between(2, 40) * HOUR), 'decline', organization.name, { reason });
    return steps;
  }
  const acceptedAt = spec.acceptedAt!.getTime();
  take(clock(acceptedAt), 'accept', organization.name, {});
  // The time limit is 30 days; a share of the cases runs over it.
  const concludeDays =
    rand.next() < (spec.late ?? 0.05) ? 31 + rand.next() * 25 : 0.3 + rand.next() ** 1.7 * 26;
  const concludeAt = acceptedAt + concludeDays * DAY;
  const outcome = spec.outcome;
  const early = outcome === 'WITHDRAWN' && rand.next() < 0.3;
  if (!early) {
    const assignAfter = rand.next() < 0.15 ? rand.between(24, 72) : rand.between(1, 20);
    take(clock(t + assignAfter * HOUR), 'assignMediator', organization.name, {
      mediatorId: mediator.id,
      mediatorName: mediator.name,
    });
    if (c.escalateTo)
      take(clock(t + rand.between(1, 12) * HOUR), 'escalate', organization.name, {
        fromOrganizationId: organization.id,
        toOrganizationId: c.escalateTo.id,
        toOrganizationName: c.escalateTo.name,
        reason: '涉及人数较多，存在引发群体性事件的风险，提请协调中心协调处理',
      });
    const sessions = rand.between(1, 3);
    for (let k = 1; k <= sessions; k++) {
      const when = t + ((concludeAt - t) * k) / (sessions + 1);
      const place = rand.pick(SESSION_PLACES[spec.place.kind]);
      take(clock(when), 'recordSession', mediator.name, {
        date: chinaDay(when),
        place,
        participants: [...c.parties, mediator.name],
        notes: null,
      });
    }
  }
  if (outcome === 'AGREEMENT_REACHED') {
    const courtConfirmed = rand.next() < 0.08;
    const concludedAt = clock(concludeAt);
    take(concludedAt, 'concludeWithAgreement', mediator.name, {
      agreement: {
        terms: TERMS[c.type],
        signatories: [...c.parties],
        signedOn: chinaDay(concludedAt),
        courtConfirmed,
      },
    });
    const honoured = rand.next() < 0.965;
    const followUpAt = t + rand.between(7, 28) * DAY + rand.between(0, 8) * HOUR;
    take(clock(followUpAt), 'recordFollowUp', mediator.name, {
      date: chinaDay(followUpAt),
      honoured,
      notes: honoured ? '回访双方，协议已履行' : '回访发现协议未完全履行，已督促履行',
    });
    if (!spec.staysInFollowUp) take(clock(t + rand.between(1, 96) * HOUR), 'close', mediator.name, {});
    return steps;
  }
  const actor = early ? organization.name : mediator.name;
  if (outcome === 'MEDIATION_FAILED') {
    const referral = rand.weighted(REFERRALS);
    take(clock(concludeAt), 'concludeWithoutAgreement', actor, {
      referral,
      reason: '双方分歧较大，经多次调解未能达成协议',
    });
  } else {
    const reason = rand.pick(WITHDRAW_REASONS);
    take(clock(early ? t + rand.between(6, 96) * HOUR : concludeAt), 'withdraw', actor, { reason });
  }
  take(clock(t + rand.between(2, 120) * HOUR), 'close', actor, {});
  return steps;
}

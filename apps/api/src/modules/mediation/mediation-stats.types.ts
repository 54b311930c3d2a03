import type { DisputeType } from '@qiangji/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InRange, OfMonth, OfRegion } from '../../common/graphql-types';
import { DisputeTypeEnum } from './mediation.enums';

/**
 * The figures of a cohort of dispute cases: the cases accepted (受理) in the range, counted once each for their
 * whole life, whichever organisation handles them now. Every breakdown row reuses this class.
 */
@ObjectType({
  description:
    'Figures of the cases accepted (受理) in the range, days in China time. A case is counted once, at its place, whatever organisation handles it now (an escalation does not count it again).',
})
export class MediationFigures {
  @Field(() => Int, { description: 'Cases accepted in the range: the cohort.' })
  accepted: number;

  @Field(() => Int, { description: 'Of them, concluded with an agreement (调解成功).' })
  mediated: number;

  @Field(() => Int, { description: 'Of them, concluded without an agreement (调解不成).' })
  failed: number;

  @Field(() => Int, { description: 'Of them, withdrawn.' })
  withdrawn: number;

  @Field(() => Int, { description: 'Of them, not concluded yet.' })
  open: number;

  @Field(() => Int, { description: 'Of the open ones, past the deadline of their current stage.' })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'mediated ÷ accepted as a fraction (0..1, never rounded; 9,917 ÷ 10,368 = 0.9565…); null with no case accepted.',
  })
  mediationRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median of concluded − accepted, in days (fractional), over the concluded cases; null with none.',
  })
  medianDaysToConclude: number | null;

  @Field(() => Int, { description: 'Agreements whose keeping was checked on a follow-up (回访).' })
  followedUp: number;

  @Field(() => Int, { description: 'Agreements found honoured on their last follow-up.' })
  honoured: number;
}

@ObjectType({ description: 'The figures of one dispute type.' })
export class MediationTypeFigures extends MediationFigures {
  @Field(() => DisputeTypeEnum)
  type: DisputeType;
}

@ObjectType({ description: 'The figures of one calendar month (China time) of acceptance.' })
export class MediationMonthFigures extends OfMonth(MediationFigures, 'The month, YYYY-MM: 2012-01.') {}

@ObjectType({ description: 'The figures of one direct child region (its whole subtree).' })
export class MediationRegionFigures extends OfRegion(
  MediationFigures,
  'The child region’s code; `region` gives its name and level.',
) {}

@ObjectType({ description: 'Petition backlog cases (信访积案) and their resolution in the range.' })
export class PetitionBacklogFigures {
  @Field(() => Int, {
    description:
      'Cases registered on or before `to` and not resolved before `from`: the backlog of the range.',
  })
  backlog: number;

  @Field(() => Int, { description: 'Of the backlog, resolved within the range.' })
  resolved: number;

  @Field(() => Float, {
    nullable: true,
    description: 'resolved ÷ backlog as a fraction (0..1, never rounded); null with no backlog.',
  })
  resolutionRate: number | null;
}

@ObjectType({ description: 'Community legal clinics (社区法律诊所) run with law schools.' })
export class LegalClinicFigures {
  @Field(() => Int, { description: 'Legal clinics in the region’s subtree (now).' })
  clinics: number;

  @Field(() => Int, {
    description: 'People served, from the monthly tallies of the months that overlap the range.',
  })
  peopleServed: number;

  @Field(() => Int, {
    description: 'Cases of the cohort (accepted in the range) handled by a legal clinic and mediated.',
  })
  disputesMediated: number;

  @Field(() => Int, {
    description: 'Petition backlog cases assigned to a legal clinic and resolved in the range.',
  })
  petitionsHandled: number;
}

/** What the field resolvers of MediationStats need to run their own statements: an already checked scope. */
export interface StatsScope {
  /** The region's ltree path, checked against the caller's jurisdiction. */
  path: string;
  from: string;
  to: string;
}

@ObjectType({
  description:
    'Grand mediation (大调解) statistics of a region’s subtree over a range of days (China time, both ends included). Rates are fractions from @qiangji/domain, never rounded.',
})
export class MediationStats extends InRange(MediationFigures) {
  @Field(() => [MediationTypeFigures], {
    description: 'Per dispute type that has cases, in the domain’s order.',
  })
  byType: MediationTypeFigures[];

  @Field(() => [MediationMonthFigures], {
    description: 'Per month of acceptance that has cases, oldest first.',
  })
  byMonth: MediationMonthFigures[];

  @Field(() => [MediationRegionFigures], {
    description:
      'Per direct child region (every current child, with zeros where there are none, by code). Cases are placed at a community or village or below, so for a region above that tier the children add up to the region; at a community or village, cases placed on the community or village itself belong to no child (grid unit, hamlet) and are in the totals only.',
  })
  byChildRegion: MediationRegionFigures[];

  scope: StatsScope;
}

import { SafeIntResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { InRange, OfMonth, OfRegion } from '../../common/graphql-types';

@ObjectType({
  description:
    'Stationed cadres’ work over a range of days: postings in force, visits, households covered (the registry’s), assistance done, disputes found on visits.',
})
export class CadreFigures {
  @Field(() => Int, { description: 'Cadres with a posting in force on some day of the range.' })
  activeCadres: number;

  @Field(() => Int, { description: 'Villages with a posting in force.' })
  villagesCovered: number;

  @Field(() => Int)
  visits: number;

  @Field(() => Int, { description: 'Households of the registry here.' })
  households: number;

  @Field(() => Int, { description: 'Of them, visited in the range.' })
  householdsVisited: number;

  @Field(() => Float, { nullable: true, description: 'householdsVisited ÷ households (0..1).' })
  visitCoverage: number | null;

  @Field(() => Int, { description: 'Households never visited up to the end of the range.' })
  householdsNeverVisited: number;

  @Field(() => Int, { description: 'Households tagged POOR_HOUSEHOLD.' })
  poorHouseholds: number;

  @Field(() => Int, {
    description: 'Poor households visited in every period of the target (default: every month) of the range.',
  })
  poorVisitedOnSchedule: number;

  @Field(() => Int, {
    description:
      'Poor household-months of the range (the calendar months its days touch) with at least one visit.',
  })
  poorVisitMonths: number;

  @Field(() => Int, {
    description: 'Poor household-months due: poorHouseholds × the months the range touches.',
  })
  poorVisitMonthsDue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Poor households visited on schedule (贫困户按期走访率): poorVisitMonths ÷ poorVisitMonthsDue (0..1), the command view’s tile.',
  })
  onScheduleRate: number | null;

  @Field(() => Int, { description: 'Assistance completed in the range.' })
  assistanceDone: number;

  @Field(() => Int, { description: 'Disputes found on visits of the range and registered as cases.' })
  disputesReported: number;

  @Field(() => Int, { description: 'Of them, mediated to an agreement: disputes resolved by cadres.' })
  disputesResolved: number;
}

@ObjectType({ description: 'Farmers’ per-capita net income over the range, from the villages’ profiles.' })
export class IncomeGrowthFigures {
  @Field(() => Int, { description: 'The baseline: the year before the range begins.' })
  fromYear: number;

  @Field(() => Int)
  toYear: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Per-capita income of the baseline year, weighted by population, over villages with both years.',
  })
  start: number | null;

  @Field(() => Float, { nullable: true })
  end: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Compound annual growth from start to end (0.181 = 18.1%).',
  })
  growth: number | null;
}

@ObjectType()
export class CadreRegionFigures extends OfRegion(CadreFigures) {
  @Field(() => IncomeGrowthFigures)
  income: IncomeGrowthFigures;
}

/** What cadres did in a part of the range: a month, or a work unit. */
@ObjectType()
class CadreWorkFigures {
  @Field(() => Int)
  visits: number;

  @Field(() => Int)
  householdsVisited: number;

  @Field(() => Int)
  assistanceDone: number;
}

@ObjectType({
  description: 'A work unit’s part: households are those of the villages, so they are not split by unit.',
})
export class CadreUnitFigures extends CadreWorkFigures {
  @Field(() => ID)
  workUnitId: string;

  @Field(() => Int)
  activeCadres: number;

  @Field(() => Int)
  villagesCovered: number;

  @Field(() => Int)
  disputesReported: number;

  @Field(() => Int)
  disputesResolved: number;
}

@ObjectType()
export class CadreMonthFigures extends OfMonth(CadreWorkFigures, 'YYYY-MM') {}

@ObjectType({
  description:
    'cadreStats: the figures of a region’s subtree over inclusive days; children add up to the parent for every count but the distinct ones a cadre or unit spans (active cadres, villages).',
})
export class CadreStats extends InRange(CadreFigures) {
  @Field(() => Int, { description: 'Active cadres whose visits fall short of the monthly target.' })
  cadresBelowTarget: number;

  @Field(() => IncomeGrowthFigures)
  income: IncomeGrowthFigures;

  @Field(() => [CadreRegionFigures])
  byChildRegion: CadreRegionFigures[];

  @Field(() => [CadreUnitFigures])
  byWorkUnit: CadreUnitFigures[];

  @Field(() => [CadreMonthFigures], { description: 'Every month of the range, oldest first.' })
  byMonth: CadreMonthFigures[];
}

@ObjectType({ description: 'The villages of a subtree in one year: the model, safety and their profiles.' })
export class VillageFigures {
  @Field(() => Int)
  villages: number;

  @Field(() => Int, {
    description: 'Villages with the Party branch and the three platforms at the year’s end.',
  })
  adoptingVillages: number;

  @Field(() => Float, {
    nullable: true,
    description: 'adoptingVillages ÷ villages (0..1): the promotion rate.',
  })
  promotionRate: number | null;

  @Field(() => Int, {
    description: 'Villages with no public-order case in each of the `years` years to `year`.',
  })
  noPublicOrderCaseVillages: number;

  @Field(() => Int, { description: 'Villages with no criminal case in each of the `years` years to `year`.' })
  noCriminalCaseVillages: number;

  @Field(() => Int, { description: 'Households of the profiles of the year.' })
  households: number;

  @Field(() => Int)
  poorHouseholds: number;

  @Field(() => Int)
  householdsInOrganizations: number;

  @Field(() => Float, { nullable: true, description: 'Per-capita net income, weighted by population.' })
  perCapitaIncome: number | null;

  @Field(() => Float, { nullable: true, description: 'The same, the year before.' })
  previousPerCapitaIncome: number | null;

  @Field(() => Float, { nullable: true, description: 'Year on year (0.181 = +18.1%).' })
  incomeChange: number | null;

  @Field(() => SafeIntResolver)
  collectiveAssets: number;

  @Field(() => SafeIntResolver)
  collectiveDebts: number;

  @Field(() => SafeIntResolver)
  netAssets: number;

  @Field(() => SafeIntResolver, { nullable: true })
  previousNetAssets: number | null;

  @Field(() => Float, { nullable: true, description: 'Collective assets year on year.' })
  assetsChange: number | null;
}

@ObjectType()
export class VillageRegionFigures extends OfRegion(VillageFigures) {}

@ObjectType({ description: 'villageStats: a region’s villages in a year; children add up to the parent.' })
export class VillageStats extends OfRegion(VillageFigures) {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'The years in a row the safety counts ask for.' })
  years: number;

  @Field(() => [VillageRegionFigures])
  byChildRegion: VillageRegionFigures[];
}

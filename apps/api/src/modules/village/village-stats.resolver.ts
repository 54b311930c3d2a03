import { SAFE_VILLAGE_YEARS } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { WorkUnit } from './unit.types';
import {
  CadreRegionFigures,
  CadreStats,
  CadreUnitFigures,
  VillageRegionFigures,
  VillageStats,
} from './village-stats.types';

@Resolver()
export class VillageStatsResolver {
  @Query(() => CadreStats, {
    description:
      'Stationed cadres of a region’s subtree over inclusive days (China time): postings, visits, coverage, poor households on schedule, assistance, disputes, income growth; by child region, work unit and month.',
  })
  cadreStats(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => DateResolver) from: Date,
    @Arg('to', () => DateResolver) to: Date,
  ) {
    return ctx.services.villageStats.cadreStats(ctx, regionCode, from, to);
  }

  @Query(() => VillageStats, {
    description:
      'The villages of a region’s subtree in a year: "1+3+N" promotion rate, villages without public-order or criminal cases for `years` years, income and assets against the year before.',
  })
  villageStats(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('years', () => Int, { defaultValue: SAFE_VILLAGE_YEARS }) years: number,
  ) {
    return ctx.services.villageStats.villageStats(ctx, regionCode, year, years);
  }
}

@Resolver(() => CadreStats)
export class CadreStatsRegionResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() stats: CadreStats) {
    return ctx.loaders.region.byCode.load(stats.regionCode);
  }
}

@Resolver(() => CadreRegionFigures)
export class CadreRegionFiguresResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() row: CadreRegionFigures) {
    return ctx.loaders.region.byCode.load(row.regionCode);
  }
}

@Resolver(() => VillageRegionFigures)
export class VillageRegionFiguresResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() row: VillageRegionFigures) {
    return ctx.loaders.region.byCode.load(row.regionCode);
  }
}

@Resolver(() => CadreUnitFigures)
export class CadreUnitFiguresResolver {
  @FieldResolver(() => WorkUnit, { nullable: true })
  workUnit(@Ctx() ctx: RequestContext, @Root() row: CadreUnitFigures) {
    return ctx.loaders.village.workUnit.load(row.workUnitId);
  }
}

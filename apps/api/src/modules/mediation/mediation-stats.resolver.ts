import { DateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  LegalClinicFigures,
  MediationRegionFigures,
  MediationStats,
  PetitionBacklogFigures,
} from './mediation-stats.types';

@Resolver(() => MediationStats)
export class MediationStatsResolver {
  @Query(() => MediationStats, {
    description:
      'Grand mediation KPIs of a region’s subtree: the cases accepted from `from` to `to` (China time, both days included), by type, month and child region; the petition backlog and the legal clinics. Needs dispute:read; a region outside your jurisdiction is FORBIDDEN.',
  })
  mediationStats(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => DateResolver) from: Date,
    @Arg('to', () => DateResolver) to: Date,
  ) {
    return ctx.services.mediationStats.stats(ctx, regionCode, from, to);
  }

  @Query(() => [Int], {
    description:
      'The years (China time) in which cases were accepted in your jurisdiction, or in the subtree of `regionCode`, newest first: the years mediationStats has figures for. Needs dispute:read; a region outside your jurisdiction is FORBIDDEN.',
  })
  mediationYears(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
  ) {
    return ctx.services.mediationStats.years(ctx, regionCode);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() stats: MediationStats) {
    return ctx.loaders.region.byCode.load(stats.regionCode);
  }

  @FieldResolver(() => PetitionBacklogFigures, {
    description:
      'Petition backlog cases (信访积案) placed in the subtree: registered on or before `to` and not resolved before `from`; resolved = resolved within the range.',
  })
  petitionBacklog(@Ctx() ctx: RequestContext, @Root() stats: MediationStats) {
    return ctx.services.mediationStats.petitionBacklog(ctx, stats.scope);
  }

  @FieldResolver(() => LegalClinicFigures)
  legalClinics(@Ctx() ctx: RequestContext, @Root() stats: MediationStats) {
    return ctx.services.mediationStats.legalClinics(ctx, stats.scope);
  }
}

@Resolver(() => MediationRegionFigures)
export class MediationRegionFiguresResolver {
  @FieldResolver(() => Region, { description: 'The child region: code, name, level.' })
  region(@Ctx() ctx: RequestContext, @Root() row: MediationRegionFigures) {
    return ctx.loaders.region.byCode.load(row.regionCode);
  }
}

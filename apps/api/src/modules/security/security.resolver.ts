import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { ResidentTagEnum } from '../resident/resident.types';
import type { ResidentTag } from '@qiangji/domain';
import {
  LegalEducationEvent,
  LegalEducationEventConnection,
  LegalEducationEventsArgs,
  PreventionFigure,
  RecordLegalEducationEventInput,
  RecordSatisfactionSurveyInput,
  RecordSecurityStatisticsInput,
  RecordSecurityStatisticsResult,
  ResidentTagFigures,
  SatisfactionSurvey,
  SatisfactionSurveyConnection,
  SatisfactionSurveysArgs,
  SatisfactionTrendArgs,
  SecurityStatisticConnection,
  SecurityRegionFigures,
  SecurityStatisticsArgs,
  SecurityStats,
  SecurityStatsArgs,
  SetPreventionFiguresInput,
  SurveyResult,
} from './security.types';

@Resolver()
export class SecurityResolver {
  @Query(() => SecurityStatisticConnection, { description: 'Monthly reported cases, newest month first.' })
  securityStatistics(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: SecurityStatisticsArgs) {
    return ctx.services.securityStatistics.list(ctx, filter, page);
  }

  @Mutation(() => RecordSecurityStatisticsResult, {
    description: 'One upsert per region, month and category: sending the same month twice changes nothing.',
  })
  recordSecurityStatistics(@Ctx() ctx: RequestContext, @Arg('input') input: RecordSecurityStatisticsInput) {
    return ctx.services.securityStatistics.record(ctx, input);
  }

  @Query(() => SecurityStats, {
    description: 'Totals, year on year per category and child region, quiet villages.',
  })
  securityStats(@Ctx() ctx: RequestContext, @Args() { regionCode, from, to, quietYears }: SecurityStatsArgs) {
    return ctx.services.securityStatistics.stats(ctx, regionCode, from, to, quietYears);
  }

  @Query(() => [Int], { description: 'The years with reported-case figures, newest first.' })
  securityYears(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
  ) {
    return ctx.services.securityStatistics.years(ctx, regionCode);
  }

  @Query(() => SatisfactionSurveyConnection, { description: 'Surveys, newest year first.' })
  satisfactionSurveys(@Ctx() ctx: RequestContext, @Args() { regionCode, ...page }: SatisfactionSurveysArgs) {
    return ctx.services.securityRecords.surveys(ctx, regionCode, page);
  }

  @Query(() => [SurveyResult], { description: 'One question’s share in a region, year by year.' })
  satisfactionTrend(
    @Ctx() ctx: RequestContext,
    @Args() { regionCode, question, group }: SatisfactionTrendArgs,
  ) {
    return ctx.services.securityRecords.trend(ctx, regionCode, question, group);
  }

  @Mutation(() => SatisfactionSurvey, {
    description: 'A survey with its results; idempotent with idempotencyKey.',
  })
  recordSatisfactionSurvey(@Ctx() ctx: RequestContext, @Arg('input') input: RecordSatisfactionSurveyInput) {
    return ctx.services.securityRecords.recordSurvey(ctx, input);
  }

  @Query(() => LegalEducationEventConnection, { description: 'Legal-education events, newest first.' })
  legalEducationEvents(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: LegalEducationEventsArgs) {
    return ctx.services.securityRecords.legalEducationEvents(ctx, filter, page);
  }

  @Mutation(() => LegalEducationEvent, { description: 'Idempotent with idempotencyKey.' })
  recordLegalEducationEvent(@Ctx() ctx: RequestContext, @Arg('input') input: RecordLegalEducationEventInput) {
    return ctx.services.securityRecords.recordLegalEducationEvent(ctx, input);
  }

  @Query(() => [PreventionFigure], {
    description: 'Video points, coverage, patrol teams, police offices, "3531".',
  })
  preventionFigures(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('year', () => Int) year: number,
  ) {
    return ctx.services.securityRecords.preventionFigures(ctx, regionCode, year);
  }

  @Mutation(() => [PreventionFigure], { description: 'Sets a region’s figures of a year; returns them all.' })
  setPreventionFigures(@Ctx() ctx: RequestContext, @Arg('input') input: SetPreventionFiguresInput) {
    return ctx.services.securityRecords.setPreventionFigures(ctx, input);
  }

  @Query(() => ResidentTagFigures, {
    description:
      'Special groups, the floating population, …: counts for every reader; the list is `residents`.',
  })
  residentTagFigures(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('tags', () => [ResidentTagEnum], { nullable: true }) tags: ResidentTag[] | null,
  ) {
    return ctx.services.securityRecords.tagFigures(ctx, regionCode, tags);
  }
}

@Resolver(() => SatisfactionSurvey)
export class SatisfactionSurveyResolver {
  @FieldResolver(() => [SurveyResult])
  results(@Ctx() ctx: RequestContext, @Root() survey: SatisfactionSurvey) {
    return ctx.loaders.security.surveyResults.load(survey.id);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() survey: SatisfactionSurvey) {
    return ctx.loaders.region.byCode.load(survey.regionCode);
  }
}

@Resolver(() => LegalEducationEvent)
export class LegalEducationEventResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() event: LegalEducationEvent) {
    return ctx.loaders.region.byCode.load(event.regionCode);
  }
}

@Resolver(() => SecurityRegionFigures)
export class SecurityRegionFiguresResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() figures: SecurityRegionFigures) {
    return ctx.loaders.region.byCode.load(figures.regionCode);
  }
}

@Resolver(() => SecurityStats)
export class SecurityStatsResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() stats: SecurityStats) {
    return ctx.loaders.region.byCode.load(stats.regionCode);
  }
}

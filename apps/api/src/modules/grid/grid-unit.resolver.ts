import { chinaDay, OPEN_GRID_EVENT_STATES } from '@qiangji/domain';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, SortDirection } from '../../common/connection';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { Household, HouseholdConnection } from '../resident/resident.types';
import { GridEventConnection, GridEventOrderField } from './grid-event.types';
import {
  AssignGridWorkerInput,
  EndGridWorkerAssignmentInput,
  GridCoverage,
  GridCoverageArgs,
  GridCoverageGap,
  GridCoverageGapConnection,
  GridUnit,
  GridUnitConnection,
  gridUnitFilter,
  GridUnitsArgs,
  GridWorkerAssignment,
  HouseholdGridMembership,
  MoveHouseholdToGridUnitInput,
  ReportNothingInput,
  ResidentTagCount,
  ZeroReport,
} from './grid-unit.types';

const DAY_MS = 86_400_000;

@Resolver(() => GridUnit)
export class GridUnitResolver {
  @Query(() => GridUnit, { description: 'A grid unit of your jurisdiction, whatever its dates.' })
  gridUnit(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return ctx.services.gridUnits.get(ctx, code);
  }

  @Query(() => GridUnitConnection, { description: 'Grid units valid today.' })
  gridUnits(
    @Ctx() ctx: RequestContext,
    @Args() { filter, regionCode, unreportedFrom, unreportedTo, ...page }: GridUnitsArgs,
  ) {
    const f = gridUnitFilter(filter, { regionCode, unreportedFrom, unreportedTo });
    return ctx.services.gridUnits.list(
      ctx,
      f.regionCode,
      page,
      { from: f.unreportedFrom, to: f.unreportedTo },
      f.q,
    );
  }

  @Query(() => GridCoverage, {
    description: 'Unit-days with an event or a zero report, for a day or a week.',
  })
  gridCoverage(@Ctx() ctx: RequestContext, @Args() { regionCode, from, to }: GridCoverageArgs) {
    return ctx.services.gridUnits.coverage(ctx, regionCode, from, to);
  }

  @Query(() => GridCoverageGapConnection, {
    description: 'Coverage gaps: grid units with days of neither events nor a zero report, most first.',
  })
  gridCoverageGaps(
    @Ctx() ctx: RequestContext,
    @Args() { regionCode, from, to }: GridCoverageArgs,
    @Args() page: PageArgs,
  ) {
    return ctx.services.gridUnits.gaps(ctx, regionCode, from, to, page);
  }

  @Mutation(() => GridWorkerAssignment, { description: 'Puts a grid worker on a unit from a day.' })
  assignGridWorker(@Ctx() ctx: RequestContext, @Arg('input') input: AssignGridWorkerInput) {
    return ctx.services.gridUnits.assignWorker(ctx, input);
  }

  @Mutation(() => GridWorkerAssignment, {
    description: 'Ends an assignment on its last day; it stays as history.',
  })
  endGridWorkerAssignment(@Ctx() ctx: RequestContext, @Arg('input') input: EndGridWorkerAssignmentInput) {
    return ctx.services.gridUnits.endAssignment(ctx, input);
  }

  @Mutation(() => Household, { description: 'Moves a household to another grid unit, keeping where it was.' })
  moveHouseholdToGridUnit(@Ctx() ctx: RequestContext, @Arg('input') input: MoveHouseholdToGridUnitInput) {
    return ctx.services.gridUnits.moveHousehold(ctx, input);
  }

  @Mutation(() => ZeroReport, { description: '零上报: nothing to report on the unit that day.' })
  reportNothing(@Ctx() ctx: RequestContext, @Arg('input') input: ReportNothingInput) {
    return ctx.services.gridUnits.reportNothing(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() unit: GridUnit) {
    return ctx.loaders.region.byCode.load(unit.code);
  }

  @FieldResolver(() => Boolean, { description: 'Whether a boundary was imported (without reading it).' })
  hasBoundary(@Root() unit: GridUnit): boolean {
    return unit.boundary != null;
  }

  @FieldResolver(() => [GridWorkerAssignment], { description: 'Its workers, current first, then the past.' })
  workers(@Ctx() ctx: RequestContext, @Root() unit: GridUnit) {
    return ctx.loaders.grid.workers.load(unit.code);
  }

  @FieldResolver(() => HouseholdConnection, {
    description: 'Its households (the unit page: one unit at a time).',
  })
  households(@Ctx() ctx: RequestContext, @Root() unit: GridUnit, @Args() page: PageArgs) {
    return ctx.services.households.list(ctx, { regionCode: unit.code }, page);
  }

  @FieldResolver(() => [ResidentTagCount], { description: 'Its residents per tag: counts, no person.' })
  async residentTags(@Ctx() ctx: RequestContext, @Root() unit: GridUnit) {
    return (await ctx.services.securityRecords.tagFigures(ctx, unit.code, null)).totals;
  }

  @FieldResolver(() => GridEventConnection, { description: 'Its open events, the nearest deadline first.' })
  openEvents(@Ctx() ctx: RequestContext, @Root() unit: GridUnit, @Args() page: PageArgs) {
    return ctx.services.gridEvents.list(
      ctx,
      { regionCode: unit.code, state: [...OPEN_GRID_EVENT_STATES] },
      { ...page, orderBy: { field: GridEventOrderField.DUE_AT, direction: SortDirection.ASC } },
    );
  }

  @FieldResolver(() => [ZeroReport], {
    description: 'Its zero reports of the last `days` days (default 14).',
  })
  zeroReports(
    @Ctx() ctx: RequestContext,
    @Root() unit: GridUnit,
    @Arg('days', () => Int, { defaultValue: 14 }) days: number,
  ) {
    const since = chinaDay(Date.now() - Math.min(Math.max(days, 1), 62) * DAY_MS);
    return ctx.services.gridUnits.zeroReportsOf(ctx, [unit.code], since);
  }
}

@Resolver(() => GridCoverageGap)
export class GridCoverageGapResolver {
  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() gap: GridCoverageGap) {
    return ctx.loaders.region.byCode.load(gap.regionCode);
  }
}

@Resolver(() => Household)
export class HouseholdGridResolver {
  @FieldResolver(() => [HouseholdGridMembership], {
    description: 'The grid units it belonged to, newest first; empty until it first moves between units.',
  })
  gridHistory(@Ctx() ctx: RequestContext, @Root() household: Household) {
    return ctx.loaders.grid.householdHistory.load(household.id);
  }
}

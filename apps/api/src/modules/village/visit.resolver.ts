import { ASSISTANCE_MACHINE, constantCase } from '@qiangji/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DisputeCase } from '../mediation/dispute-case.types';
import { Region } from '../region/region.entity';
import { Household } from '../resident/resident.types';
import { AssistanceService } from './assistance.service';
import { Posting } from './unit.types';
import { AssistanceCommandEnum } from './village.enums';
import {
  AbandonAssistanceInput,
  Assistance,
  AssistanceConnection,
  AssistanceEffect,
  AssistanceEvent,
  AssistancesArgs,
  CompleteAssistanceInput,
  DueHousehold,
  DueHouseholdConnection,
  HouseholdIncome,
  HouseholdTimelineEntry,
  LogVisitInput,
  PlanAssistanceInput,
  RecordHouseholdIncomeInput,
  ReportVisitDisputeInput,
  StartAssistanceInput,
  Visit,
  VisitConnection,
  VisitsArgs,
  VisitsDueArgs,
} from './visit.types';

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit)
  visit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.visits.get(ctx, id);
  }

  @Query(() => VisitConnection, { description: 'Visits in your jurisdiction, newest first; audited.' })
  visits(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: VisitsArgs) {
    return ctx.services.visits.list(ctx, filter, page);
  }

  @Query(() => [Int], {
    description: 'The years with visits, newest first, in your jurisdiction or a region’s subtree.',
  })
  visitYears(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
  ) {
    return ctx.services.visits.years(ctx, regionCode);
  }

  @Query(() => [HouseholdTimelineEntry], {
    description:
      'A household’s life, newest first: visits, assistance steps, incomes, its members’ disputes and registry changes.',
  })
  householdTimeline(@Ctx() ctx: RequestContext, @Arg('householdId', () => ID) householdId: string) {
    return ctx.services.visits.timeline(ctx, householdId);
  }

  @Query(() => DueHouseholdConnection, {
    description: 'Households due for a visit today, longest unseen first: a cadre’s to-do list.',
  })
  visitsDue(@Ctx() ctx: RequestContext, @Args() { regionCode, ...page }: VisitsDueArgs) {
    return ctx.services.visits.due(ctx, regionCode, page);
  }

  @Mutation(() => Visit, { description: '走访: a visit under an active posting in the household’s village.' })
  logVisit(@Ctx() ctx: RequestContext, @Arg('input') input: LogVisitInput) {
    return ctx.services.visits.log(ctx, input);
  }

  @Mutation(() => Visit, {
    description:
      'A dispute found on the visit becomes a mediation case (channel STATIONED_CADRE), linked both ways.',
  })
  reportVisitDispute(@Ctx() ctx: RequestContext, @Arg('input') input: ReportVisitDisputeInput) {
    return ctx.services.visits.reportDispute(ctx, input);
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Ctx() ctx: RequestContext, @Root() visit: Visit) {
    return ctx.loaders.resident.household.load(visit.householdId);
  }

  @FieldResolver(() => Posting, { nullable: true })
  posting(@Ctx() ctx: RequestContext, @Root() visit: Visit) {
    return ctx.loaders.village.posting.load(visit.postingId);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() visit: Visit) {
    return ctx.loaders.region.byCode.load(visit.regionCode);
  }

  @FieldResolver(() => DisputeCase, { nullable: true })
  disputeCase(@Ctx() ctx: RequestContext, @Root() visit: Visit) {
    return visit.disputeCaseId ? ctx.loaders.mediation.disputeCase.load(visit.disputeCaseId) : null;
  }
}

/** The link back from a case to the visit it was found on. */
@Resolver(() => DueHousehold)
export class DueHouseholdResolver {
  @FieldResolver(() => Household, { nullable: true })
  household(@Ctx() ctx: RequestContext, @Root() due: DueHousehold) {
    return ctx.loaders.resident.household.load(due.id);
  }
}

@Resolver(() => DisputeCase)
export class DisputeCaseVisitResolver {
  @FieldResolver(() => Visit, { nullable: true, description: 'The stationed cadre’s visit it was found on.' })
  visit(@Ctx() ctx: RequestContext, @Root() disputeCase: DisputeCase) {
    return ctx.principal?.actions.has('village:read')
      ? ctx.loaders.village.visitOfDisputeCase.load(disputeCase.id)
      : null;
  }
}

@Resolver(() => Assistance)
export class AssistanceResolver {
  @Query(() => Assistance)
  assistance(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.assistance.get(ctx, id);
  }

  @Query(() => AssistanceConnection, { description: 'Assistance in your jurisdiction, newest plan first.' })
  assistances(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: AssistancesArgs) {
    return ctx.services.assistance.list(ctx, filter, page);
  }

  @Mutation(() => Assistance, {
    description: '帮扶: → PLANNED, under an active posting in the household’s village.',
  })
  planAssistance(@Ctx() ctx: RequestContext, @Arg('input') input: PlanAssistanceInput) {
    return ctx.services.assistance.plan(ctx, input);
  }

  @Mutation(() => Assistance, { description: 'PLANNED → IN_PROGRESS.' })
  startAssistance(@Ctx() ctx: RequestContext, @Arg('input') input: StartAssistanceInput) {
    return ctx.services.assistance.start(ctx, input);
  }

  @Mutation(() => Assistance, { description: 'IN_PROGRESS → DONE, with its outcome.' })
  completeAssistance(@Ctx() ctx: RequestContext, @Arg('input') input: CompleteAssistanceInput) {
    return ctx.services.assistance.complete(ctx, input);
  }

  @Mutation(() => Assistance, { description: 'PLANNED or IN_PROGRESS → ABANDONED, with a reason.' })
  abandonAssistance(@Ctx() ctx: RequestContext, @Arg('input') input: AbandonAssistanceInput) {
    return ctx.services.assistance.abandon(ctx, input);
  }

  @Mutation(() => HouseholdIncome, {
    description: 'A household’s net income of a year; again, a correction.',
  })
  recordHouseholdIncome(@Ctx() ctx: RequestContext, @Arg('input') input: RecordHouseholdIncomeInput) {
    return ctx.services.assistance.recordIncome(ctx, input);
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return ctx.loaders.resident.household.load(a.householdId);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return ctx.loaders.region.byCode.load(a.regionCode);
  }

  @FieldResolver(() => [AssistanceEvent])
  timeline(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return ctx.loaders.village.assistanceEvents.load(a.id);
  }

  @FieldResolver(() => [HouseholdIncome], { description: 'The household’s income by year, oldest first.' })
  householdIncomes(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return ctx.loaders.village.incomes.load(a.householdId);
  }

  @FieldResolver(() => AssistanceEffect)
  async effect(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return AssistanceService.effect(a, await ctx.loaders.village.incomes.load(a.householdId));
  }

  @FieldResolver(() => [AssistanceCommandEnum], { description: 'The steps your roles may take now.' })
  availableCommands(@Ctx() ctx: RequestContext, @Root() a: Assistance) {
    return ASSISTANCE_MACHINE.available(a.state, ctx.principal?.roles ?? []).map(constantCase);
  }
}

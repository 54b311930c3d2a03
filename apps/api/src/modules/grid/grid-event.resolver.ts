import { constantCase, GRID_EVENT_MACHINE, gridEventDeadlineStatus } from '@qiangji/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { DeadlineStatusEnum } from '../mediation/mediation.enums';
import { DisputeCase } from '../mediation/dispute-case.types';
import { Region } from '../region/region.entity';
import { GridEventCommandEnum } from './grid.enums';
import {
  DispatchGridEventInput,
  DisposeGridEventInput,
  DuplicateHintsInput,
  EvaluateGridEventInput,
  GridEvent,
  GridEventConnection,
  CloseGridEventInput,
  FileGridEventInput,
  StartGridEventDisposalInput,
  VerifyGridEventInput,
  GridEventsArgs,
  GridEventStep,
  GridLoopFigures,
  GridLoopFiguresArgs,
  ReferGridEventToMediationInput,
  RejectGridEventInput,
  ReportGridEventInput,
  SendBackGridEventInput,
} from './grid-event.types';

@Resolver(() => GridEvent)
export class GridEventResolver {
  @Query(() => GridEvent, { description: 'An event of a grid unit in your jurisdiction.' })
  gridEvent(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.gridEvents.get(ctx, id);
  }

  @Query(() => GridEventConnection, { description: 'The event queue of your jurisdiction.' })
  gridEvents(@Ctx() ctx: RequestContext, @Args() { filter, orderBy, ...page }: GridEventsArgs) {
    return ctx.services.gridEvents.list(ctx, filter, { ...page, orderBy });
  }

  @Query(() => [GridEvent], {
    description:
      'Open events of the category within 200 m reported in the last 7 days: ask before reporting.',
  })
  gridEventDuplicateHints(@Ctx() ctx: RequestContext, @Arg('input') input: DuplicateHintsInput) {
    return ctx.services.gridEvents.duplicateHints(ctx, input);
  }

  @Query(() => GridLoopFigures, { description: 'Reported, closed, closed on time and overdue events.' })
  gridLoopFigures(@Ctx() ctx: RequestContext, @Args() { regionCode, from, to }: GridLoopFiguresArgs) {
    return ctx.services.gridEvents.loopFigures(ctx, regionCode, from, to);
  }

  @Mutation(() => GridEvent, {
    description: '上报: by a grid worker, the portal or a district system; idempotent.',
  })
  reportGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: ReportGridEventInput) {
    return ctx.services.gridEvents.report(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '立案: REPORTED → FILED.' })
  fileGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: FileGridEventInput) {
    return ctx.services.gridEvents.file(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '不予立案 as a duplicate or invalid: REPORTED → REJECTED.' })
  rejectGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: RejectGridEventInput) {
    return ctx.services.gridEvents.reject(ctx, input);
  }

  @Mutation(() => GridEvent, {
    description: '派遣, with the deadline by category and urgency: FILED → DISPATCHED.',
  })
  dispatchGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: DispatchGridEventInput) {
    return ctx.services.gridEvents.dispatch(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '开始处置: DISPATCHED → IN_DISPOSAL.' })
  startGridEventDisposal(@Ctx() ctx: RequestContext, @Arg('input') input: StartGridEventDisposalInput) {
    return ctx.services.gridEvents.startDisposal(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '处置完毕, with the result: IN_DISPOSAL → DISPOSED.' })
  disposeGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: DisposeGridEventInput) {
    return ctx.services.gridEvents.dispose(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '核查 on site: DISPOSED → VERIFIED.' })
  verifyGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: VerifyGridEventInput) {
    return ctx.services.gridEvents.verify(ctx, input);
  }

  @Mutation(() => GridEvent, {
    description: '退回: the check failed, DISPOSED → IN_DISPOSAL; the deadline stands.',
  })
  sendBackGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: SendBackGridEventInput) {
    return ctx.services.gridEvents.sendBack(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '结案: VERIFIED → CLOSED.' })
  closeGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: CloseGridEventInput) {
    return ctx.services.gridEvents.close(ctx, input);
  }

  @Mutation(() => GridEvent, { description: '评价: the reporter’s satisfaction, CLOSED → EVALUATED.' })
  evaluateGridEvent(@Ctx() ctx: RequestContext, @Arg('input') input: EvaluateGridEventInput) {
    return ctx.services.gridEvents.evaluate(ctx, input);
  }

  @Mutation(() => GridEvent, {
    description:
      'A neighbourhood dispute becomes a mediation case in one step: → REFERRED, linked both ways.',
  })
  referGridEventToMediation(@Ctx() ctx: RequestContext, @Arg('input') input: ReferGridEventToMediationInput) {
    return ctx.services.gridEvents.referToMediation(ctx, input);
  }

  @FieldResolver(() => Region, { description: 'The grid unit.' })
  region(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return ctx.loaders.region.byCode.load(e.regionCode);
  }

  @FieldResolver(() => [GridEventStep], { description: 'Every step, oldest first.' })
  timeline(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return ctx.loaders.grid.timeline.load(e.id);
  }

  @FieldResolver(() => DeadlineStatusEnum, {
    description:
      'From the dispatch to the closure: AT_RISK in the last quarter, OVERDUE past dueAt (or closed late).',
  })
  deadlineStatus(@Root() e: GridEvent) {
    return gridEventDeadlineStatus(e);
  }

  @FieldResolver(() => [GridEventCommandEnum], {
    description: 'The steps your roles may take now (the dashboard’s buttons); the API checks again.',
  })
  availableCommands(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return GRID_EVENT_MACHINE.available(e.state, ctx.principal?.roles ?? []).map(constantCase);
  }

  @FieldResolver(() => [GridEvent], {
    description: 'Other open events of the category within 200 m and 7 days: possible duplicates.',
  })
  duplicateHints(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return ctx.loaders.grid.duplicates.load(e);
  }

  @FieldResolver(() => GridEvent, { nullable: true })
  duplicateOf(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return e.duplicateOfId ? ctx.loaders.grid.event.load(e.duplicateOfId) : null;
  }

  @FieldResolver(() => DisputeCase, { nullable: true, description: 'The mediation case it became.' })
  disputeCase(@Ctx() ctx: RequestContext, @Root() e: GridEvent) {
    return e.disputeCaseId ? ctx.loaders.mediation.disputeCase.load(e.disputeCaseId) : null;
  }
}

/** The link back: a dispute case that began as a grid event names it. */
@Resolver(() => DisputeCase)
export class DisputeCaseGridEventResolver {
  @FieldResolver(() => GridEvent, { nullable: true, description: 'The grid event it came from.' })
  gridEvent(@Ctx() ctx: RequestContext, @Root() c: DisputeCase) {
    return ctx.loaders.grid.byDisputeCase.load(c.id);
  }
}

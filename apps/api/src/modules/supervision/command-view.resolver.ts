import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import type { CommandViewResult } from './command-view.service';
import { CommandAlert, CommandView } from './command-view.types';

@Resolver(() => CommandView)
export class CommandViewResolver {
  @Query(() => CommandView, {
    description:
      'The command view (指挥调度) of a region’s subtree (your jurisdiction by default) for the months `from` to `to` (YYYY-MM, both included, China time): every area’s KPI tiles with the same months a year before and a sparkline, the child regions for the map and the ranked table, and the alerts. Read from rollups kept with the facts, never stale. Needs command:read; each tile needs its area’s read action; a region outside your jurisdiction is FORBIDDEN.',
  })
  commandView(
    @Ctx() ctx: RequestContext,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
  ) {
    return ctx.services.commandView.view(ctx, regionCode, from, to);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() view: CommandViewResult) {
    return ctx.loaders.region.byCode.load(view.regionCode);
  }

  @FieldResolver(() => [CommandAlert], {
    description:
      'High-risk and overdue items open now in the subtree, and places where disputes recur (three times in the period’s last calendar year); each with its list’s filter.',
  })
  alerts(@Ctx() ctx: RequestContext, @Root() view: CommandViewResult) {
    return ctx.services.commandView.alerts(ctx, view);
  }
}

@Resolver(() => CommandAlert)
export class CommandAlertResolver {
  @FieldResolver(() => Region, { description: 'The region the alert is about.' })
  region(@Ctx() ctx: RequestContext, @Root() alert: CommandAlert) {
    return ctx.loaders.region.byCode.load(alert.regionCode);
  }
}

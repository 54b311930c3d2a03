import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import {
  AddWorkCalendarEntryInput,
  WorkCalendarArgs,
  WorkCalendarEntry,
  WorkCalendarEntryConnection,
} from './work-calendar.types';

@Resolver(() => WorkCalendarEntry)
export class WorkCalendarResolver {
  @Query(() => WorkCalendarEntryConnection, {
    description: 'Public holidays and make-up working days that working-day deadlines skip and count.',
  })
  workCalendarEntries(@Ctx() ctx: RequestContext, @Args() args: WorkCalendarArgs) {
    return ctx.services.workCalendar.list(ctx, args);
  }

  @Mutation(() => WorkCalendarEntry, {
    description: 'Enters a line of the State Council’s holiday notice. Needs calendar:manage (the city).',
  })
  addWorkCalendarEntry(@Ctx() ctx: RequestContext, @Arg('input') input: AddWorkCalendarEntryInput) {
    return ctx.services.workCalendar.add(ctx, input);
  }
}

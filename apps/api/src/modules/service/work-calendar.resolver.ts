import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
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

  @Mutation(() => WorkCalendarEntry, {
    description:
      'Deletes a mistyped entry (correct one by deleting and adding it); returns it as it was. Needs calendar:manage.',
  })
  deleteWorkCalendarEntry(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.workCalendar.delete(ctx, id);
  }
}

import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { CreatePointOfInterestInput, NearbyArgs, NearbyPointConnection, PointOfInterest } from './poi.types';

@Resolver(() => PointOfInterest)
export class PointOfInterestResolver {
  @Query(() => NearbyPointConnection, {
    description:
      'Points of interest within `radiusMeters` (≤ 5000) of a community or a place, nearest first: the 1,000-metre convenience map.',
  })
  nearby(@Ctx() ctx: RequestContext, @Args() args: NearbyArgs) {
    return ctx.services.pointsOfInterest.nearby(ctx, args);
  }

  @Mutation(() => PointOfInterest, { description: 'Adds a point of interest. Needs service:manage.' })
  createPointOfInterest(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePointOfInterestInput) {
    return ctx.services.pointsOfInterest.create(ctx, input);
  }
}

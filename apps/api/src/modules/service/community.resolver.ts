import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/connection';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { PolicyConnection, ServiceItemConnection } from './catalogue.types';
import {
  CommunityProfile,
  CommunityProfileConnection,
  CommunityProfilesArgs,
  CommunityStats,
  SaveCommunityProfileInput,
} from './community.types';
import { ServiceQueueCount } from './service-application.types';

@Resolver(() => CommunityProfile)
export class CommunityProfileResolver {
  @Query(() => CommunityProfile, { description: 'A community’s profile; any signed-in caller reads it.' })
  communityProfile(@Ctx() ctx: RequestContext, @Arg('regionCode') regionCode: string) {
    return ctx.services.communityProfiles.get(ctx, regionCode);
  }

  @Query(() => CommunityProfileConnection, { description: 'Community profiles by code.' })
  communityProfiles(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: CommunityProfilesArgs) {
    return ctx.services.communityProfiles.list(ctx, filter, page);
  }

  @Query(() => CommunityStats, {
    description:
      'Central communities of a subtree, their satellites, the people they cover, their functions and the applications completed at them from `from` to `to` (China time). Needs service:read.',
  })
  communityStats(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => DateResolver) from: Date,
    @Arg('to', () => DateResolver) to: Date,
  ) {
    return ctx.services.communityProfiles.stats(ctx, regionCode, from, to);
  }

  @Mutation(() => CommunityProfile, {
    description: 'Creates or updates a community’s profile. Needs service:manage.',
  })
  saveCommunityProfile(@Ctx() ctx: RequestContext, @Arg('input') input: SaveCommunityProfileInput) {
    return ctx.services.communityProfiles.save(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile) {
    return ctx.loaders.region.byCode.load(profile.regionCode);
  }

  @FieldResolver(() => CommunityProfile, { nullable: true })
  central(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile) {
    return profile.centralCode ? ctx.loaders.service.profile.load(profile.centralCode) : null;
  }

  @FieldResolver(() => [CommunityProfile], { description: 'The communities a central community serves.' })
  satellites(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile) {
    return ctx.loaders.service.satellites.load(profile.regionCode);
  }

  @FieldResolver(() => ServiceItemConnection, {
    description: 'Its catalogue: items offered at it or above it.',
  })
  serviceItems(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile, @Args() page: PageArgs) {
    return ctx.services.serviceItems.list(ctx, { offeredAt: profile.regionCode }, page);
  }

  @FieldResolver(() => PolicyConnection, {
    description: 'Its public list: policies published for it or above it.',
  })
  policies(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile, @Args() page: PageArgs) {
    return ctx.services.policies.list(ctx, { publishedFor: profile.regionCode }, page);
  }

  @FieldResolver(() => [ServiceQueueCount], {
    description: 'Its work queues. Needs service:read in your jurisdiction.',
  })
  queue(@Ctx() ctx: RequestContext, @Root() profile: CommunityProfile) {
    return ctx.services.serviceApplications.queueCounts(ctx, profile.regionCode);
  }
}

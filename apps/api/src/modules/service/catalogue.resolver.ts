import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  CreateServiceItemInput,
  OfferServiceItemInput,
  PoliciesArgs,
  Policy,
  PolicyConnection,
  PublishPolicyInput,
  ServiceItem,
  ServiceItemConnection,
  ServiceItemsArgs,
} from './catalogue.types';
import { renderMarkdown } from './markdown';

@Resolver(() => ServiceItem)
export class ServiceItemResolver {
  @Query(() => ServiceItem, { description: 'An item of the catalogue; any signed-in caller reads it.' })
  serviceItem(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.serviceItems.get(ctx, id);
  }

  @Query(() => ServiceItemConnection, { description: 'The service catalogue, by category then code.' })
  serviceItems(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: ServiceItemsArgs) {
    return ctx.services.serviceItems.list(ctx, filter, page);
  }

  @Mutation(() => ServiceItem, {
    description: 'Defines an item; its form schema is checked. Needs service:manage.',
  })
  createServiceItem(@Ctx() ctx: RequestContext, @Arg('input') input: CreateServiceItemInput) {
    return ctx.services.serviceItems.create(ctx, input);
  }

  @Mutation(() => ServiceItem, {
    description: 'Offers an item at regions of your jurisdiction. Needs service:manage.',
  })
  offerServiceItem(@Ctx() ctx: RequestContext, @Arg('input') input: OfferServiceItemInput) {
    return ctx.services.serviceItems.offer(ctx, input);
  }

  @FieldResolver(() => Policy, { nullable: true, description: 'The policy it rests on.' })
  policy(@Ctx() ctx: RequestContext, @Root() item: ServiceItem) {
    return item.policyId ? ctx.loaders.service.policy.load(item.policyId) : null;
  }

  @FieldResolver(() => [String], { description: 'The regions it is offered at (for their subtrees).' })
  async offeredAt(@Ctx() ctx: RequestContext, @Root() item: ServiceItem) {
    return (await ctx.loaders.service.offerings.load(item.id)).map((o) => o.regionCode);
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => Policy, { description: 'A disclosed policy; any signed-in caller reads it.' })
  policy(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.policies.get(ctx, id);
  }

  @Query(() => PolicyConnection, { description: 'Disclosed policies, newest in force first.' })
  policies(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: PoliciesArgs) {
    return ctx.services.policies.list(ctx, filter, page);
  }

  @Mutation(() => Policy, {
    description: 'Publishes a policy for a region of your jurisdiction. Needs service:manage.',
  })
  publishPolicy(@Ctx() ctx: RequestContext, @Arg('input') input: PublishPolicyInput) {
    return ctx.services.policies.publish(ctx, input);
  }

  @FieldResolver(() => String, {
    description: 'The body as HTML, safe to insert: raw HTML escaped, unsafe links dropped.',
  })
  bodyHtml(@Root() policy: Policy) {
    return renderMarkdown(policy.body);
  }

  @FieldResolver(() => [ServiceItem], { description: 'The items that rest on it.' })
  items(@Ctx() ctx: RequestContext, @Root() policy: Policy) {
    return ctx.loaders.service.itemsOfPolicy.load(policy.id);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() policy: Policy) {
    return ctx.loaders.region.byCode.load(policy.regionCode);
  }
}

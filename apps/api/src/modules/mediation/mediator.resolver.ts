import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  Mediator,
  MediatorConnection,
  MediatorsArgs,
  RegisterMediatorInput,
  UpdateMediatorInput,
} from './mediator.types';
import { MediationOrganization } from './organization.types';

@Resolver(() => Mediator)
export class MediatorResolver {
  @Query(() => Mediator, { description: 'A mediator working in your jurisdiction.' })
  mediator(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.mediators.get(ctx, id);
  }

  @Query(() => MediatorConnection, { description: 'Mediators working in your jurisdiction, by name.' })
  mediators(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: MediatorsArgs) {
    return ctx.services.mediators.list(ctx, filter, page);
  }

  @Mutation(() => Mediator)
  registerMediator(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterMediatorInput) {
    return ctx.services.mediators.register(ctx, input);
  }

  @Mutation(() => Mediator, {
    description: 'Reference data of a mediator: phone, specialities, memberships, …',
  })
  updateMediator(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateMediatorInput) {
    return ctx.services.mediators.update(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() mediator: Mediator) {
    return ctx.loaders.region.byCode.load(mediator.regionCode);
  }

  @FieldResolver(() => [MediationOrganization], { description: 'By name.' })
  organizations(@Ctx() ctx: RequestContext, @Root() mediator: Mediator) {
    return ctx.loaders.mediationRefs.mediatorOrganizations.load(mediator.id);
  }

  @FieldResolver(() => Int, {
    description: 'Cases assigned to the mediator or in mediation, among those you may see.',
  })
  activeCaseLoad(@Ctx() ctx: RequestContext, @Root() mediator: Mediator) {
    return ctx.loaders.mediationRefs.activeCaseLoad.load(mediator.id);
  }
}

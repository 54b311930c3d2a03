import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  CreateMediationOrganizationInput,
  LegalClinicService,
  MediationOrganization,
  MediationOrganizationConnection,
  MediationOrganizationsArgs,
  RecordLegalClinicServiceInput,
  UpdateMediationOrganizationInput,
} from './organization.types';

@Resolver(() => MediationOrganization)
export class MediationOrganizationResolver {
  @Query(() => MediationOrganization, { description: 'Reference data: any signed-in caller.' })
  mediationOrganization(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.organizations.get(ctx, id);
  }

  @Query(() => MediationOrganizationConnection, {
    description: 'Every organisation of the city, by name; any signed-in caller.',
  })
  mediationOrganizations(
    @Ctx() ctx: RequestContext,
    @Args() { filter, ...page }: MediationOrganizationsArgs,
  ) {
    return ctx.services.organizations.list(ctx, filter, page);
  }

  @Mutation(() => MediationOrganization, { description: 'In a region of your jurisdiction.' })
  createMediationOrganization(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: CreateMediationOrganizationInput,
  ) {
    return ctx.services.organizations.create(ctx, input);
  }

  @Mutation(() => MediationOrganization)
  updateMediationOrganization(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: UpdateMediationOrganizationInput,
  ) {
    return ctx.services.organizations.update(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() organization: MediationOrganization) {
    return ctx.loaders.region.byCode.load(organization.regionCode);
  }

  @FieldResolver(() => Int, {
    description: 'Active mediators who are members, among those your jurisdiction lets you see.',
  })
  memberCount(@Ctx() ctx: RequestContext, @Root() organization: MediationOrganization) {
    return ctx.loaders.mediationRefs.memberCount.load(organization.id);
  }
}

@Resolver(() => LegalClinicService)
export class LegalClinicServiceResolver {
  @Mutation(() => LegalClinicService, {
    description: 'The people a legal clinic served in a month; recording the same month again replaces it.',
  })
  recordLegalClinicService(@Ctx() ctx: RequestContext, @Arg('input') input: RecordLegalClinicServiceInput) {
    return ctx.services.organizations.recordClinicService(ctx, input);
  }

  @FieldResolver(() => MediationOrganization)
  organization(@Ctx() ctx: RequestContext, @Root() tally: LegalClinicService) {
    return ctx.loaders.mediation.organization.load(tally.organizationId);
  }
}

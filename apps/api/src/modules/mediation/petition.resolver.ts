import { constantCase, PETITION_CASE_MACHINE } from '@qiangji/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PetitionCaseCommandEnum } from './mediation.enums';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { MediationOrganization } from './organization.types';
import {
  AssignPetitionCaseInput,
  PetitionCase,
  PetitionCaseConnection,
  PetitionCasesArgs,
  RegisterPetitionCaseInput,
  ResolvePetitionCaseInput,
} from './petition.types';

@Resolver(() => PetitionCase)
export class PetitionCaseResolver {
  @Query(() => PetitionCase, { description: 'A petition backlog case in your jurisdiction.' })
  petitionCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.petitions.get(ctx, id);
  }

  @Query(() => PetitionCaseConnection, {
    description: 'Petition backlog cases in your jurisdiction, newest registration first.',
  })
  petitionCases(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: PetitionCasesArgs) {
    return ctx.services.petitions.list(ctx, filter, page);
  }

  @Mutation(() => PetitionCase, { description: '登记: → REGISTERED.' })
  registerPetitionCase(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterPetitionCaseInput) {
    return ctx.services.petitions.register(ctx, input);
  }

  @Mutation(() => PetitionCase, { description: '交办: REGISTERED → ASSIGNED.' })
  assignPetitionCase(@Ctx() ctx: RequestContext, @Arg('input') input: AssignPetitionCaseInput) {
    return ctx.services.petitions.assign(ctx, input);
  }

  @Mutation(() => PetitionCase, {
    description: '化解: ASSIGNED → RESOLVED or UNRESOLVED; UNRESOLVED → RESOLVED later.',
  })
  resolvePetitionCase(@Ctx() ctx: RequestContext, @Arg('input') input: ResolvePetitionCaseInput) {
    return ctx.services.petitions.resolve(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() petition: PetitionCase) {
    return ctx.loaders.region.byCode.load(petition.regionCode);
  }

  @FieldResolver(() => [PetitionCaseCommandEnum], {
    description: 'The steps your roles may take now (the dashboard’s buttons); the API checks again.',
  })
  availableCommands(@Ctx() ctx: RequestContext, @Root() petition: PetitionCase) {
    return PETITION_CASE_MACHINE.available(petition.state, ctx.principal?.roles ?? []).map(constantCase);
  }

  @FieldResolver(() => MediationOrganization, { nullable: true, description: 'Set once assigned.' })
  organization(@Ctx() ctx: RequestContext, @Root() petition: PetitionCase) {
    return petition.organizationId ? ctx.loaders.mediation.organization.load(petition.organizationId) : null;
  }
}

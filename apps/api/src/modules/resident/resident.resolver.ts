import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAction } from '../../common/authz';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  Household,
  HouseholdConnection,
  HouseholdsArgs,
  MoveHouseholdInput,
  MoveResidentInput,
  RegisterHouseholdInput,
  RegisterResidentInput,
  Resident,
  ResidentConnection,
  ResidentsArgs,
  RevealedResident,
  UpdateHouseholdInput,
  UpdateResidentInput,
} from './resident.types';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household)
  household(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.households.get(ctx, id);
  }

  @Query(() => HouseholdConnection, { description: 'Households in your jurisdiction.' })
  households(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: HouseholdsArgs) {
    return ctx.services.households.list(ctx, filter, page);
  }

  @Mutation(() => Household)
  registerHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterHouseholdInput) {
    return ctx.services.households.register(ctx, input);
  }

  @Mutation(() => Household)
  updateHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateHouseholdInput) {
    return ctx.services.households.update(ctx, input);
  }

  @Mutation(() => Household, { description: 'Moves the household and its members to another region.' })
  moveHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: MoveHouseholdInput) {
    return ctx.services.households.move(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() household: Household) {
    return ctx.loaders.region.byCode.load(household.regionCode);
  }

  @FieldResolver(() => Resident, { nullable: true })
  head(@Ctx() ctx: RequestContext, @Root() household: Household) {
    return household.headResidentId ? ctx.loaders.resident.head.load(household.headResidentId) : null;
  }

  @FieldResolver(() => [Resident], { description: 'At most 50, oldest first.' })
  members(@Ctx() ctx: RequestContext, @Root() household: Household) {
    return ctx.loaders.resident.members.load(household.id);
  }
}

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => Resident, { description: 'Recorded in the audit log.' })
  resident(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.residents.get(ctx, id);
  }

  @Query(() => ResidentConnection, {
    description: 'Residents in your jurisdiction; each page read is audited.',
  })
  residents(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: ResidentsArgs) {
    return ctx.services.residents.list(ctx, filter, page);
  }

  @Mutation(() => Resident, { description: 'The same ID number cannot be registered twice in the city.' })
  registerResident(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterResidentInput) {
    return ctx.services.residents.register(ctx, input);
  }

  @Mutation(() => Resident)
  updateResident(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateResidentInput) {
    return ctx.services.residents.update(ctx, input);
  }

  @Mutation(() => Resident)
  moveResident(@Ctx() ctx: RequestContext, @Arg('input') input: MoveResidentInput) {
    return ctx.services.residents.move(ctx, input);
  }

  @Mutation(() => RevealedResident, {
    description: 'Unmasked ID number and phone, for a stated purpose; audited.',
  })
  revealResident(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('purpose') purpose: string,
  ) {
    return ctx.services.residents.reveal(ctx, id, purpose);
  }

  @FieldResolver(() => Household)
  household(@Ctx() ctx: RequestContext, @Root() resident: Resident) {
    requireAction(ctx, 'household:read');
    return ctx.loaders.resident.household.load(resident.householdId);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() resident: Resident) {
    return ctx.loaders.region.byCode.load(resident.regionCode);
  }
}

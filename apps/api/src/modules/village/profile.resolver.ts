import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import { Household } from '../resident/resident.types';
import {
  AddVillageOrganizationMembersInput,
  CreateVillageOrganizationInput,
  RecordVillageIndicatorsInput,
  VillageYearCases,
  VillageIndicator,
  VillageIndicatorConnection,
  VillageIndicatorImport,
  VillageIndicatorsArgs,
  VillageOrganization,
  VillageOrganizationMember,
  VillageProfile,
  VillageSafetyRecord,
} from './profile.types';
import { Posting } from './unit.types';

@Resolver(() => VillageProfile)
export class VillageProfileResolver {
  @Query(() => VillageProfile, { description: 'A village of your jurisdiction: its page.' })
  village(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return ctx.services.villageProfiles.profile(ctx, code);
  }

  @Query(() => VillageIndicatorConnection, {
    description: 'Yearly indicators of villages, newest year first.',
  })
  villageIndicators(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: VillageIndicatorsArgs) {
    return ctx.services.villageProfiles.indicators(ctx, filter, page);
  }

  @Mutation(() => VillageIndicator)
  recordVillageIndicators(@Ctx() ctx: RequestContext, @Arg('input') input: RecordVillageIndicatorsInput) {
    return ctx.services.villageProfiles.recordIndicators(ctx, input);
  }

  @Mutation(() => VillageIndicatorImport, {
    description:
      'A CSV or XLSX (its first sheet) of yearly indicators (header: villageCode,year,households,population,cultivatedLandMu,poorHouseholds,perCapitaNetIncome,collectiveAssets,collectiveDebts,householdsInOrganizations, or the Chinese labels): all lines or, with any error, none.',
  })
  importVillageIndicators(
    @Ctx() ctx: RequestContext,
    @Arg('csv', () => String, { nullable: true, description: 'The file as UTF-8 text.' }) csv?: string | null,
    @Arg('xlsx', () => String, {
      nullable: true,
      description: 'The workbook, base64-encoded; instead of csv.',
    })
    xlsx?: string | null,
  ) {
    return ctx.services.villageProfiles.importIndicators(ctx, { csv, xlsx });
  }

  @Mutation(() => VillageOrganization)
  createVillageOrganization(@Ctx() ctx: RequestContext, @Arg('input') input: CreateVillageOrganizationInput) {
    return ctx.services.villageProfiles.createOrganization(ctx, input);
  }

  @Mutation(() => VillageOrganization)
  addVillageOrganizationMembers(
    @Ctx() ctx: RequestContext,
    @Arg('input') input: AddVillageOrganizationMembersInput,
  ) {
    return ctx.services.villageProfiles.addMembers(ctx, input);
  }

  @Mutation(() => VillageSafetyRecord, { description: 'The same figures again change nothing.' })
  recordVillageSafety(@Ctx() ctx: RequestContext, @Arg('input') input: VillageYearCases) {
    return ctx.services.villageSafety.record(ctx, input);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: RequestContext, @Root() village: VillageProfile) {
    return ctx.loaders.region.byCode.load(village.code);
  }

  @FieldResolver(() => [Posting], {
    description: 'Its postings, newest first: the cadres, past and present.',
  })
  postings(@Ctx() ctx: RequestContext, @Root() village: VillageProfile) {
    return ctx.loaders.village.postingsOfVillage.load(village.code);
  }
}

@Resolver(() => VillageOrganization)
export class VillageOrganizationResolver {
  @FieldResolver(() => [VillageOrganizationMember])
  members(@Ctx() ctx: RequestContext, @Root() organization: VillageOrganization) {
    return ctx.loaders.village.organizationMembers.load(organization.id);
  }
}

@Resolver(() => VillageOrganizationMember)
export class VillageOrganizationMemberResolver {
  @FieldResolver(() => Household, { nullable: true })
  household(@Ctx() ctx: RequestContext, @Root() member: VillageOrganizationMember) {
    return ctx.loaders.resident.household.load(member.householdId);
  }
}

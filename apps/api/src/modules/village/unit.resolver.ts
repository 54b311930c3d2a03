import { constantCase, POSTING_MACHINE } from '@qiangji/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from '../region/region.entity';
import {
  CadreMonth,
  CreatePairingInput,
  CreateWorkUnitInput,
  EndPostingInput,
  Pairing,
  PairingConnection,
  PairingsArgs,
  Posting,
  PostingConnection,
  PostingsArgs,
  RegisterStationedCadreInput,
  StartPostingInput,
  StationedCadre,
  StationedCadreConnection,
  StationedCadresArgs,
  WorkUnit,
  WorkUnitConnection,
  WorkUnitsArgs,
} from './unit.types';
import { PostingCommandEnum } from './village.enums';
import { Assistance, VisitConnection } from './visit.types';
import { PageArgs } from '../../common/connection';

@Resolver(() => WorkUnit)
export class WorkUnitResolver {
  @Query(() => WorkUnit)
  workUnit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.workUnits.get(ctx, id);
  }

  @Query(() => WorkUnitConnection, { description: 'Every work unit, by name.' })
  workUnits(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: WorkUnitsArgs) {
    return ctx.services.workUnits.list(ctx, filter, page);
  }

  @Mutation(() => WorkUnit)
  createWorkUnit(@Ctx() ctx: RequestContext, @Arg('input') input: CreateWorkUnitInput) {
    return ctx.services.workUnits.create(ctx, input);
  }
}

@Resolver(() => Pairing)
export class PairingResolver {
  @Query(() => PairingConnection, {
    description: 'Pairings (包村) of villages in your jurisdiction, newest first.',
  })
  pairings(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: PairingsArgs) {
    return ctx.services.workUnits.pairings(ctx, filter, page);
  }

  @Mutation(() => Pairing)
  createPairing(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePairingInput) {
    return ctx.services.workUnits.createPairing(ctx, input);
  }

  @FieldResolver(() => WorkUnit)
  workUnit(@Ctx() ctx: RequestContext, @Root() pairing: Pairing) {
    return ctx.loaders.village.workUnit.load(pairing.workUnitId);
  }

  @FieldResolver(() => Region)
  village(@Ctx() ctx: RequestContext, @Root() pairing: Pairing) {
    return ctx.loaders.region.byCode.load(pairing.regionCode);
  }
}

@Resolver(() => StationedCadre)
export class StationedCadreResolver {
  @Query(() => StationedCadre)
  stationedCadre(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.cadres.get(ctx, id);
  }

  @Query(() => StationedCadreConnection, { description: 'Cadres placed in your jurisdiction, by name.' })
  stationedCadres(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: StationedCadresArgs) {
    return ctx.services.cadres.list(ctx, filter, page);
  }

  @Mutation(() => StationedCadre)
  registerStationedCadre(@Ctx() ctx: RequestContext, @Arg('input') input: RegisterStationedCadreInput) {
    return ctx.services.cadres.register(ctx, input);
  }

  @FieldResolver(() => WorkUnit)
  workUnit(@Ctx() ctx: RequestContext, @Root() cadre: StationedCadre) {
    return ctx.loaders.village.workUnit.load(cadre.workUnitId);
  }

  @FieldResolver(() => [Posting], { description: 'Newest first, those in your jurisdiction.' })
  postings(@Ctx() ctx: RequestContext, @Root() cadre: StationedCadre) {
    return ctx.loaders.village.postingsOfCadre.load(cadre.id);
  }

  @FieldResolver(() => [CadreMonth], {
    description: 'Its visits by month, oldest first, in your jurisdiction.',
  })
  async visitsByMonth(@Ctx() ctx: RequestContext, @Root() cadre: StationedCadre) {
    const figures = await ctx.loaders.village.cadreVisitFigures.load(cadre.id);
    return figures.filter((f) => f.month !== null);
  }

  @FieldResolver(() => Int, { description: 'The households it has visited, in your jurisdiction.' })
  async householdsCovered(@Ctx() ctx: RequestContext, @Root() cadre: StationedCadre) {
    const figures = await ctx.loaders.village.cadreVisitFigures.load(cadre.id);
    return figures.find((f) => f.month === null)?.householdsVisited ?? 0;
  }

  @FieldResolver(() => Posting, { nullable: true })
  async activePosting(@Ctx() ctx: RequestContext, @Root() cadre: StationedCadre) {
    const postings = await ctx.loaders.village.postingsOfCadre.load(cadre.id);
    return postings.find((p) => p.state === 'ACTIVE') ?? null;
  }
}

@Resolver(() => Posting)
export class PostingResolver {
  @Query(() => Posting)
  posting(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.cadres.getPosting(ctx, id);
  }

  @Query(() => PostingConnection, { description: 'Postings in villages of your jurisdiction, newest first.' })
  postings(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: PostingsArgs) {
    return ctx.services.cadres.postings(ctx, filter, page);
  }

  @Query(() => [Posting], {
    description: 'Your own postings, when your account is a stationed cadre’s; active first.',
  })
  myPostings(@Ctx() ctx: RequestContext) {
    return ctx.services.cadres.mine(ctx);
  }

  @Mutation(() => Posting, { description: '驻村: a cadre without an active posting → ACTIVE in a village.' })
  startPosting(@Ctx() ctx: RequestContext, @Arg('input') input: StartPostingInput) {
    return ctx.services.cadres.startPosting(ctx, input);
  }

  @Mutation(() => Posting, {
    description: '交接: ACTIVE → ENDED, with the handover note for the next cadre.',
  })
  endPosting(@Ctx() ctx: RequestContext, @Arg('input') input: EndPostingInput) {
    return ctx.services.cadres.endPosting(ctx, input);
  }

  @FieldResolver(() => StationedCadre, {
    nullable: true,
    description: 'Null once the cadre has moved to a village outside your jurisdiction; cadreName stays.',
  })
  cadre(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return ctx.loaders.village.cadre.load(posting.cadreId);
  }

  @FieldResolver(() => WorkUnit)
  workUnit(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return ctx.loaders.village.workUnit.load(posting.workUnitId);
  }

  @FieldResolver(() => Region)
  village(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return ctx.loaders.region.byCode.load(posting.regionCode);
  }

  @FieldResolver(() => Posting, { nullable: true, description: 'The posting this one took over (交接).' })
  previous(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return posting.previousPostingId ? ctx.loaders.village.posting.load(posting.previousPostingId) : null;
  }

  @FieldResolver(() => [Assistance], {
    description: 'The open assistance of the village, whoever planned it: what the cadre carries on.',
  })
  openAssistance(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return ctx.loaders.village.openAssistanceOfVillage.load(posting.regionCode);
  }

  @FieldResolver(() => VisitConnection, {
    description: 'The visits logged under this posting, newest first.',
  })
  visits(@Ctx() ctx: RequestContext, @Root() posting: Posting, @Args() page: PageArgs) {
    return ctx.services.visits.list(ctx, { postingId: posting.id }, page);
  }

  @FieldResolver(() => [PostingCommandEnum], { description: 'The steps your roles may take now.' })
  availableCommands(@Ctx() ctx: RequestContext, @Root() posting: Posting) {
    return POSTING_MACHINE.available(posting.state, ctx.principal?.roles ?? []).map(constantCase);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Region } from './region.entity';
import {
  LatLng,
  LevelCount,
  RegionConnection,
  RegionListArgs,
  RegionsArgs,
  type RegionRow,
} from './region.types';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'One region by its statistical code, e.g. 230102.' })
  region(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return ctx.services.region.get(ctx, code);
  }

  @Query(() => RegionConnection, { description: 'Current regions, filtered, as a connection.' })
  regions(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: RegionsArgs) {
    return ctx.services.region.list(ctx, filter, page);
  }

  @FieldResolver(() => ID, { description: 'Equal to `code`.' })
  id(@Root() region: RegionRow) {
    return region.code;
  }

  @FieldResolver(() => String, {
    description:
      'The name to show where the bare name is ambiguous: a grid unit or hamlet after its parent (上红社区 · 第1网格), and where other current regions share that, the nearest ancestors below the city that tell them apart, in brackets (东升村 (宾县 · 宁远镇)).',
  })
  async qualifiedName(@Ctx() ctx: RequestContext, @Root() region: RegionRow): Promise<string> {
    return (await ctx.loaders.region.qualifiedName.load(region.code)) ?? region.name;
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Root() region: RegionRow) {
    return region.parentCode ? ctx.loaders.region.byCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], {
    description: 'From the city down to the parent; the region itself excluded.',
  })
  ancestors(@Ctx() ctx: RequestContext, @Root() region: RegionRow) {
    return ctx.loaders.region.ancestors.load(region.code);
  }

  @FieldResolver(() => RegionConnection)
  children(@Ctx() ctx: RequestContext, @Root() region: RegionRow, @Args() args: RegionListArgs) {
    return ctx.loaders.region.children(args).load(region.code);
  }

  @FieldResolver(() => [LevelCount], { description: 'Current regions below this one, per level present.' })
  descendantCounts(@Ctx() ctx: RequestContext, @Root() region: RegionRow) {
    return ctx.loaders.region.descendantCounts.load(region.code);
  }

  @FieldResolver(() => LatLng, { nullable: true })
  centroid(@Root() region: RegionRow): LatLng | null {
    return region.centroidLat == null || region.centroidLng == null
      ? null
      : { lat: region.centroidLat, lng: region.centroidLng };
  }
}

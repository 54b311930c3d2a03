import type { RegionLevel } from '@qiangji/domain';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs, SortDirection } from '../../common/connection';
import { LatLngFields } from '../../common/graphql-types';
import { Region } from './region.entity';
import { RegionLevelEnum } from './region-level.enum';

/** A region as read for the API: the entity without its internal path and geometry. */
export type RegionRow = Omit<Region, 'path' | 'boundary' | 'createdAt' | 'updatedAt'>;

export enum RegionOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(RegionOrderField, { name: 'RegionOrderField' });

@InputType()
export class RegionOrderBy {
  @Field(() => RegionOrderField)
  field: RegionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType({
  description:
    'Every field narrows the result. A parentCode or withinCode that does not exist is an error, not an empty list.',
})
export class RegionFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'These codes (at most 200); codes that do not exist are simply absent.',
  })
  codes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Direct children of this region.' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The whole subtree of this region, itself included.' })
  withinCode?: string | null;

  @Field(() => [RegionLevelEnum], { nullable: true })
  level?: RegionLevel[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, e.g. 通江.' })
  nameContains?: string | null;
}

@ArgsType()
export class RegionListArgs extends PageArgs {
  @Field(() => RegionOrderBy, { nullable: true, description: 'Default: by code, ascending.' })
  orderBy?: RegionOrderBy | null;
}

@ArgsType()
export class RegionsArgs extends RegionListArgs {
  @Field(() => RegionFilter, { nullable: true })
  filter?: RegionFilter | null;
}

@ObjectType()
export class RegionConnection extends ConnectionType(Region) {}

@ObjectType({ description: 'WGS-84 coordinates.' })
export class LatLng extends LatLngFields {}

@ObjectType()
export class LevelCount {
  @Field(() => RegionLevelEnum)
  level: RegionLevel;

  @Field(() => Int)
  count: number;
}

import { REGION_LEVELS, type RegionLevel } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RegionLevelEnum } from './region-level.enum';

/**
 * Every level of the tree, from the city to a grid unit, in one table: later modules point at
 * a region by its statistical code and scope by its `path` (ltree, maintained by a trigger).
 */
@ObjectType({
  description: 'A node of the region tree: city, district, street, community or village, hamlet, grid unit.',
})
@Entity({ name: 'region' })
export class Region {
  @Field({
    description: 'Statistical division code: 6, 9 or 12 digits; 14 for a hamlet, 15 for a grid unit.',
  })
  @PrimaryColumn({ type: 'varchar', length: 15 })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => RegionLevelEnum)
  @Column({ type: 'enum', enum: REGION_LEVELS, enumName: 'region_level' })
  level: RegionLevel;

  @Field(() => String, { nullable: true })
  @Column({ name: 'parent_code', type: 'varchar', length: 15, nullable: true })
  parentCode: string | null;

  @Column({ type: 'ltree', select: false })
  path: string;

  @Field(() => String, {
    nullable: true,
    description: 'NBS urban-rural classification (城乡分类代码), villages and communities only.',
  })
  @Column({ name: 'urban_rural_code', type: 'char', length: 3, nullable: true })
  urbanRuralCode: string | null;

  @Column({ name: 'centroid_lat', type: 'double precision', nullable: true })
  centroidLat: number | null;

  @Column({ name: 'centroid_lng', type: 'double precision', nullable: true })
  centroidLng: number | null;

  /** GeoJSON geometry in WGS-84 (converted from GCJ-02 on import). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  boundary: object | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  households: number | null;

  @Field(() => DateResolver, { description: 'First day this region is valid.' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'First day it is no longer valid; null while current.',
  })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

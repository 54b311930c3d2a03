import type { ResidentTag } from '@qiangji/domain';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppError } from '../../common/app-error';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs, RegionRange, SubtreeFilter } from '../../common/graphql-types';
import { VersionedInput, VersionedRow } from '../../common/versioned';
import { ResidentTagEnum } from '../resident/resident.types';

@ObjectType({ description: 'A grid unit (网格): the smallest cell of the region tree, with its workers.' })
export class GridUnit {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => DateResolver)
  validFrom: string;

  @Field(() => DateResolver, { nullable: true, description: 'First day it is no longer valid (redrawn).' })
  validTo: string | null;

  @Field(() => JSONResolver, {
    nullable: true,
    description: 'GeoJSON in WGS-84, when a boundary was imported.',
  })
  boundary: object | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'The last day it reported: an event or a zero report (none: never).',
  })
  lastReportedDay: string | null;
}

@ObjectType()
export class GridUnitConnection extends ConnectionType(GridUnit) {}

/** The days a unit list narrows to units with neither an event nor a zero report on (both given, or neither). */
@InputType()
export class GridUnitFilter extends SubtreeFilter {
  @Field(() => String, { nullable: true, description: 'Part of the unit’s name or code.' })
  q?: string | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'With `unreportedTo`: only the units with neither an event nor a zero report on those days.',
  })
  unreportedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Inclusive.' })
  unreportedTo?: Date | null;
}

/** `filter`, or the arguments the list took before it had one (kept for district systems that call them). */
@ArgsType()
export class GridUnitsArgs extends FilteredPageArgs(GridUnitFilter) {
  @Field(() => String, {
    nullable: true,
    description: 'Grid units valid today in this region’s subtree.',
    deprecationReason: 'Use filter.regionCode.',
  })
  regionCode?: string | null;

  @Field(() => DateResolver, { nullable: true, deprecationReason: 'Use filter.unreportedFrom.' })
  unreportedFrom?: Date | null;

  @Field(() => DateResolver, { nullable: true, deprecationReason: 'Use filter.unreportedTo.' })
  unreportedTo?: Date | null;
}

/** The list's filter: `filter`, or else the old arguments; both at once would be two answers to one question. */
export function gridUnitFilter(
  filter: GridUnitFilter | null | undefined,
  old: GridUnitFilter,
): GridUnitFilter {
  const oldGiven = Object.values(old).some((v) => v != null);
  if (filter && oldGiven)
    throw AppError.badInput('Give the filter or the old arguments, not both.', 'filter');
  return filter ?? old;
}

@ObjectType({ description: 'A grid worker (网格员) on a grid unit for a time.' })
export class GridWorkerAssignment extends VersionedRow {
  @Field()
  regionCode: string;

  @Field(() => ID, { nullable: true, description: 'The worker’s account, when the worker signs in.' })
  userId: string | null;

  @Field()
  workerName: string;

  @Field(() => DateResolver)
  validFrom: string;

  @Field(() => DateResolver, { nullable: true, description: 'Last day on the unit; null while assigned.' })
  validTo: string | null;
}

@InputType()
export class AssignGridWorkerInput {
  @Field({ description: 'The grid unit.' })
  regionCode: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An enabled account with the GRID_WORKER role in the district.',
  })
  userId?: string | null;

  @Field()
  workerName: string;

  @Field(() => DateResolver)
  validFrom: Date;
}

@InputType()
export class EndGridWorkerAssignmentInput extends VersionedInput {
  @Field(() => DateResolver, { description: 'The last day on the unit.' })
  validTo: Date;
}

@ObjectType({ description: 'A household’s grid unit for a time: its history when it moves.' })
export class HouseholdGridMembership {
  @Field()
  regionCode: string;

  @Field(() => DateResolver)
  validFrom: string;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'The day it moved away; null for the current unit.',
  })
  validTo: string | null;

  householdId: string;
}

@InputType()
export class MoveHouseholdToGridUnitInput {
  @Field(() => ID)
  householdId: string;

  @Field(() => Int, { description: 'The household’s version.' })
  expectedVersion: number;

  @Field({ description: 'The new grid unit, valid on `on`.' })
  regionCode: string;

  @Field(() => DateResolver, { description: 'The day of the move; not in the future.' })
  on: Date;
}

@ObjectType({ description: 'A zero report (零上报): a grid worker found nothing to report that day.' })
export class ZeroReport {
  @Field(() => ID)
  id: string;

  @Field()
  regionCode: string;

  @Field(() => DateResolver)
  day: string;

  @Field()
  reporterName: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@InputType()
export class ReportNothingInput {
  @Field({ description: 'The grid unit.' })
  regionCode: string;

  @Field(() => DateResolver, {
    description: 'The day patrolled; not in the future. Sending it twice is harmless.',
  })
  day: Date;
}

@ObjectType({ description: 'How much of the grid reported: unit-days with an event or a zero report.' })
export class GridCoverage extends RegionRange {
  @Field(() => Int, { description: 'Grid units valid on at least one day of the period.' })
  gridUnits: number;

  @Field(() => Int)
  unitDays: number;

  @Field(() => Int)
  coveredUnitDays: number;

  @Field(() => Float, {
    nullable: true,
    description: 'coveredUnitDays ÷ unitDays (coverageRate in the domain).',
  })
  coverageRate: number | null;

  @Field(() => Int, { description: 'Grid units with at least one day of neither events nor a zero report.' })
  gapUnits: number;
}

@ObjectType({ description: 'A grid unit with days of neither events nor a zero report.' })
export class GridCoverageGap {
  @Field()
  regionCode: string;

  @Field(() => Int)
  unitDays: number;

  @Field(() => Int)
  missingDays: number;

  @Field(() => Int)
  coveredUnitDays: number;
}

@ObjectType()
export class GridCoverageGapConnection extends ConnectionType(GridCoverageGap) {}

@ArgsType()
export class GridCoverageArgs {
  @Field(() => String, { nullable: true, description: 'Default: your jurisdiction.' })
  regionCode?: string | null;

  @Field(() => DateResolver)
  from: Date;

  @Field(() => DateResolver, { description: 'Inclusive; at most 62 days after `from`.' })
  to: Date;
}

@ObjectType({ description: 'Residents with a tag of the registry (special groups, floating population).' })
export class ResidentTagCount {
  @Field(() => ResidentTagEnum)
  tag: ResidentTag;

  @Field(() => Int)
  residents: number;
}

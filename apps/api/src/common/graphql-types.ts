import { DateResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Float, InputType, ObjectType } from 'type-graphql';
import { PageArgs } from './connection';

/**
 * The fields many types share, declared once. type-graphql copies a parent's fields into every child (they
 * come first in the schema), and since 2.0 it emits only the types the schema reaches: these parents are
 * never referenced, so they stay out of the schema and the GraphQL names are those of the children.
 */

/** A point in WGS-84 degrees, as an output and as an input (the names are given by the children). */
@ObjectType()
@InputType('LatLngFieldsInput')
export class LatLngFields {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

/** A create that a client may retry after a lost answer: the same key returns the first result. */
@InputType()
export class IdempotentInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

/** A list filter on a subtree of the region tree. */
@InputType()
export class SubtreeFilter {
  @Field(() => String, { nullable: true, description: 'The whole subtree of this region.' })
  regionCode?: string | null;
}

/** A list's arguments: the page, and the filter of that list. */
export function FilteredPageArgs<F extends object>(filter: ClassType<F>) {
  @ArgsType()
  class FilteredPage extends PageArgs {
    @Field(() => filter, { nullable: true })
    filter?: F | null;
  }
  return FilteredPage;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = abstract new (...args: any[]) => T;

/** Figures of a region's subtree over a range of days: the region and the range, then the figures. */
export function InRange<B extends Constructor>(figures: B) {
  @ObjectType()
  abstract class RangeFigures extends figures {
    @Field()
    regionCode: string;

    @Field(() => DateResolver)
    from: string;

    @Field(() => DateResolver)
    to: string;
  }
  return RangeFigures;
}

/** Figures of a region's subtree over a range of days, with no figures shared with other types. */
@ObjectType()
export class RegionRange extends InRange(class {}) {}

/** The same figures of one direct child region (its whole subtree): a `byChildRegion` row. */
export function OfRegion<B extends Constructor>(figures: B, description?: string) {
  @ObjectType()
  abstract class RegionFigures extends figures {
    @Field({ description })
    regionCode: string;
  }
  return RegionFigures;
}

/** The same figures of one calendar month (China time): a `byMonth` row. */
export function OfMonth<B extends Constructor>(figures: B, description = 'The month, YYYY-MM, China time.') {
  @ObjectType()
  abstract class MonthFigures extends figures {
    @Field({ description })
    month: string;
  }
  return MonthFigures;
}

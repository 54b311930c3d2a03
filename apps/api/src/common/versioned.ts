import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

/**
 * The fields of every object changed under optimistic locking (a table with `version`, `created_at` and
 * `updated_at`): its GraphQL type extends this one, so they read the same on every type. Neither class is a type
 * of the schema: type-graphql 2 emits only the types a field or an argument reaches.
 */
@ObjectType()
export class VersionedRow {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass it back as expectedVersion with the next change.' })
  version: number;
}

/** A versioned row that shows when it was recorded. */
@ObjectType()
export class RecordedRow extends VersionedRow {
  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType()
export class VersionedNode extends RecordedRow {
  @Field(() => DateTimeResolver)
  updatedAt: Date;
}

/** The fields every change of a `VersionedNode` starts with: which one, and the version the caller last saw. */
@InputType()
export class VersionedInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you last saw; a stale one is CONFLICT.' })
  expectedVersion: number;
}

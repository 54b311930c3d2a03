import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { MODULES } from './modules';

/** Resolvers are stateless: they reach the services through the request context. */
export function createSchema(): Promise<GraphQLSchema> {
  // No type-graphql middleware or auth checker runs here (authorization is the services'), so a plain field needs
  // no wrapper around reading its property: graphql's default resolver reads it, once per field and row.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  return buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: MODULES.flatMap((m) => m.resolvers ?? []) as NonEmptyArray<Function>,
    validate: { forbidUnknownValues: false },
  });
}

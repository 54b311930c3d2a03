import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { MODULES } from './modules';

/** Resolvers are stateless: they reach the services through the request context. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: MODULES.flatMap((m) => m.resolvers ?? []) as NonEmptyArray<Function>,
    validate: { forbidUnknownValues: false },
  });
}

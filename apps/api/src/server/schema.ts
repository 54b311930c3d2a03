import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage as validationMetadata } from 'class-validator';
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
    validate: argumentValidation(),
  });
}

/**
 * class-validator's checks of arguments and inputs, when any class declares one. None does today (inputs are
 * checked by the services and the domain), and validating would cost every resolver call with an argument a
 * dynamic import and a walk that finds nothing; the first constraint declared turns it back on.
 */
export function argumentValidation() {
  return validationMetadata().hasValidationMetaData ? { forbidUnknownValues: false } : false;
}

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RegionResolver } from '../modules/region/region.resolver';
import type { Services } from './context';

const RESOLVERS = [RegionResolver] as const;

/** Resolvers are built once with the services they need; type-graphql asks this container for them. */
export function createSchema(services: Services): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>([[RegionResolver, new RegionResolver(services.region)]]);
  return buildSchema({
    resolvers: RESOLVERS,
    container: { get: (someClass) => instances.get(someClass) },
    validate: { forbidUnknownValues: false },
  });
}

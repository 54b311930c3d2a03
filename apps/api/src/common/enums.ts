import { registerEnumType } from 'type-graphql';

/** A GraphQL enum from one of the domain's value lists: the schema cannot drift from the domain. */
export function enumOf<const T extends string>(values: readonly T[], name: string, description?: string) {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(e, { name, description });
  return e;
}

import { AUTH_OPERATIONS } from '../auth/operations';
import { buildQueries } from '../graphql-resource';
import { FEATURES } from './index';

/**
 * Every GraphQL operation the dashboard sends, by a name for test reports: each feature's list, record, writes
 * and commands as the data provider builds them, and the session's own. The schema test validates them all.
 */
export function allDocuments(): [name: string, document: string][] {
  const features = FEATURES.flatMap((feature) => {
    const { list, one, create, update, commands } = buildQueries(feature.graphql);
    const named: [string, string | undefined][] = [
      ['list', list],
      ['one', one],
      ['create', create],
      ['update', update],
      ...Object.entries(commands),
    ];
    return named
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, document]): [string, string] => [`${feature.name}.${name}`, document]);
  });
  const auth = Object.entries(AUTH_OPERATIONS).map(([name, document]): [string, string] => [
    `auth.${name}`,
    document,
  ]);
  return [...features, ...auth];
}

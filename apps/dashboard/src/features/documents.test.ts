import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { allDocuments } from './documents';

// The schema the API build emits and commits: a field renamed there fails here, not on a user's screen.
const SCHEMA = buildSchema(readFileSync(path.resolve(__dirname, '../../../api/schema.graphql'), 'utf8'));

describe('the dashboard’s GraphQL operations', () => {
  const documents = allDocuments();

  it('when collected, then every feature contributes its operations, each named once', () => {
    const names = documents.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['regions.list', 'disputeCases.stats', 'residents.reveal', 'auth.LOGIN']),
    );
  });

  it.each(documents)(
    'when %s is validated against apps/api/schema.graphql, then it has no error',
    (_, document) => {
      expect(validate(SCHEMA, parse(document)).map((error) => error.message)).toEqual([]);
    },
  );

  it('when a field is renamed in the schema, then validation fails', () => {
    const renamed = buildSchema(
      readFileSync(path.resolve(__dirname, '../../../api/schema.graphql'), 'utf8').replace(
        /^(\s+)qualifiedName: String!$/m,
        '$1displayName: String!',
      ),
    );
    const [, regions] = documents.find(([name]) => name === 'regions.list')!;
    expect(validate(renamed, parse(regions)).map((error) => error.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('qualifiedName')]),
    );
  });
});

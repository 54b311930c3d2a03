import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../server/schema';

/** Writes schema.graphql at build time, so every API change shows up in review. */
createSchema().then((schema) => {
  const file = path.resolve(__dirname, '../../schema.graphql');
  writeFileSync(file, printSchema(lexicographicSortSchema(schema)) + '\n');
});

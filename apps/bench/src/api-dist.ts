import path from 'node:path';

/** The built API (apps/api/dist): the bench runs it, its prepare step and its embedded PostgreSQL. */
export const API_DIR = path.resolve(__dirname, '../../api');
export const REPO_DIR = path.resolve(API_DIR, '../..');

/** A module of the built API; `npm run bench` builds it first. */
export function apiModule<T>(file: string): T {
  return require(path.join(API_DIR, 'dist', file)) as T; // eslint-disable-line @typescript-eslint/no-require-imports
}

import DataLoader from 'dataloader';
import { groupBy } from './group-by';

/** A loader of rows by their key: each key gets its row, or null when the batch did not return it. */
export function byKeyLoader<T>(find: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader(async (keys: readonly string[]) => {
    const rows = new Map((await find(keys)).map((r) => [keyOf(r), r]));
    return keys.map((k) => rows.get(k) ?? null);
  });
}

/** A loader of rows by their id. */
export function byIdLoader<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) {
  return byKeyLoader(find, (row) => row.id);
}

/** A loader of the rows that belong to each key (a household's members, a case's parties), in batch order. */
export function groupLoader<T>(find: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader(async (keys: readonly string[]) => {
    const rows = groupBy(await find(keys), keyOf);
    return keys.map((k) => rows.get(k) ?? []);
  });
}

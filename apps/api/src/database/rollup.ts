import type { QueryRunner } from 'typeorm';
import { addScopedTable } from './scoped-table';

/**
 * Rollups: counts of a module's facts by region and a key (a month), kept by statement triggers in the same
 * transaction as the facts, so a figure read from them is never stale and no writer can forget them (the API's
 * commands, the seed's bulk inserts, an import and a region move all go through the triggers).
 *
 * A rollup row is keyed by a region's code and its keys. With `ancestors`, a fact counts in its own region
 * and in every region above it (a command view reads the row of the region it shows and those of its children,
 * not the facts below them: the city costs what a community costs); without, only in its own region. A list of
 * places (recurring disputes) keeps the place as a key of its own, under every region above it. The rows carry
 * their region's path, so row-level security scopes them like the facts, and they follow a region that moves
 * like every scoped row.
 */
export interface RollupTable {
  table: string;
  /** The key columns besides the region, with their SQL types, e.g. `{ month: 'date' }`. */
  keys: Readonly<Record<string, string>>;
  /** The counted columns, each with what it counts (a column comment for whoever reads the table). */
  measures: Readonly<Record<string, string>>;
  /** The measures kept as bigint (sums of money that outgrow an integer at the city's row). */
  bigint?: readonly string[];
}

const measureType = (t: RollupTable, m: string) => (t.bigint?.includes(m) ? 'bigint' : 'integer');

/** A rollup by region and month. */
export function monthlyRollup(table: string, measures: RollupTable['measures']): RollupTable {
  return { table, keys: { month: 'date' }, measures };
}

/** The month (its first day) in China time of an instant: the `month` key of facts stamped with a time. */
export const chinaMonth = (instant: string) =>
  `date_trunc('month', ${instant} AT TIME ZONE 'Asia/Shanghai')::date`;

/** What one kind of fact adds to a rollup: per fact row (alias `f`), its keys and its counts. */
export interface RollupSource {
  fact: string;
  /** SQL of the fact's region path: `f.region_path` unless the facts are regions themselves (`f.path`). */
  path?: string;
  /** Joined to the fact for columns of another table, e.g. a party's case: `JOIN dispute_case c ON …`. */
  join?: string;
  ancestors: boolean;
  contributions: readonly {
    /** SQL of each key from the row `f`. */
    keys: Readonly<Record<string, string>>;
    /** Which rows count; all by default. */
    where?: string;
    /** SQL of an integer per row for the measures this contribution counts (the others count 0). */
    measures: Readonly<Record<string, string>>;
  }[];
}

/** The rollup table, scoped and readable by the request role, never writable by it. */
export async function createRollupTable(q: QueryRunner, t: RollupTable): Promise<void> {
  const keys = Object.entries(t.keys).map(([name, type]) => `${name} ${type} NOT NULL`);
  const measures = Object.keys(t.measures).map(
    (name) => `${name} ${measureType(t, name)} NOT NULL DEFAULT 0`,
  );
  await q.query(`
    CREATE TABLE ${t.table} (
      region_code varchar(15) NOT NULL,
      ${[...keys, ...measures].join(',\n      ')},
      PRIMARY KEY (region_code, ${Object.keys(t.keys).join(', ')})
    )`);
  for (const [name, meaning] of Object.entries(t.measures))
    await q.query(`COMMENT ON COLUMN ${t.table}.${name} IS ${quote(meaning)}`);
  await addScopedTable(q, t.table, { pathFromRegionCode: false, grants: ['SELECT'] });
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The deltas of the rows in `rows` (old or new transition table) with a sign: one SELECT per contribution,
 * every measure present (0 where the contribution does not count it).
 */
function deltas(t: RollupTable, s: RollupSource, rows: string, sign: 1 | -1): string[] {
  return s.contributions.map((c) => {
    const keys = Object.keys(t.keys).map((k) => `${c.keys[k]} AS ${k}`);
    // A comparison with NULL (an outcome not yet known) counts as 0, not as an unknown that empties the sum.
    const measures = Object.keys(t.measures).map(
      (m) => `${sign} * coalesce(${c.measures[m] ?? '0'}, 0) AS ${m}`,
    );
    return `SELECT ${s.path ?? 'f.region_path'} AS region_path, ${sign} AS sign, ${[...keys, ...measures].join(', ')} FROM ${rows} f ${s.join ?? ''}
      WHERE ${c.where ?? 'true'}`;
  });
}

/** Adds the signed deltas to the rollup rows of each fact's region (and its ancestors): one statement. */
function applySql(t: RollupTable, s: RollupSource, parts: string[]): string {
  const keys = Object.keys(t.keys);
  const measures = Object.keys(t.measures);
  const path = s.ancestors ? 'subpath(d.region_path, 0, i)' : 'd.region_path';
  const levels = s.ancestors ? ', generate_series(1, nlevel(d.region_path)) AS i' : '';
  // By code, not path: in a region move the old and the new path of one region meet here, and the row keeps
  // the new one (the region's own rows follow the move through qiangji_follow_region besides).
  return `
    INSERT INTO ${t.table} AS r (region_code, region_path, ${[...keys, ...measures].join(', ')})
    SELECT g.code, g.path, ${[...keys, ...measures].map((c) => `g.${c}`).join(', ')}
    FROM (
      SELECT ltree2text(subpath(${path}, -1)) AS code, (array_agg(${path} ORDER BY d.sign DESC))[1] AS path,
        ${keys.map((k) => `d.${k}`).join(', ')}, ${measures.map((m) => `sum(d.${m})::${measureType(t, m)} AS ${m}`).join(', ')}
      FROM (${parts.join('\n      UNION ALL ')}) d${levels}
      GROUP BY ${['1', ...keys.map((k) => `d.${k}`)].join(', ')}
      HAVING ${measures.map((m) => `sum(d.${m}) <> 0`).join(' OR ')}
    ) g
    ON CONFLICT (region_code, ${keys.join(', ')}) DO UPDATE SET
      ${measures.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`;
}

/**
 * Keeps a rollup from one kind of fact: a statement trigger per event (PostgreSQL gives transition tables to
 * single-event triggers only), set-based, so a bulk insert of the seed costs one statement, not one per row.
 * An update subtracts what the old rows counted and adds what the new ones count, so a changed state, a changed
 * region or a region move (which rewrites the facts' paths) all land on the right rows; an update that changes
 * nothing counted writes nothing. SECURITY DEFINER: a district officer's command changes the city's row, which
 * the officer may not read. The existing facts are counted once, when the source is added.
 */
export async function addRollupSource(q: QueryRunner, t: RollupTable, s: RollupSource): Promise<void> {
  const fn = `${t.table}_from_${s.fact}`;
  const insert = applySql(t, s, deltas(t, s, 'new_rows', 1));
  const update = applySql(t, s, [...deltas(t, s, 'old_rows', -1), ...deltas(t, s, 'new_rows', 1)]);
  const remove = applySql(t, s, deltas(t, s, 'old_rows', -1));
  await addStatementTriggers(q, fn, s.fact, { insert, update, remove });
  await q.query(applySql(t, s, deltas(t, s, s.fact, 1)));
}

/**
 * A trigger function `fn` and its statement triggers on `table`, one per event (PostgreSQL gives transition tables
 * `new_rows` and `old_rows` to single-event triggers only): the SQL of each event's body, run with the owner's
 * rights (SECURITY DEFINER: a district officer's write changes rows the officer may not read), by no one else.
 */
export async function addStatementTriggers(
  q: QueryRunner,
  fn: string,
  table: string,
  body: { insert: string; update: string; remove: string },
): Promise<void> {
  await q.query(`
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${body.insert};
      ELSIF TG_OP = 'UPDATE' THEN ${body.update};
      ELSE ${body.remove};
      END IF;
      RETURN NULL;
    END $$`);
  await q.query(`REVOKE ALL ON FUNCTION ${fn}() FROM PUBLIC`);
  for (const [event, tables] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ])
    await q.query(`
      CREATE TRIGGER ${fn}_${event.toLowerCase()} AFTER ${event} ON ${table}
      REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
}

/** Undoes `createRollupTable` and `addRollupSource` for each of `facts`: a migration's `down`. */
export async function dropRollup(q: QueryRunner, table: string, facts: readonly string[]): Promise<void> {
  for (const fact of facts) {
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER ${table}_from_${fact}_${event} ON ${fact}`);
    await q.query(`DROP FUNCTION ${table}_from_${fact}()`);
  }
  await q.query(`DROP TABLE ${table}`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addRollupSource,
  addStatementTriggers,
  createRollupTable,
  dropRollup,
  type RollupTable,
} from '../rollup';
import { addScopedTable } from '../scoped-table';

/** The periods a picker offers whole, by their grain's letter and `date_trunc` unit. */
const GRAINS = `(VALUES ('M', 'month'), ('Q', 'quarter'), ('Y', 'year')) g (grain, unit)`;

const SPANS: RollupTable = {
  table: 'cadre_posted_rollup',
  keys: { grain: 'char(1)', period: 'date' },
  measures: {
    starts:
      'cadres whose run of periods posted under the region (their home under it too) starts in the period',
    ends: 'such runs that end in the period (an open posting never ends)',
  },
};

const VISITS: RollupTable = {
  table: 'cadre_period_visit_rollup',
  keys: { grain: 'char(1)', period: 'date', visits: 'integer' },
  measures: { cadres: 'cadres posted under the region in the period with this many visits under it' },
};

/** The two tables of rows per cadre, region above and grain: their own columns and the last of their key. */
const TABLES = [
  ['cadre_posted_span', 'first date NOT NULL, last date NOT NULL CHECK (last >= first)', 'first'],
  ['cadre_period_visits', 'period date NOT NULL, visits integer NOT NULL CHECK (visits > 0)', 'period'],
] as const;

const SPAN_COLUMNS = ['region_code', 'region_path', 'grain', 'cadre_id', 'first', 'last'];
const VISIT_COLUMNS = ['region_code', 'region_path', 'grain', 'period', 'cadre_id', 'visits'];

/**
 * The runs of periods of each grain the cadres `cadres` were posted under each region above a posting that also
 * holds their home: postings that overlap (or touch one period) make one run.
 */
const SPANS_OF = `
  CREATE FUNCTION cadre_posted_span_of(cadres uuid[])
  RETURNS TABLE (region_code varchar, region_path ltree, grain char(1), cadre_id uuid, first date, last date)
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    WITH posted AS (
      SELECT subpath(p.region_path, 0, i) AS path, g.grain, p.cadre_id,
        date_trunc(g.unit, p.starts_on)::date AS first,
        coalesce(date_trunc(g.unit, p.ends_on)::date, 'infinity') AS last
      FROM posting p JOIN stationed_cadre k ON k.id = p.cadre_id
      CROSS JOIN generate_series(1, nlevel(p.region_path)) i CROSS JOIN ${GRAINS}
      WHERE p.cadre_id = ANY (cadres) AND k.region_path <@ subpath(p.region_path, 0, i)),
    reach AS (
      SELECT *, max(last) OVER (PARTITION BY path, grain, cadre_id ORDER BY first, last
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM posted),
    runs AS (
      SELECT *, count(*) FILTER (WHERE before IS NULL OR first > before)
        OVER (PARTITION BY path, grain, cadre_id ORDER BY first, last) AS run FROM reach)
    SELECT ltree2text(subpath(path, -1))::varchar, path, grain::char(1), cadre_id, min(first), max(last)
    FROM runs GROUP BY path, grain, cadre_id, run
  $$`;

/** The visits of `cadres` in the `years` (all when NULL) by region above, grain and period, where posted then. */
const VISITS_OF = `
  CREATE FUNCTION cadre_period_visits_of(cadres uuid[], years date[])
  RETURNS TABLE (region_code varchar, region_path ltree, grain char(1), period date, cadre_id uuid, visits integer)
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT v.code, v.path, v.grain, v.period, v.cadre_id, v.visits FROM (
      SELECT ltree2text(subpath(v.region_path, i - 1, 1))::varchar AS code, subpath(v.region_path, 0, i) AS path,
        g.grain::char(1) AS grain, date_trunc(g.unit, v.visited_on)::date AS period, v.cadre_id,
        count(*)::int AS visits
      FROM visit v CROSS JOIN generate_series(1, nlevel(v.region_path)) i CROSS JOIN ${GRAINS}
      WHERE v.cadre_id = ANY (cadres)
        AND (years IS NULL OR date_trunc('year', v.visited_on)::date = ANY (years))
      GROUP BY 1, 2, 3, 4, 5) v
    -- The cadres' own runs (by the key's first column): a hash of every cadre's runs cost a visit 20 ms.
    WHERE EXISTS (SELECT 1 FROM cadre_posted_span s WHERE s.cadre_id = ANY (cadres) AND s.cadre_id = v.cadre_id
      AND s.region_code = v.code AND s.grain = v.grain AND s.first <= v.period AND s.last >= v.period)
  $$`;

/** Deletes the rows of `table` within `reach` that `desired` lacks and inserts those it adds: only what changed. */
function refreshSql(
  table: string,
  columns: readonly string[],
  key: readonly string[],
  reach: string,
  desired: string,
) {
  const of = (alias: string, names: readonly string[]) => names.map((c) => `${alias}.${c}`).join(', ');
  const reached = `SELECT ${of('y', columns)} FROM ${table} y WHERE ${reach}`;
  const wanted = `SELECT ${of('d', columns)} FROM ${desired} d`;
  return `
    DELETE FROM ${table} y USING (${reached} EXCEPT ${wanted}) x WHERE (${of('y', key)}) = (${of('x', key)});
    INSERT INTO ${table} (${columns.join(', ')}) ${wanted} EXCEPT ${reached};`;
}

/** Brings the runs posted of `cadres` up to date (a posting or a home changed). */
const SPANS_REFRESH = `
  CREATE FUNCTION cadre_posted_span_refresh(cadres uuid[]) RETURNS void LANGUAGE sql
  SET search_path = public, pg_temp AS $$
    ${refreshSql(
      'cadre_posted_span',
      SPAN_COLUMNS,
      ['cadre_id', 'region_code', 'grain', 'first'],
      'y.cadre_id = ANY (cadres)',
      'cadre_posted_span_of(cadres)',
    )}
  $$`;

/** Brings the visits of `cadres` in `years` (all when NULL) up to date: a visit changes a few rows of its year. */
const VISITS_REFRESH = `
  CREATE FUNCTION cadre_period_visits_refresh(cadres uuid[], years date[]) RETURNS void LANGUAGE sql
  SET search_path = public, pg_temp AS $$
    ${refreshSql(
      'cadre_period_visits',
      VISIT_COLUMNS,
      ['cadre_id', 'region_code', 'grain', 'period'],
      `y.cadre_id = ANY (cadres) AND (years IS NULL OR date_trunc('year', y.period)::date = ANY (years))`,
      'cadre_period_visits_of(cadres, years)',
    )}
  $$`;

const FUNCTIONS = [
  'cadre_posted_span_of(uuid[])',
  'cadre_period_visits_of(uuid[], date[])',
  'cadre_posted_span_refresh(uuid[])',
  'cadre_period_visits_refresh(uuid[], date[])',
];

/** The cadres a statement's rows (`rows`: a transition table) reach, by the column that names them. */
const cadresOf = (rows: string, column: string) => `ARRAY(SELECT DISTINCT f.${column} FROM ${rows} f)`;
/** The years of the visits among `rows`. */
const yearsOf = (rows: string) =>
  `ARRAY(SELECT DISTINCT date_trunc('year', f.visited_on)::date FROM ${rows} f)`;

const SOURCES = [
  ['visit', 'cadre_id'],
  ['posting', 'cadre_id'],
  ['stationed_cadre', 'id'],
] as const;

/**
 * The command view's alert of cadres below their visit target (issue 13) over a whole month, quarter or year,
 * from a few rows per region instead of a row per cadre of the subtree (about 2,000 for the city):
 *
 * - `cadre_posted_span`: for each cadre and each region above one of its postings that also holds its home, the
 *   runs of periods of each grain it was posted there (an open posting runs to infinity, so the calendar turning
 *   needs no writer); `cadre_posted_rollup` counts the runs' starts and ends by region and period. The cadres
 *   posted under a region in period P: the starts up to P less the ends before P.
 * - `cadre_period_visits`: the visits of each such cadre under the region in each period it was posted there (rows
 *   only where it visited); `cadre_period_visit_rollup` counts the cadres by region, period and visits. The
 *   cadres below a target T: those posted less those with T visits or more.
 *
 * Both are kept by statement triggers on visits, postings and cadres in their transaction, recomputing what a
 * statement reaches (`cadre_posted_span_refresh`, `cadre_period_visits_refresh`: a visit its cadre's year, a
 * posting or a cadre the cadre) and writing only the rows that changed; a region move rewrites those facts' paths
 * and so refreshes them too. Other periods (a custom range) still read the cadres one by one.
 */
export class CadreTargetRollups1765850000000 implements MigrationInterface {
  name = 'CadreTargetRollups1765850000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, key] of TABLES) {
      await q.query(`
        CREATE TABLE ${table} (
          region_code varchar(15) NOT NULL,
          grain char(1) NOT NULL,
          cadre_id uuid NOT NULL,
          ${columns},
          PRIMARY KEY (cadre_id, region_code, grain, ${key})
        )`);
      await addScopedTable(q, table, { pathFromRegionCode: false, grants: ['SELECT'] });
      // Read by the refreshes alone, by cadre; the rollups above them are what the API reads by region. The
      // index cost the seed's bulk load of half a million rows most of its time.
      await q.query(`DROP INDEX ${table}_region_path_gist`);
    }
    for (const fn of [SPANS_OF, VISITS_OF, SPANS_REFRESH, VISITS_REFRESH]) await q.query(fn);
    for (const fn of FUNCTIONS) await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    for (const [fact, column] of SOURCES) {
      // A visit reaches its cadre's visits of its year; a posting or a cadre the cadre's runs and every year.
      const refresh = (rows: string) =>
        fact === 'visit'
          ? `PERFORM cadre_period_visits_refresh(${cadresOf(rows, column)}, ${yearsOf(rows)})`
          : `PERFORM cadre_posted_span_refresh(${cadresOf(rows, column)});
             PERFORM cadre_period_visits_refresh(${cadresOf(rows, column)}, NULL)`;
      // A bulk load (the seed) brings the planner's statistics up first, as the other refreshes do.
      const analyzed = `IF (SELECT count(*) FROM new_rows) >= 1000 THEN ANALYZE ${fact}; END IF`;
      await addStatementTriggers(q, `cadre_target_from_${fact}`, fact, {
        insert: `${analyzed}; ${refresh('new_rows')}`,
        update: `${refresh('old_rows')}; ${refresh('new_rows')}`,
        remove: refresh('old_rows'),
      });
    }
    await createRollupTable(q, SPANS);
    await addRollupSource(q, SPANS, {
      fact: 'cadre_posted_span',
      ancestors: false,
      contributions: [
        { keys: { grain: 'f.grain', period: 'f.first' }, measures: { starts: '1' } },
        {
          keys: { grain: 'f.grain', period: 'f.last' },
          where: `f.last <> 'infinity'`,
          measures: { ends: '1' },
        },
      ],
    });
    await createRollupTable(q, VISITS);
    await addRollupSource(q, VISITS, {
      fact: 'cadre_period_visits',
      ancestors: false,
      contributions: [
        { keys: { grain: 'f.grain', period: 'f.period', visits: 'f.visits' }, measures: { cadres: '1' } },
      ],
    });
    const all = 'ARRAY(SELECT id FROM stationed_cadre)';
    await q.query(`SELECT cadre_posted_span_refresh(${all}), cadre_period_visits_refresh(${all}, NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRollup(q, 'cadre_period_visit_rollup', ['cadre_period_visits']);
    await dropRollup(q, 'cadre_posted_rollup', ['cadre_posted_span']);
    for (const [fact] of SOURCES) {
      for (const event of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER cadre_target_from_${fact}_${event} ON ${fact}`);
      await q.query(`DROP FUNCTION cadre_target_from_${fact}()`);
    }
    for (const fn of [...FUNCTIONS].reverse()) await q.query(`DROP FUNCTION ${fn}`);
    await q.query(`DROP TABLE cadre_period_visits`);
    await q.query(`DROP TABLE cadre_posted_span`);
  }
}

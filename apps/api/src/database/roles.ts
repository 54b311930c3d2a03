import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { SetupError } from './setup-error';

/**
 * The database roles (docs/deploy.md#database-roles):
 * - `qiangji_owner` owns every table and function; migrations, the seed and the CLI run as it, never the API.
 * - `qiangji_app` (NOLOGIN) holds what a request may do; the policies of row-level security are written for it.
 * - `qiangji_api` is the API's login: a member of `qiangji_app`, owning nothing, no superuser, no BYPASSRLS.
 */
export const OWNER_ROLE = 'qiangji_owner';
export const APP_ROLE = 'qiangji_app';
export const API_ROLE = 'qiangji_api';

export interface RolePasswords {
  owner: string;
  api: string;
}

export interface DatabaseUrls {
  /** DATABASE_URL: the API's login. */
  apiUrl: string;
  /** MIGRATION_DATABASE_URL: the owner's login. */
  ownerUrl: string;
}

/** Any constant: two processes provisioning one server take turns. */
const PROVISION_LOCK = 20260101;

/**
 * As a superuser of a server (the embedded one, the test server): creates the roles, or resets their passwords
 * and attributes, and the database owned by the owner; objects a previous version created as the superuser pass
 * to the owner. Returns the two URLs. What an operator runs by hand instead is in docs/deploy.md.
 */
export async function provisionDatabase(
  superuserUrl: string,
  database: string,
  passwords: RolePasswords,
): Promise<DatabaseUrls> {
  await withClient(superuserUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [PROVISION_LOCK]);
    const ensure = async (role: string, attributes: string) => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await c.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes}`);
    };
    const safe = 'NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION';
    await ensure(OWNER_ROLE, `LOGIN ${safe} PASSWORD ${c.escapeLiteral(passwords.owner)}`);
    await ensure(APP_ROLE, `NOLOGIN ${safe}`);
    await ensure(API_ROLE, `LOGIN INHERIT ${safe} PASSWORD ${c.escapeLiteral(passwords.api)}`);
    await c.query(`GRANT ${APP_ROLE} TO ${API_ROLE}`);
    const { rows } = await c.query(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    const name = c.escapeIdentifier(database);
    if (!rows.length) await c.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`);
    else if (rows[0].owner !== OWNER_ROLE) await c.query(`ALTER DATABASE ${name} OWNER TO ${OWNER_ROLE}`);
  });
  const ownerUrl = urlFor(superuserUrl, database, OWNER_ROLE, passwords.owner);
  await withClient(urlFor(superuserUrl, database), async (c) => {
    await adoptObjects(c);
    await prepareExtensions(c);
  });
  return { ownerUrl, apiUrl: urlFor(superuserUrl, database, API_ROLE, passwords.api) };
}

/**
 * What only a superuser may do, once per database (docs/deploy.md has the same statements for a DBA): the
 * extensions, and ltree's subtree tests marked LEAKPROOF. They raise no error and reveal nothing but their
 * answer, and marked so PostgreSQL may test a query's own region filter, with its index, before the
 * row-level-security policy instead of after it: a page of one county's cases reads that county's rows, not
 * the whole city's. Without the mark every policy holds just the same, only slower (the API warns at start).
 */
export async function prepareExtensions(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  await db.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
  await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  for (const fn of LEAKPROOF_FUNCTIONS) await db.query(`ALTER FUNCTION ${fn} LEAKPROOF`);
}

/** `<@` and `@>` on ltree. */
export const LEAKPROOF_FUNCTIONS = ['ltree_isparent(ltree, ltree)', 'ltree_risparent(ltree, ltree)'];

/**
 * Gives the owner role every table, sequence, view, function and type of the schema that another role owns
 * (databases migrated before the roles existed belong to their login). Extension objects stay as they are.
 * The caller must be a superuser, or own those objects and be a member of the owner role.
 */
export async function adoptObjects(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  await db.query(`DO $$
    DECLARE o record;
    BEGIN
      FOR o IN
        SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}',
          CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
          c.oid::regclass) AS sql
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> '${OWNER_ROLE}'::regrole
          -- Extension members, and sequences that belong to a column (they follow their table).
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype IN ('e', 'a', 'i'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure)
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER_ROLE}'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', t.oid::regtype)
        FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> '${OWNER_ROLE}'::regrole AND t.typtype IN ('e', 'd')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
      LOOP
        EXECUTE o.sql;
      END LOOP;
    END $$`);
}

/**
 * Refuses an API login that row-level security would not bind: a superuser, a BYPASSRLS role, the owner of a
 * table, or a role that can become one of those.
 */
export async function assertApiRole(db: DataSource): Promise<void> {
  const [found] = await db.query(
    `SELECT current_user AS login, x.rolname AS role,
       CASE WHEN x.rolsuper THEN 'is a superuser' WHEN x.rolbypassrls THEN 'bypasses row-level security'
         ELSE 'owns tables' END AS why
     FROM pg_roles x
     WHERE pg_has_role(current_user, x.oid, 'MEMBER')
       AND (x.rolsuper OR x.rolbypassrls OR EXISTS (
         SELECT 1 FROM pg_class c WHERE c.relowner = x.oid AND c.relnamespace = 'public'::regnamespace))
     LIMIT 1`,
  );
  if (!found) return;
  const who = found.role === found.login ? found.login : `${found.login}, a member of ${found.role} which`;
  throw new SetupError(
    `DATABASE_URL signs in as ${who} ${found.why}, so row-level security would not bind the API: ` +
      `give the API the role ${API_ROLE} and the migrations ${OWNER_ROLE} (MIGRATION_DATABASE_URL), as docs/deploy.md says.`,
  );
}

/** A warning when a DBA has not marked ltree's subtree tests LEAKPROOF: correct, but lists scan whole cities. */
export async function warnUnlessLeakproof(db: DataSource, logger: Logger): Promise<void> {
  const rows: { fn: string }[] = await db.query(
    `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p WHERE p.oid = ANY($1::regprocedure[]) AND NOT p.proleakproof`,
    [LEAKPROOF_FUNCTIONS],
  );
  if (rows.length)
    logger.warn(
      { functions: rows.map((r) => r.fn) },
      'ltree functions are not LEAKPROOF: row-level security holds, but lists read whole jurisdictions (docs/deploy.md, database roles)',
    );
}

/** The server URL with another database and, when given, another login. */
export function urlFor(serverUrl: string, database: string, user?: string, password?: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password ?? '';
  }
  return url.toString();
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

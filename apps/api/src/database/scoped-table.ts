import type { QueryRunner } from 'typeorm';

/**
 * The caller's jurisdiction in a policy. No scope set, no rows: NULL contains nothing. Called directly, not as a
 * sub-select: PostgreSQL inlines the function and still estimates the query's own filters, so a page of one
 * county's cases walks the date index and stops after 50 rows (a sub-select made it read the whole county).
 */
export const SCOPE = `qiangji_scope()`;

type Grant = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * Makes a table of people or cases a scoped table, the one way (docs/architecture.md, "Adding a module"):
 * its `region_path` (taken from `region_code` by the shared trigger when the table has one; else the writer
 * copies its parent's), the GiST index, row-level security forced on everyone but the owner role, the policy
 * `region_path <@ scope` for reads and writes alike, and the grants of the request role. When a region moves in
 * the tree, `qiangji_follow_region` moves the copied paths of every table with a `region_path` at once.
 */
export async function addScopedTable(
  q: QueryRunner,
  table: string,
  opts: { pathFromRegionCode: boolean; grants: readonly Grant[] },
): Promise<void> {
  await q.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS region_path ltree NOT NULL`);
  if (opts.pathFromRegionCode)
    await q.query(`
      CREATE TRIGGER ${table}_region_path BEFORE INSERT OR UPDATE OF region_code ON ${table}
      FOR EACH ROW EXECUTE FUNCTION qiangji_path_from_region()`);
  await q.query(`CREATE INDEX IF NOT EXISTS ${table}_region_path_gist ON ${table} USING gist (region_path)`);
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
  await q.query(`DROP POLICY IF EXISTS ${table}_jurisdiction ON ${table}`);
  await q.query(`
    CREATE POLICY ${table}_jurisdiction ON ${table} TO qiangji_app
    USING (region_path <@ ${SCOPE}) WITH CHECK (region_path <@ ${SCOPE})`);
  // Migrations, the seed and the CLI run as the owner, for the whole city.
  await q.query(`DROP POLICY IF EXISTS ${table}_owner ON ${table}`);
  await q.query(`CREATE POLICY ${table}_owner ON ${table} TO qiangji_owner USING (true) WITH CHECK (true)`);
  await q.query(`GRANT ${opts.grants.join(', ')} ON ${table} TO qiangji_app`);
}

/** The functions every scoped table shares; created once, by the migration that introduced the helper. */
export async function createScopeFunctions(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE FUNCTION qiangji_scope() RETURNS ltree LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT NULLIF(current_setting('qiangji.scope', true), '')::ltree
    $$`);
  // A row's path comes from its region: no writer sets it, so none can get it wrong.
  await q.query(`
    CREATE FUNCTION qiangji_path_from_region() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT path INTO NEW.region_path FROM region WHERE code = NEW.region_code;
      RETURN NEW;
    END $$`);
  // A region that moves (a re-import with another parent) takes every scoped row placed on it along, in the
  // same transaction: access follows the move at once. Regions are written by the owner alone (imports), whose
  // policy reaches every row. The audit log keeps where things happened.
  await q.query(`
    CREATE FUNCTION qiangji_follow_region() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE t regclass;
    BEGIN
      FOR t IN
        SELECT a.attrelid::regclass FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE a.attname = 'region_path' AND NOT a.attisdropped AND c.relkind = 'r'
          AND c.relnamespace = 'public'::regnamespace AND c.relname <> 'audit_event'
      LOOP
        EXECUTE format('UPDATE %s SET region_path = $1 WHERE region_path = $2', t) USING NEW.path, OLD.path;
      END LOOP;
      RETURN NULL;
    END $$`);
  // Not "UPDATE OF path": a new parent sets the path in a BEFORE trigger, which a column list does not see.
  await q.query(`
    CREATE TRIGGER region_follow_scoped_rows AFTER UPDATE ON region
    FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION qiangji_follow_region()`);
}

/**
 * A version per table of reference data, bumped by every statement that changes the table: each request reads
 * them with its scope (no statement of its own) and keeps its in-memory copy of the table while they stand
 * (`common/reference-cache.ts`). A request that writes organisations bumps its counter, which is all the
 * UPDATE it is granted there allows: at worst, an extra reload.
 */
export async function createReferenceVersions(q: QueryRunner, tables: readonly string[]): Promise<void> {
  await q.query(`CREATE TABLE reference_version (name text PRIMARY KEY, version bigint NOT NULL DEFAULT 1)`);
  await q.query(`GRANT SELECT, UPDATE (version) ON reference_version TO qiangji_app`);
  await q.query(`
    CREATE FUNCTION qiangji_bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE reference_version SET version = version + 1 WHERE name = TG_TABLE_NAME;
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    await q.query(`INSERT INTO reference_version (name) VALUES ($1)`, [table]);
    await q.query(`
      CREATE TRIGGER ${table}_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION qiangji_bump_reference_version()`);
  }
}

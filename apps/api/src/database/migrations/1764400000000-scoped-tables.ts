import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addScopedTable, createReferenceVersions, createScopeFunctions } from '../scoped-table';
import { HOUSEHOLD_REGION_PATH_TRIGGER } from './1764190000000-access-residents-audit';

/** The tables of people and cases, and what the request role may do with each (never DELETE people). */
const SCOPED: [
  table: string,
  pathFromRegionCode: boolean,
  grants: ('SELECT' | 'INSERT' | 'UPDATE' | 'DELETE')[],
][] = [
  ['household', true, ['SELECT', 'INSERT', 'UPDATE']],
  // A resident's region is its household's (resident_set_region), not its own code's.
  ['resident', false, ['SELECT', 'INSERT', 'UPDATE']],
  ['mediator', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['mediator_membership', false, ['SELECT', 'INSERT', 'UPDATE', 'DELETE']],
  ['dispute_case', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['dispute_party', false, ['SELECT', 'INSERT']],
  ['dispute_case_event', false, ['SELECT', 'INSERT']],
  ['coordination_meeting', false, ['SELECT', 'INSERT', 'UPDATE']],
  ['coordination_meeting_decision', false, ['SELECT', 'INSERT']],
  ['petition_case', true, ['SELECT', 'INSERT', 'UPDATE']],
  ['legal_clinic_service', false, ['SELECT', 'INSERT', 'UPDATE']],
];

/**
 * Every table of people and cases through `addScopedTable`: row-level security forced (no role but the owner's
 * escapes it), one cheaper policy (the scope read once per statement), one trigger function for paths taken from
 * the region (instead of a copy per table), and paths that follow a region when it moves in the tree.
 */
export class ScopedTables1764400000000 implements MigrationInterface {
  name = 'ScopedTables1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // The subtree followed a new path only when an UPDATE named the path itself; a new parent (the usual move)
    // sets it in a BEFORE trigger, which "UPDATE OF path" does not see.
    await q.query(`DROP TRIGGER region_move_subtree ON region`);
    await q.query(`
      CREATE TRIGGER region_move_subtree AFTER UPDATE ON region
      FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION region_move_subtree()`);
    await createScopeFunctions(q);
    await q.query(`DROP TRIGGER household_set_region_path ON household`);
    for (const table of ['mediation_organization', 'mediator', 'dispute_case', 'petition_case'])
      await q.query(`DROP TRIGGER ${table}_region_path ON ${table}`);
    await q.query(`DROP FUNCTION household_set_region_path(), set_region_path()`);
    // The first migration named these two GiST indexes without the suffix the others have.
    await q.query(`ALTER INDEX household_region_path RENAME TO household_region_path_gist`);
    await q.query(`ALTER INDEX resident_region_path RENAME TO resident_region_path_gist`);
    for (const [table, pathFromRegionCode, grants] of SCOPED)
      await addScopedTable(q, table, { pathFromRegionCode, grants });
    // Organisations are reference data that everyone signed in reads; their path still comes from the region.
    await q.query(`
      CREATE TRIGGER mediation_organization_region_path BEFORE INSERT OR UPDATE OF region_code
      ON mediation_organization FOR EACH ROW EXECUTE FUNCTION qiangji_path_from_region()`);
    await createReferenceVersions(q, ['region', 'mediation_organization']);
  }

  async down(q: QueryRunner): Promise<void> {
    const scope = `NULLIF(current_setting('qiangji.scope', true), '')::ltree`;
    for (const [table, pathFromRegionCode] of SCOPED) {
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`DROP POLICY ${table}_owner ON ${table}`);
      await q.query(
        `ALTER POLICY ${table}_jurisdiction ON ${table} USING (region_path <@ ${scope}) WITH CHECK (region_path <@ ${scope})`,
      );
      if (pathFromRegionCode) await q.query(`DROP TRIGGER ${table}_region_path ON ${table}`);
    }
    await q.query(`DROP TRIGGER mediation_organization_region_path ON mediation_organization`);
    for (const table of ['region', 'mediation_organization'])
      await q.query(`DROP TRIGGER ${table}_reference_version ON ${table}`);
    await q.query(`DROP TABLE reference_version`);
    await q.query(`DROP FUNCTION qiangji_bump_reference_version()`);
    await q.query(`DROP TRIGGER region_follow_scoped_rows ON region`);
    await q.query(`ALTER INDEX household_region_path_gist RENAME TO household_region_path`);
    await q.query(`ALTER INDEX resident_region_path_gist RENAME TO resident_region_path`);
    for (const fn of ['household_set_region_path', 'set_region_path'])
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          SELECT path INTO NEW.region_path FROM region WHERE code = NEW.region_code;
          RETURN NEW;
        END $$`);
    await q.query(HOUSEHOLD_REGION_PATH_TRIGGER);
    for (const table of ['mediation_organization', 'mediator', 'dispute_case', 'petition_case'])
      await q.query(`
        CREATE TRIGGER ${table}_region_path BEFORE INSERT OR UPDATE OF region_code ON ${table}
        FOR EACH ROW EXECUTE FUNCTION set_region_path()`);
    await q.query(`DROP FUNCTION qiangji_follow_region(), qiangji_path_from_region(), qiangji_scope()`);
    await q.query(`DROP TRIGGER region_move_subtree ON region`);
    await q.query(`
      CREATE TRIGGER region_move_subtree AFTER UPDATE OF path ON region
      FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION region_move_subtree()`);
  }
}

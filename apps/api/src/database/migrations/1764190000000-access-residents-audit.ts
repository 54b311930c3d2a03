import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A household's path from its region; the scoped-tables migration's down restores it with this statement. */
export const HOUSEHOLD_REGION_PATH_TRIGGER = `
      CREATE TRIGGER household_set_region_path BEFORE INSERT OR UPDATE OF region_code ON household
      FOR EACH ROW EXECUTE FUNCTION household_set_region_path()`;

/**
 * Accounts, API keys, the resident registry and the audit log, with the database's own guard:
 * requests run as `qiangji_app`, which owns nothing, sees people only inside the jurisdiction set
 * for its transaction (row-level security), and may only append to the audit log.
 */
export class AccessResidentsAudit1764190000000 implements MigrationInterface {
  name = 'AccessResidentsAudit1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qiangji_app') THEN CREATE ROLE qiangji_app NOLOGIN; END IF;
    END $$`);
    // The API's login role is a member of qiangji_app (docs/deploy.md); the owner running this needs no membership.

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,39}$'),
        display_name text NOT NULL CHECK (btrim(display_name) <> ''),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        jurisdiction_code varchar(15) NOT NULL REFERENCES region (code),
        disabled_at timestamptz,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        token_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username ON app_user (username)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user ON refresh_token (user_id)`);
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL UNIQUE,
        region_code varchar(15) NOT NULL REFERENCES region (code),
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        address text NOT NULL CHECK (btrim(address) <> ''),
        head_resident_id uuid,
        tags text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE resident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household (id),
        region_code varchar(15) NOT NULL REFERENCES region (code),
        region_path ltree NOT NULL,
        name text NOT NULL CHECK (btrim(name) <> ''),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        id_number_encrypted text NOT NULL,
        id_number_hmac text NOT NULL,
        id_number_masked text NOT NULL,
        phone_encrypted text,
        phone_hmac text,
        phone_masked text,
        tags text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `ALTER TABLE household ADD FOREIGN KEY (head_resident_id) REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED`,
    );
    // One person, one registration: the keyed hash of the ID number is unique across the whole city.
    await q.query(`CREATE UNIQUE INDEX resident_id_number ON resident (id_number_hmac)`);
    await q.query(`CREATE INDEX resident_phone ON resident (phone_hmac)`);
    await q.query(`CREATE INDEX resident_household ON resident (household_id)`);
    for (const table of ['household', 'resident']) {
      await q.query(`CREATE INDEX ${table}_region_path ON ${table} USING gist (region_path)`);
      await q.query(`CREATE INDEX ${table}_tags ON ${table} USING gin (tags)`);
    }
    await q.query(`CREATE INDEX resident_name_trgm ON resident USING gin (name gin_trgm_ops)`);
    // A household's region path comes from the region, a resident's from its household: no writer sets them.
    await q.query(`
      CREATE FUNCTION household_set_region_path() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT path INTO NEW.region_path FROM region WHERE code = NEW.region_code;
        RETURN NEW;
      END $$`);
    await q.query(HOUSEHOLD_REGION_PATH_TRIGGER);
    await q.query(`
      CREATE FUNCTION resident_set_region() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT region_code, region_path INTO NEW.region_code, NEW.region_path FROM household WHERE id = NEW.household_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER resident_set_region BEFORE INSERT OR UPDATE OF household_id ON resident
      FOR EACH ROW EXECUTE FUNCTION resident_set_region()`);
    await q.query(`
      CREATE FUNCTION household_move_residents() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE resident SET region_code = NEW.region_code, region_path = NEW.region_path WHERE household_id = NEW.id;
        RETURN NULL;
      END $$`);
    // Not "UPDATE OF region_path": that column is set by a BEFORE trigger, which a column list does not see.
    await q.query(`
      CREATE TRIGGER household_move_residents AFTER UPDATE ON household
      FOR EACH ROW WHEN (OLD.region_path IS DISTINCT FROM NEW.region_path) EXECUTE FUNCTION household_move_residents()`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('USER', 'API_KEY', 'SYSTEM')),
        actor_id uuid,
        actor_name text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb,
        purpose text,
        region_path ltree,
        request_id text,
        client_ip text
      )`);
    await q.query(`CREATE INDEX audit_event_at ON audit_event (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_event_region_path ON audit_event USING gist (region_path)`);

    // What the request role may do. No UPDATE or DELETE on the audit log, no DELETE on people.
    await q.query(`GRANT USAGE ON SCHEMA public TO qiangji_app`);
    await q.query(`GRANT SELECT ON region, migrations TO qiangji_app`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON app_user, refresh_token, api_key, household, resident TO qiangji_app`,
    );
    await q.query(`GRANT SELECT, INSERT ON audit_event TO qiangji_app`);

    // Row-level security: no scope set, no rows. The scope is an ltree path, set per transaction.
    for (const table of ['household', 'resident']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${table}_jurisdiction ON ${table} TO qiangji_app
        USING (region_path <@ NULLIF(current_setting('qiangji.scope', true), '')::ltree)
        WITH CHECK (region_path <@ NULLIF(current_setting('qiangji.scope', true), '')::ltree)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`ALTER TABLE household DROP CONSTRAINT IF EXISTS household_head_resident_id_fkey`);
    await q.query(`DROP TABLE resident`);
    await q.query(`DROP TABLE household`);
    await q.query(
      `DROP FUNCTION household_move_residents(), resident_set_region(), household_set_region_path()`,
    );
    await q.query(`DROP TABLE api_key, refresh_token, app_user`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM qiangji_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM qiangji_app`);
  }
}

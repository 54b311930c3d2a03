import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE = `NULLIF(current_setting('qiangji.scope', true), '')::ltree`;
/** Functions that run as their owner, so resolve names in our schema only, temporary objects last. */
const DEFINER = `SECURITY DEFINER SET search_path = public, pg_temp`;

/** The only ways the request role reaches accounts, keys and sessions without a scope. */
const AUTH_FUNCTIONS = [
  'auth_user_principal(uuid, uuid)',
  'auth_api_key_principal(text)',
  'auth_login_account(text)',
  'auth_finish_login(uuid, boolean, text, integer)',
  'auth_rotate_refresh_token(text, text, integer)',
  'auth_end_session(text)',
];

/**
 * Accounts, API keys, sessions and the audit log under forced row-level security, like the people tables:
 * the request role sees a user or key whose jurisdiction lies in its scope, a session of such a user, and
 * audit events by their region. Sign-in, refresh and credential checks happen before there is a scope, so
 * they go through the SECURITY DEFINER functions above, owned by the owner role, each returning only what
 * its step needs. The owner role (migrations, seed, CLI; never the API) has its own explicit policy.
 *
 * Changes that alter a principal notify `qiangji_principals` (the id, or `*`), so every API process drops
 * its cached copy at once; a change of roles or jurisdiction also ends the user's access tokens.
 */
export class RolesAndAccountSecurity1764220000000 implements MigrationInterface {
  name = 'RolesAndAccountSecurity1764220000000';

  async up(q: QueryRunner): Promise<void> {
    const inJurisdiction = (column: string) =>
      `EXISTS (SELECT 1 FROM region r WHERE r.code = ${column} AND r.path <@ ${SCOPE})`;
    const guarded: [table: string, using: string][] = [
      ['app_user', inJurisdiction('jurisdiction_code')],
      ['api_key', inJurisdiction('region_code')],
      // A session is visible with its user, whose own policy applies inside this subquery.
      ['refresh_token', `EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id)`],
    ];
    for (const [table, using] of guarded) {
      await forceRowLevelSecurity(q, table);
      await q.query(
        `CREATE POLICY ${table}_jurisdiction ON ${table} TO qiangji_app USING (${using}) WITH CHECK (${using})`,
      );
    }
    await forceRowLevelSecurity(q, 'audit_event');
    await q.query(`
      CREATE POLICY audit_event_read ON audit_event FOR SELECT TO qiangji_app
      USING (region_path <@ ${SCOPE} OR (region_path IS NULL AND nlevel(${SCOPE}) = 1))`);
    // Appending is open: sign-in is recorded before any scope, and a refusal outside the scope is recorded too.
    // The log stays append-only (no UPDATE or DELETE grant).
    await q.query(
      `CREATE POLICY audit_event_append ON audit_event FOR INSERT TO qiangji_app WITH CHECK (true)`,
    );

    await this.createAuthFunctions(q);
    for (const fn of AUTH_FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO qiangji_app`);
    }
    // Sessions are ended by the functions or by revokeAll in a scoped transaction: no direct insert is needed.
    await q.query(`REVOKE INSERT ON refresh_token FROM qiangji_app`);

    await q.query(`
      CREATE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.token_version := greatest(NEW.token_version, OLD.token_version + 1);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_bump_token_version BEFORE UPDATE OF roles, jurisdiction_code ON app_user
      FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.jurisdiction_code IS DISTINCT FROM NEW.jurisdiction_code)
      EXECUTE FUNCTION app_user_bump_token_version()`);

    // The payload is the column named by the trigger's argument, or '*' for "every principal".
    await q.query(`
      CREATE FUNCTION notify_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('qiangji_principals',
          CASE WHEN TG_ARGV[0] = '*' THEN '*' ELSE to_jsonb(OLD) ->> TG_ARGV[0] END);
        RETURN NULL;
      END $$`);
    const changed = (columns: string[]) =>
      columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
    const notifies: [table: string, when: string, payload: string][] = [
      [
        'app_user',
        changed(['username', 'display_name', 'roles', 'jurisdiction_code', 'disabled_at', 'token_version']),
        'id',
      ],
      ['api_key', changed(['name', 'scopes', 'region_code', 'revoked_at']), 'id'],
      ['refresh_token', 'OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL', 'user_id'],
      // A jurisdiction's name or path is part of every principal within it.
      ['region', changed(['name', 'path']), '*'],
    ];
    for (const [table, when, payload] of notifies) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_principal AFTER UPDATE ON ${table}
        FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION notify_principal_change('${payload}')`);
    }
    for (const table of ['app_user', 'api_key']) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_principal_deleted AFTER DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION notify_principal_change('id')`);
    }
  }

  private async createAuthFunctions(q: QueryRunner) {
    // The principal behind an access token: an enabled user whose session (refresh family) is still open.
    await q.query(`
      CREATE FUNCTION auth_user_principal(p_user_id uuid, p_session_id uuid)
      RETURNS TABLE (id uuid, username text, display_name text, roles text[], jurisdiction_code varchar,
        jurisdiction_name text, jurisdiction_path text, token_version integer)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT u.id, u.username, u.display_name, u.roles, u.jurisdiction_code, r.name, r.path::text, u.token_version
        FROM app_user u JOIN region r ON r.code = u.jurisdiction_code
        WHERE u.id = p_user_id AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM refresh_token t
                      WHERE t.user_id = u.id AND t.family_id = p_session_id AND t.revoked_at IS NULL)
      $$`);
    // The principal behind an API key; its last use is recorded once a minute at most.
    await q.query(`
      CREATE FUNCTION auth_api_key_principal(p_key_hash text)
      RETURNS TABLE (id uuid, name text, prefix text, scopes text[], region_code varchar, region_name text,
        region_path text)
      LANGUAGE sql VOLATILE ${DEFINER} AS $$
        UPDATE api_key SET last_used_at = now()
        WHERE key_hash = p_key_hash AND revoked_at IS NULL
          AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
        SELECT k.id, k.name, k.prefix, k.scopes, k.region_code, r.name, r.path::text
        FROM api_key k JOIN region r ON r.code = k.region_code
        WHERE k.key_hash = p_key_hash AND k.revoked_at IS NULL;
      $$`);
    // The account a sign-in tries, locked until the caller's transaction ends: attempts on one account queue.
    await q.query(`
      CREATE FUNCTION auth_login_account(p_username text)
      RETURNS TABLE (id uuid, username text, display_name text, password_hash text, roles text[],
        jurisdiction_code varchar, jurisdiction_name text, jurisdiction_path text, disabled boolean, locked boolean,
        token_version integer)
      LANGUAGE sql VOLATILE ${DEFINER} AS $$
        SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.jurisdiction_code, r.name, r.path::text,
          u.disabled_at IS NOT NULL, coalesce(u.locked_until > now(), false), u.token_version
        FROM app_user u JOIN region r ON r.code = u.jurisdiction_code
        WHERE u.username = p_username
        FOR UPDATE OF u
      $$`);
    // A failure counts and from the fifth on locks for 1, 2, 4 … minutes (a day at most); a success resets the
    // count and opens a session (a new refresh family), whose id it returns.
    await q.query(`
      CREATE FUNCTION auth_finish_login(p_user_id uuid, p_succeeded boolean, p_token_hash text, p_ttl_seconds integer)
      RETURNS uuid LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      DECLARE
        family uuid;
      BEGIN
        IF NOT p_succeeded THEN
          UPDATE app_user SET failed_logins = failed_logins + 1,
            locked_until = CASE WHEN failed_logins + 1 >= 5
              THEN now() + least(interval '1 minute' * power(2, failed_logins + 1 - 5), interval '1 day')
              ELSE locked_until END
          WHERE id = p_user_id;
          RETURN NULL;
        END IF;
        UPDATE app_user SET failed_logins = 0, locked_until = NULL
        WHERE id = p_user_id AND disabled_at IS NULL AND coalesce(locked_until <= now(), true);
        IF NOT FOUND THEN RETURN NULL; END IF;
        INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
        VALUES (p_user_id, gen_random_uuid(), p_token_hash, now() + make_interval(secs => p_ttl_seconds))
        RETURNING family_id INTO family;
        RETURN family;
      END $$`);
    // A refresh token works once. Presented again, it was copied: its whole family (session) ends.
    await q.query(`
      CREATE FUNCTION auth_rotate_refresh_token(p_token_hash text, p_new_token_hash text, p_ttl_seconds integer)
      RETURNS TABLE (outcome text, user_id uuid, username text, jurisdiction_path text, family_id uuid)
      LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      #variable_conflict use_column
      DECLARE
        t refresh_token%ROWTYPE;
        u record;
      BEGIN
        SELECT * INTO t FROM refresh_token WHERE token_hash = p_token_hash FOR UPDATE;
        IF NOT FOUND OR t.revoked_at IS NOT NULL OR t.expires_at < now() THEN
          RETURN QUERY SELECT 'INVALID', NULL::uuid, NULL::text, NULL::text, NULL::uuid;
          RETURN;
        END IF;
        SELECT a.username, a.disabled_at, r.path::text AS path INTO u
        FROM app_user a JOIN region r ON r.code = a.jurisdiction_code WHERE a.id = t.user_id;
        IF t.used_at IS NOT NULL THEN
          UPDATE refresh_token SET revoked_at = now() WHERE refresh_token.family_id = t.family_id AND revoked_at IS NULL;
          RETURN QUERY SELECT 'REUSED', t.user_id, u.username, u.path, t.family_id;
          RETURN;
        END IF;
        IF u.disabled_at IS NOT NULL THEN
          RETURN QUERY SELECT 'INVALID', NULL::uuid, NULL::text, NULL::text, NULL::uuid;
          RETURN;
        END IF;
        UPDATE refresh_token SET used_at = now() WHERE id = t.id;
        INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
        VALUES (t.user_id, t.family_id, p_new_token_hash, now() + make_interval(secs => p_ttl_seconds));
        RETURN QUERY SELECT 'ROTATED', t.user_id, u.username, u.path, t.family_id;
      END $$`);
    // Logout: the session of this refresh token ends; the user's id comes back (null for an unknown token).
    await q.query(`
      CREATE FUNCTION auth_end_session(p_token_hash text) RETURNS uuid
      LANGUAGE sql VOLATILE ${DEFINER} AS $$
        WITH session AS (SELECT family_id, user_id FROM refresh_token WHERE token_hash = p_token_hash),
        ended AS (
          UPDATE refresh_token t SET revoked_at = now() FROM session s
          WHERE t.family_id = s.family_id AND t.revoked_at IS NULL
        )
        SELECT user_id FROM session
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'api_key']) {
      await q.query(`DROP TRIGGER ${table}_notify_principal_deleted ON ${table}`);
    }
    for (const table of ['app_user', 'api_key', 'refresh_token', 'region']) {
      await q.query(`DROP TRIGGER ${table}_notify_principal ON ${table}`);
    }
    await q.query(`DROP TRIGGER app_user_bump_token_version ON app_user`);
    await q.query(`DROP FUNCTION notify_principal_change(), app_user_bump_token_version()`);
    await q.query(`DROP FUNCTION ${AUTH_FUNCTIONS.join(', ')}`);
    await q.query(`GRANT INSERT ON refresh_token TO qiangji_app`);
    for (const table of ['app_user', 'api_key', 'refresh_token', 'audit_event']) {
      for (const policy of ['owner', 'jurisdiction', 'read', 'append']) {
        await q.query(`DROP POLICY IF EXISTS ${table}_${policy} ON ${table}`);
      }
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    }
  }
}

/**
 * Row-level security that binds the owner too: the owner role's access becomes an explicit, named policy,
 * and a table whose policies are missing is closed to everyone. The later migration that forces the people
 * and case tables writes the same three statements.
 */
async function forceRowLevelSecurity(q: QueryRunner, table: string) {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${table}_owner ON ${table} TO qiangji_owner USING (true) WITH CHECK (true)`);
}

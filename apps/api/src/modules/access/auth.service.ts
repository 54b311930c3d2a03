import { actionsOf, type Role } from '@qiangji/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { inScope, requirePrincipal } from '../../common/authz';
import { isId } from '../../common/ids';
import type { Config } from '../../config';
import type { Principal, RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './passwords';
import type { PrincipalCache } from './principal-cache';
import { randomSecret, sha256, signAccessToken, verifyAccessToken } from './tokens';

const INVALID_LOGIN = 'Invalid username or password.';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionCode: string;
  jurisdictionName: string;
  jurisdictionPath: string;
  tokenVersion: number;
}

interface LoginRow extends UserRow {
  passwordHash: string;
  disabled: boolean;
  locked: boolean;
}

/** The columns of the SECURITY DEFINER functions (migration 1764220000000), as camelCase rows. */
const USER_COLUMNS = `id, username, display_name AS "displayName", roles, jurisdiction_code AS "jurisdictionCode",
  jurisdiction_name AS "jurisdictionName", jurisdiction_path AS "jurisdictionPath", token_version AS "tokenVersion"`;
const LOGIN_COLUMNS = `${USER_COLUMNS}, password_hash AS "passwordHash", disabled, locked`;

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Principal;
}

function principalOf(u: UserRow): Principal {
  return {
    kind: 'USER',
    id: u.id,
    name: u.username,
    displayName: u.displayName,
    roles: u.roles,
    actions: actionsOf(u.roles),
    jurisdiction: { code: u.jurisdictionCode, name: u.jurisdictionName, path: u.jurisdictionPath },
  };
}

export class AuthService {
  constructor(
    private readonly jwtSecret: Buffer,
    private readonly ttl: Config['auth'],
    private readonly audit: AuditService,
    private readonly principals: PrincipalCache,
  ) {}

  /**
   * Each call is one attempt, serialised per account by a row lock, so aliases or parallel requests
   * cannot try more passwords than the counter allows. A locked or disabled account answers exactly
   * like a wrong password. There is no scope yet: the account is read and updated by the database's
   * sign-in functions, and the audit log may always be appended to.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<AuthPayload> {
    const refreshToken = randomSecret();
    const outcome = await ctx.db.transaction(async (m) => {
      const [user]: LoginRow[] = await m.query(`SELECT ${LOGIN_COLUMNS} FROM auth_login_account($1)`, [
        username.trim().toLowerCase(),
      ]);
      const ok =
        (await verifyPassword(user?.passwordHash ?? null, password)) && !user.locked && !user.disabled;
      if (!user) return null;
      const [{ sessionId }] = await m.query(`SELECT auth_finish_login($1, $2, $3, $4) AS "sessionId"`, [
        user.id,
        ok,
        sha256(refreshToken),
        this.ttl.refreshTokenTtl,
      ]);
      await this.audit.record(ctx, m, {
        action: sessionId ? 'auth.login' : 'auth.login_failed',
        entityType: 'User',
        entityId: user.id,
        actor: { kind: 'USER', id: user.id, name: user.username, roles: user.roles },
        regionPath: user.jurisdictionPath,
      });
      return sessionId ? this.payload(user, sessionId, refreshToken) : null;
    });
    if (!outcome) throw new AppError('UNAUTHENTICATED', INVALID_LOGIN);
    return outcome;
  }

  /** Rotates the refresh token; presenting a used one again means it was stolen, so its whole family dies. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const next = randomSecret();
    const outcome = await ctx.db.transaction(async (m) => {
      const [token] = await m.query(
        `SELECT outcome, user_id AS "userId", username, jurisdiction_path AS "jurisdictionPath", family_id AS "familyId"
         FROM auth_rotate_refresh_token($1, $2, $3)`,
        [sha256(refreshToken), sha256(next), this.ttl.refreshTokenTtl],
      );
      if (token.outcome === 'REUSED') {
        await this.audit.record(ctx, m, {
          action: 'auth.refresh_reused',
          entityType: 'User',
          entityId: token.userId,
          actor: { kind: 'USER', id: token.userId, name: token.username },
          regionPath: token.jurisdictionPath,
        });
        return token.userId as string;
      }
      if (token.outcome !== 'ROTATED') return null;
      const user = await this.user(m, token.userId, token.familyId);
      return user && this.payload(user, token.familyId, next);
    });
    if (typeof outcome === 'string') this.principals.evict(outcome);
    if (!outcome || typeof outcome === 'string')
      throw new AppError('UNAUTHENTICATED', 'The refresh token is not valid; sign in again.');
    return outcome;
  }

  /** Ends the session of this refresh token, and with it the session's access tokens. */
  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    const [{ userId }] = await ctx.db.query(`SELECT auth_end_session($1) AS "userId"`, [
      sha256(refreshToken),
    ]);
    if (userId) this.principals.evict(userId);
    return true;
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'API keys have no password.');
    const passwordHash = await hashPassword(newPassword, 'newPassword');
    const changed = await inScope(ctx, async (m) => {
      const [user] = await m.query(
        `SELECT u.password_hash AS "passwordHash" FROM app_user u WHERE u.id = $1 FOR UPDATE`,
        [principal.id],
      );
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
      await this.revokeAll(m, principal.id, { password_hash: passwordHash });
      await this.audit.record(ctx, m, {
        action: 'user.change_password',
        entityType: 'User',
        entityId: principal.id,
        regionPath: principal.jurisdiction.path,
      });
      return true;
    });
    // Not UNAUTHENTICATED: the session stays valid, and a client must not take this for a sign-out.
    if (!changed) throw AppError.badInput('The current password is wrong.', 'currentPassword');
    this.forget(principal.id);
    return true;
  }

  /**
   * Ends every session of a user at once: access tokens by version, refresh tokens by revocation. Runs in the
   * caller's scoped transaction; call forget() once it has committed.
   */
  async revokeAll(m: EntityManager, userId: string, also: Record<string, unknown> = {}): Promise<void> {
    const sets = Object.keys(also).map((column, i) => `${column} = $${i + 2}`);
    await m.query(
      `UPDATE app_user SET ${['token_version = token_version + 1', 'updated_at = now()', ...sets].join(', ')} WHERE id = $1`,
      [userId, ...Object.values(also)],
    );
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  /**
   * Drops this process's cached principal of a user right away; other processes hear of the change from the
   * database, a few milliseconds later.
   */
  forget(userId: string): void {
    this.principals.evict(userId);
  }

  /** The principal behind a bearer access token, or null when the token is not (or no longer) valid. */
  principalFromAccessToken(db: DataSource, token: string): Promise<Principal | null> {
    return this.principals.get(db, token, async () => {
      const claims = verifyAccessToken(this.jwtSecret, token);
      if (!claims || !isId(claims.sub) || !isId(claims.sid)) return null;
      const user = await this.user(db.manager, claims.sub, claims.sid);
      if (!user || user.tokenVersion !== claims.ver) return null;
      return { principal: principalOf(user), notAfter: claims.exp * 1000 };
    });
  }

  /** An enabled user with an open session, through the database's function: no scope is needed. */
  private async user(m: EntityManager, id: string, sessionId: string): Promise<UserRow | undefined> {
    const [user] = await m.query(`SELECT ${USER_COLUMNS} FROM auth_user_principal($1, $2)`, [id, sessionId]);
    return user;
  }

  private payload(user: UserRow, sessionId: string, refreshToken: string): AuthPayload {
    const accessToken = signAccessToken(
      this.jwtSecret,
      { sub: user.id, ver: user.tokenVersion, sid: sessionId },
      this.ttl.accessTokenTtl,
    );
    return { accessToken, refreshToken, expiresIn: this.ttl.accessTokenTtl, user: principalOf(user) };
  }
}

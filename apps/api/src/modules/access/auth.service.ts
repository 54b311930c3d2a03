import { randomUUID } from 'node:crypto';
import { actionsOf, type Role } from '@qiangji/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { requirePrincipal } from '../../common/authz';
import type { Config } from '../../config';
import type { Principal, RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './passwords';
import { randomSecret, sha256, signAccessToken, verifyAccessToken } from './tokens';

const INVALID_LOGIN = 'Invalid username or password.';
const MAX_FAILED_LOGINS = 5;

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  jurisdictionCode: string;
  jurisdictionName: string;
  jurisdictionPath: string;
  disabled: boolean;
  locked: boolean;
  tokenVersion: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.password_hash AS "passwordHash", u.roles,
  u.jurisdiction_code AS "jurisdictionCode", r.name AS "jurisdictionName", r.path::text AS "jurisdictionPath",
  u.disabled_at IS NOT NULL AS disabled, coalesce(u.locked_until > now(), false) AS locked,
  u.token_version AS "tokenVersion"`;

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
  ) {}

  /**
   * Each call is one attempt, serialised per account by a row lock, so aliases or parallel requests
   * cannot try more passwords than the counter allows. A locked or disabled account answers exactly
   * like a wrong password.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<AuthPayload> {
    const outcome = await ctx.db.transaction(async (m) => {
      const [user]: UserRow[] = await m.query(
        `SELECT ${USER_COLUMNS} FROM app_user u JOIN region r ON r.code = u.jurisdiction_code
         WHERE u.username = $1 FOR UPDATE OF u`,
        [username.trim().toLowerCase()],
      );
      const ok =
        (await verifyPassword(user?.passwordHash ?? null, password)) && !user.locked && !user.disabled;
      if (!user) return null;
      const actor = { kind: 'USER' as const, id: user.id, name: user.username, roles: user.roles };
      if (!ok) {
        // Locks for 1, 2, 4 … minutes (at most a day) from the fifth failure on.
        await m.query(
          `UPDATE app_user SET failed_logins = failed_logins + 1,
             locked_until = CASE WHEN failed_logins + 1 >= $2
               THEN now() + least(interval '1 minute' * power(2, failed_logins + 1 - $2), interval '1 day')
               ELSE locked_until END
           WHERE id = $1`,
          [user.id, MAX_FAILED_LOGINS],
        );
        await this.audit.record(ctx, m, {
          action: 'auth.login_failed',
          entityType: 'User',
          entityId: user.id,
          actor,
          regionPath: user.jurisdictionPath,
        });
        return null;
      }
      await m.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
      await this.audit.record(ctx, m, {
        action: 'auth.login',
        entityType: 'User',
        entityId: user.id,
        actor,
        regionPath: user.jurisdictionPath,
      });
      return this.issue(m, user, randomUUID());
    });
    if (!outcome) throw new AppError('UNAUTHENTICATED', INVALID_LOGIN);
    return outcome;
  }

  /** Rotates the refresh token; presenting a used one again means it was stolen, so its whole family dies. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const outcome = await ctx.db.transaction(async (m) => {
      const [token] = await m.query(
        `SELECT id, user_id AS "userId", family_id AS "familyId", used_at IS NOT NULL AS used,
           revoked_at IS NOT NULL AS revoked, expires_at < now() AS expired
         FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
        [sha256(refreshToken)],
      );
      if (!token || token.revoked || token.expired) return null;
      const user = await this.userById(m, token.userId);
      if (token.used) {
        await m.query(
          `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
          [token.familyId],
        );
        await this.audit.record(ctx, m, {
          action: 'auth.refresh_reused',
          entityType: 'User',
          entityId: token.userId,
          actor: { kind: 'USER', id: token.userId, name: user?.username ?? 'unknown' },
          regionPath: user?.jurisdictionPath,
        });
        return null;
      }
      if (!user || user.disabled) return null;
      await m.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [token.id]);
      return this.issue(m, user, token.familyId);
    });
    if (!outcome) throw new AppError('UNAUTHENTICATED', 'The refresh token is not valid; sign in again.');
    return outcome;
  }

  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    await ctx.db.query(
      `UPDATE refresh_token SET revoked_at = now()
       WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
      [sha256(refreshToken)],
    );
    return true;
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'API keys have no password.');
    const passwordHash = await hashPassword(newPassword, 'newPassword');
    const changed = await ctx.db.transaction(async (m) => {
      const user = await this.userById(m, principal.id, true);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
      await this.revokeAll(m, user.id, { password_hash: passwordHash });
      await this.audit.record(ctx, m, {
        action: 'user.change_password',
        entityType: 'User',
        entityId: user.id,
        regionPath: user.jurisdictionPath,
      });
      return true;
    });
    // Not UNAUTHENTICATED: the session stays valid, and a client must not take this for a sign-out.
    if (!changed) throw AppError.badInput('The current password is wrong.', 'currentPassword');
    return true;
  }

  /** Ends every session of a user at once: access tokens by version, refresh tokens by revocation. */
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

  /** The principal behind a bearer access token, or null when the token is not (or no longer) valid. */
  async principalFromAccessToken(db: DataSource, token: string): Promise<Principal | null> {
    const claims = verifyAccessToken(this.jwtSecret, token);
    if (!claims) return null;
    const user = await this.userById(db.manager, claims.sub);
    if (!user || user.disabled || user.tokenVersion !== claims.ver) return null;
    return principalOf(user);
  }

  private async userById(m: EntityManager, id: string, lock = false): Promise<UserRow | undefined> {
    const [user] = await m.query(
      `SELECT ${USER_COLUMNS} FROM app_user u JOIN region r ON r.code = u.jurisdiction_code WHERE u.id = $1
       ${lock ? 'FOR UPDATE OF u' : ''}`,
      [id],
    );
    return user;
  }

  private async issue(m: EntityManager, user: UserRow, familyId: string): Promise<AuthPayload> {
    const refreshToken = randomSecret();
    await m.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [user.id, familyId, sha256(refreshToken), this.ttl.refreshTokenTtl],
    );
    const accessToken = signAccessToken(
      this.jwtSecret,
      { sub: user.id, ver: user.tokenVersion },
      this.ttl.accessTokenTtl,
    );
    return { accessToken, refreshToken, expiresIn: this.ttl.accessTokenTtl, user: principalOf(user) };
  }
}

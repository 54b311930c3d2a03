import { isRole, type Role } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { parseId } from '../../common/ids';
import { inScope, isWithin, requireAction, scoped } from '../../common/authz';
import { listPage, orderedQuery, type ListQuery, type PageArgs } from '../../common/connection';
import { updateReturning, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { RegionService } from '../region/region.service';
import type { CreateUserInput, UserRow } from './access.types';
import { hashPassword } from './passwords';

const COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.roles, u.jurisdiction_code AS "jurisdictionCode",
  u.disabled_at IS NOT NULL AS disabled, u.created_at AS "createdAt"`;

export class UserService {
  constructor(
    private readonly audit: AuditService,
    private readonly regions: RegionService,
  ) {}

  /** The id of an account by its username (for demo data that links a person to a demo account). */
  async idOf(m: EntityManager, username: string): Promise<string | null> {
    const [user] = await m.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    return user?.id ?? null;
  }

  /** Whether an account (a parsed id) is enabled, has the role and lies within the path: to link a person to it. */
  async isActiveWithRole(
    ctx: RequestContext,
    m: EntityManager,
    userId: string,
    role: Role,
    withinPath: string,
  ): Promise<boolean> {
    const [account] = await m.query(
      `SELECT u.jurisdiction_code AS code FROM app_user u
       WHERE u.id = $1::uuid AND $2 = ANY(u.roles) AND u.disabled_at IS NULL`,
      [userId, role],
    );
    return Boolean(account) && isWithin(await this.pathOf(ctx, account.code), withinPath);
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<UserRow> {
    const admin = requireAction(ctx, 'user:manage');
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9_.-]{1,39}$/.test(username)) {
      throw AppError.badInput(
        'A username has 2 to 40 letters, digits, dots, dashes or underscores.',
        'username',
      );
    }
    const roles = [...new Set(input.roles)];
    if (!roles.length || !roles.every(isRole))
      throw AppError.badInput('Give the user one or more known roles.', 'roles');
    const [region] = await this.regions.pathsOf(ctx, [input.jurisdictionCode]);
    if (!region)
      throw AppError.badInput(`Region ${input.jurisdictionCode} does not exist.`, 'jurisdictionCode');
    if (!isWithin(region.path, admin.jurisdiction.path)) {
      throw new AppError('FORBIDDEN', 'That jurisdiction is outside your own.');
    }
    const passwordHash = await hashPassword(input.password);
    return inScope(ctx, async (m) => {
      // Usernames are unique city-wide, also beyond the scope this transaction can see.
      const [user] = await m.query(
        `INSERT INTO app_user (username, display_name, password_hash, roles, jurisdiction_code)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, input.displayName.trim(), passwordHash, roles, input.jurisdictionCode],
      );
      if (!user) throw new AppError('CONFLICT', `The username ${username} is taken.`);
      await this.audit.record(ctx, m, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        changes: {
          username: { new: username },
          roles: { new: roles },
          jurisdictionCode: { new: input.jurisdictionCode },
        },
        regionPath: region.path,
      });
      return this.row(m, user.id);
    });
  }

  /** Disabling ends every session at once; enabling lets the user sign in again. */
  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<UserRow> {
    const admin = requireAction(ctx, 'user:manage');
    const user = await inScope(ctx, async (m) => {
      const target = await this.visible(ctx, m, id);
      if (disabled && admin.kind === 'USER' && admin.id === target.id) {
        throw AppError.badInput('You cannot disable your own account.', 'id');
      }
      await updateReturning(
        m,
        `UPDATE app_user SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, failed_logins = 0,
           locked_until = NULL, updated_at = now() WHERE id = $1 RETURNING id`,
        [target.id, disabled],
      );
      if (disabled) await ctx.services.auth.revokeAll(m, target.id);
      await this.audit.record(ctx, m, {
        action: disabled ? 'user.disable' : 'user.enable',
        entityType: 'User',
        entityId: target.id,
        regionPath: target.path,
      });
      return this.row(m, target.id);
    });
    if (disabled) ctx.services.auth.forget(user.id);
    return user;
  }

  async get(ctx: RequestContext, id: string): Promise<UserRow> {
    requireAction(ctx, 'user:manage');
    return inScope(ctx, async (m) => this.row(m, (await this.visible(ctx, m, id)).id));
  }

  async list(ctx: RequestContext, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx)), args });
  }

  /** The accounts the list (or its export) shows: those of the admin's jurisdiction. */
  async listQuery(ctx: RequestContext): Promise<ListQuery<UserRow>> {
    const admin = requireAction(ctx, 'user:manage');
    const codes = await this.regions.codesWithin(ctx, admin.jurisdiction.path);
    return orderedQuery<UserRow>(['USERNAME', 'username'], {
      from: 'app_user u',
      columns: COLUMNS,
      where: new Where().codeAmong('u.jurisdiction_code', codes),
    });
  }

  private async row(m: EntityManager, id: string): Promise<UserRow> {
    const [user] = await m.query(`SELECT ${COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return user;
  }

  /** A user the admin may manage: inside the admin's jurisdiction, else NOT_FOUND (its existence is not revealed). */
  private async visible(
    ctx: RequestContext,
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; path: string; roles: Role[] }> {
    const admin = requireAction(ctx, 'user:manage');
    const [user] = await m.query(
      `SELECT u.id, u.jurisdiction_code AS code, u.roles FROM app_user u WHERE u.id = $1::uuid`,
      [parseId(id, 'id')],
    );
    const path = user && (await this.pathOf(ctx, user.code));
    if (!user || !isWithin(path, admin.jurisdiction.path))
      throw AppError.notFound(`User ${id} was not found.`);
    return { id: user.id, path, roles: user.roles };
  }

  /** A jurisdiction's path from the region tree in memory ('' for a code it does not know: within nothing). */
  private async pathOf(ctx: RequestContext, code: string): Promise<string> {
    const [region] = await this.regions.pathsOf(ctx, [code]);
    return region?.path ?? '';
  }
}

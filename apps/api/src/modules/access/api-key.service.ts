import { API_KEY_PERMISSIONS, type ApiKeyScope } from '@qiangji/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { parseId } from '../../common/ids';
import { inScope, isWithin, requireAction, scoped } from '../../common/authz';
import { listPage, orderedQuery, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { updateReturning, Where } from '../../common/sql';
import type { Principal, RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { RegionService } from '../region/region.service';
import type { ApiKeyRow, CreateApiKeyInput } from './access.types';
import type { PrincipalCache } from './principal-cache';
import { randomSecret, sha256 } from './tokens';

/** Keys look like `qj_<8-char prefix>_<secret>`: the prefix names the key in lists and logs, the rest is secret. */
export const API_KEY_PREFIX = 'qj_';

const COLUMNS = `k.id, k.name, k.prefix, k.region_code AS "regionCode", k.scopes, k.created_at AS "createdAt",
  k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"`;

export class ApiKeyService {
  constructor(
    private readonly audit: AuditService,
    private readonly regions: RegionService,
    private readonly principals: PrincipalCache,
  ) {}

  async create(
    ctx: RequestContext,
    input: CreateApiKeyInput,
  ): Promise<{ apiKey: ApiKeyRow; secret: string }> {
    const admin = requireAction(ctx, 'apiKey:manage');
    const [region] = await this.regions.pathsOf(ctx, [input.regionCode]);
    if (!region) throw AppError.badInput(`Region ${input.regionCode} does not exist.`, 'regionCode');
    if (!isWithin(region.path, admin.jurisdiction.path))
      throw new AppError('FORBIDDEN', 'That region is outside your jurisdiction.');
    const scopes = [...new Set(input.scopes)];
    if (!scopes.length) throw AppError.badInput('Give the key at least one scope.', 'scopes');
    const prefix = randomSecret(6).slice(0, 8);
    const secret = `${API_KEY_PREFIX}${prefix}_${randomSecret(32)}`;
    return inScope(ctx, async (m) => {
      const [apiKey] = await m.query(
        `INSERT INTO api_key (name, prefix, key_hash, region_code, scopes, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, name, prefix, region_code AS "regionCode", scopes, created_at AS "createdAt",
           last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`,
        [
          input.name.trim(),
          prefix,
          sha256(secret),
          input.regionCode,
          scopes,
          admin.kind === 'USER' ? admin.id : null,
        ],
      );
      await this.audit.record(ctx, m, {
        action: 'apiKey.create',
        entityType: 'ApiKey',
        entityId: apiKey.id,
        changes: {
          name: { new: apiKey.name },
          regionCode: { new: input.regionCode },
          scopes: { new: scopes },
        },
        regionPath: region.path,
      });
      return { apiKey, secret };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyRow> {
    requireAction(ctx, 'apiKey:manage');
    const row = await inScope(ctx, async (m) => {
      const key = await this.visible(ctx, m, id);
      const [revoked] = await updateReturning<ApiKeyRow>(
        m,
        `UPDATE api_key k SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
        [key.id],
      );
      await this.audit.record(ctx, m, {
        action: 'apiKey.revoke',
        entityType: 'ApiKey',
        entityId: id,
        regionPath: key.path,
      });
      return revoked;
    });
    // Other processes hear of it from the database's notification.
    this.principals.evict(row.id);
    return row;
  }

  async list(ctx: RequestContext, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.listQuery(ctx)), args });
  }

  /** The keys the list (or its export) shows: those of the admin's jurisdiction, newest first. */
  async listQuery(ctx: RequestContext): Promise<ListQuery<ApiKeyRow>> {
    const admin = requireAction(ctx, 'apiKey:manage');
    const codes = await this.regions.codesWithin(ctx, admin.jurisdiction.path);
    return orderedQuery<ApiKeyRow>(['CREATED', 'createdAt', SortDirection.DESC], {
      from: 'api_key k',
      columns: COLUMNS,
      where: new Where().codeAmong('k.region_code', codes),
    });
  }

  /**
   * The principal behind a key, or null for an unknown or revoked one, through the database's function (no
   * scope is needed; it also records the last use, once a minute at most).
   */
  principalFromKey(db: DataSource, secret: string): Promise<Principal | null> {
    const hash = sha256(secret);
    return this.principals.get(db, `key:${hash}`, async () => {
      const [key] = await db.query(
        `SELECT id, name, prefix, scopes, region_code AS "regionCode", region_name AS "regionName", region_path AS path
         FROM auth_api_key_principal($1)`,
        [hash],
      );
      if (!key) return null;
      const principal: Principal = {
        kind: 'API_KEY',
        id: key.id,
        name: `${key.name} (${API_KEY_PREFIX}${key.prefix})`,
        displayName: key.name,
        roles: [],
        actions: new Set((key.scopes as ApiKeyScope[]).flatMap((s) => API_KEY_PERMISSIONS[s] ?? [])),
        jurisdiction: { code: key.regionCode, name: key.regionName, path: key.path },
      };
      return { principal };
    });
  }

  private async visible(
    ctx: RequestContext,
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; path: string }> {
    const admin = requireAction(ctx, 'apiKey:manage');
    const [key] = await m.query(`SELECT k.id, k.region_code AS code FROM api_key k WHERE k.id = $1::uuid`, [
      parseId(id, 'id'),
    ]);
    const [region] = key ? await this.regions.pathsOf(ctx, [key.code]) : [];
    if (!region || !isWithin(region.path, admin.jurisdiction.path))
      throw AppError.notFound(`API key ${id} was not found.`);
    return { id: key.id, path: region.path };
  }
}

import type { EntityManager } from 'typeorm';
import { inScope, requireAction } from '../../common/authz';
import { listPage, SortDirection, type PageArgs } from '../../common/connection';
import type { RequestContext } from '../../server/context';
import type { AuditEventFilter, AuditEventRow } from './audit.types';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Field → { old, new }; personal data already masked by the caller. */
  changes?: Record<string, unknown> | null;
  purpose?: string | null;
  regionPath?: string | null;
  /** For events before anyone is signed in (a failed login): who it concerns. */
  actor?: { kind: 'USER' | 'SYSTEM'; id: string | null; name: string; roles?: string[] };
}

const COLUMNS = `a.id::text AS id, a.at, a.actor_kind AS "actorKind", a.actor_id AS "actorId", a.actor_name AS "actorName",
  a.roles, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.changes, a.purpose,
  a.region_path::text AS "regionPath", a.request_id AS "requestId", a.client_ip AS "clientIp"`;

/** The append-only trail: written in the same transaction as the change it records, or not at all. */
export class AuditService {
  async record(ctx: RequestContext, manager: EntityManager, event: AuditRecord): Promise<void> {
    const p = ctx.principal;
    const actor = event.actor ?? {
      kind: p?.kind ?? 'SYSTEM',
      id: p?.id ?? null,
      name: p?.name ?? 'system',
      roles: p?.roles ?? [],
    };
    await manager.query(
      `INSERT INTO audit_event (actor_kind, actor_id, actor_name, roles, action, entity_type, entity_id, changes,
         purpose, region_path, request_id, client_ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::ltree, $11, $12)`,
      [
        actor.kind,
        actor.kind === 'SYSTEM' ? null : actor.id,
        actor.name,
        actor.roles ?? [],
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.changes ? JSON.stringify(event.changes) : null,
        event.purpose ?? null,
        event.regionPath ?? null,
        ctx.requestId,
        ctx.clientIp,
      ],
    );
  }

  /** Newest first; an auditor sees the events of its jurisdiction (city-wide auditors also see global ones). */
  async list(ctx: RequestContext, filter: AuditEventFilter | null | undefined, args: PageArgs) {
    const principal = requireAction(ctx, 'audit:read');
    const params: unknown[] = [principal.jurisdiction.path];
    const where = [`(a.region_path <@ $1::ltree OR (a.region_path IS NULL AND nlevel($1::ltree) = 1))`];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter?.action?.length) add((n) => `a.action = ANY(${n})`, filter.action);
    if (filter?.entityType) add((n) => `a.entity_type = ${n}`, filter.entityType);
    if (filter?.entityId) add((n) => `a.entity_id = ${n}`, filter.entityId);
    if (filter?.actorId) add((n) => `a.actor_id = ${n}`, filter.actorId);
    if (filter?.from) add((n) => `a.at >= ${n}::date`, filter.from);
    if (filter?.to) add((n) => `a.at < ${n}::date + 1`, filter.to);
    // The service's condition and the table's policy say the same; the policy is what a mistake here cannot undo.
    return inScope(ctx, (m) =>
      listPage<AuditEventRow>(m, {
        from: 'audit_event a',
        columns: COLUMNS,
        where,
        params,
        args,
        // Identity ids grow with every insert, so newest first is id descending: exact, unlike timestamps.
        sort: {
          key: 'ID:DESC',
          expr: 'a.id',
          idExpr: 'a.id::text',
          direction: SortDirection.DESC,
          value: (r) => r.id,
          id: (r) => r.id,
        },
      }),
    );
  }
}

import type { EntityManager } from 'typeorm';
import { Refusal } from '../../common/app-error';
import { requireAction, scoped } from '../../common/authz';
import { inOrder, listPage, SortDirection, type ListQuery, type PageArgs } from '../../common/connection';
import type { ScopedTransaction } from '../../common/scoped-transaction';
import { Params, Where } from '../../common/sql';
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
  private readonly pending = new WeakMap<ScopedTransaction, AuditRow[]>();

  async record(ctx: RequestContext, manager: EntityManager, event: AuditRecord): Promise<void> {
    const p = new Params();
    await manager.query(this.insertSql(ctx, event, p), p.params);
  }

  /** The INSERT of an event's row, for a statement that carries it with its change (`versionedUpdate`). */
  insertSql(ctx: RequestContext, event: AuditRecord, p: Params): string {
    return `INSERT INTO audit_event (${NAMES}) SELECT ${NAMES} FROM jsonb_to_record(${p.param(
      JSON.stringify(row(ctx, event)),
      'jsonb',
    )}) AS x (${COLUMNS_TYPED})`;
  }

  /** Many events of one command (a batch of figures, each its own record) in one statement. */
  async recordMany(
    ctx: RequestContext,
    manager: EntityManager,
    events: readonly AuditRecord[],
  ): Promise<void> {
    if (events.length)
      await this.flush(
        manager,
        events.map((e) => row(ctx, e)),
      );
  }

  /**
   * A read of personal data. In a query operation the rows of the whole request are written in one statement
   * just before its transaction commits (and the data is not answered if they cannot be); elsewhere at once.
   */
  async recordRead(ctx: RequestContext, manager: EntityManager, event: AuditRecord): Promise<void> {
    const transaction = ctx.transaction;
    if (!transaction) return this.record(ctx, manager, event);
    let rows = this.pending.get(transaction);
    if (!rows) {
      this.pending.set(transaction, (rows = []));
      transaction.beforeCommit((m) => this.flush(m, rows!));
    }
    rows.push(row(ctx, event));
  }

  /**
   * Refuses a read, reveal or change of personal data the caller cannot see (outside its jurisdiction, or no such
   * record) as NOT_FOUND (or, for a reference in an input, as that `field`'s BAD_USER_INPUT), and records the refusal: who tried what and when, without the data. Call it before the
   * work has changed anything: the transaction commits the refusal's record (`inScope` treats `Refusal` so).
   */
  async refuse(
    ctx: RequestContext,
    m: EntityManager,
    attempt: { action: string; entityType: string; entityId: string; field?: string },
    message: string,
  ): Promise<never> {
    // An event of the caller's jurisdiction, about what its user tried: the id it asked for is what the user
    // sent, not a record of the other jurisdiction's, so it is kept in the changes rather than as the entity.
    await this.record(ctx, m, {
      action: `${attempt.action}_refused`,
      entityType: attempt.entityType,
      changes: { attemptedId: attempt.entityId },
      regionPath: ctx.principal?.jurisdiction.path ?? null,
    });
    throw new Refusal(message, attempt.field);
  }

  /** Many audit rows in one statement. */
  /**
   * How many times the actor did `action` in the last hour (counting `limit` at most), and in how many seconds the
   * oldest of those leaves the hour: a limit counted in the audit log itself, so every replica agrees.
   */
  async recentActions(
    m: EntityManager,
    actorId: string,
    action: string,
    limit: number,
  ): Promise<{ n: number; retry: number | null }> {
    const [counted] = await m.query(
      `SELECT count(*)::int AS n, ceil(extract(epoch FROM min(at) + interval '1 hour' - now()))::int AS retry
       FROM (SELECT at FROM audit_event WHERE actor_id = $1::uuid AND action = $2
             AND at > now() - interval '1 hour' ORDER BY at DESC LIMIT $3) recent`,
      [actorId, action, limit],
    );
    return counted;
  }

  private async flush(m: EntityManager, rows: AuditRow[]) {
    await m.query(
      `INSERT INTO audit_event (${NAMES}) SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS x (${COLUMNS_TYPED})`,
      [JSON.stringify(rows)],
    );
  }

  /** Newest first; an auditor sees the events of its jurisdiction (city-wide auditors also see global ones). */
  async list(ctx: RequestContext, filter: AuditEventFilter | null | undefined, args: PageArgs) {
    return listPage<AuditEventRow>(scoped(ctx), { ...this.listQuery(ctx, filter), args });
  }

  /** The events the list (or its export) selects. */
  listQuery(ctx: RequestContext, filter: AuditEventFilter | null | undefined): ListQuery<AuditEventRow> {
    const principal = requireAction(ctx, 'audit:read');
    const where = new Where();
    const scope = where.param(principal.jurisdiction.path, 'ltree');
    where.add(`(a.region_path <@ ${scope} OR (a.region_path IS NULL AND nlevel(${scope}) = 1))`);
    where.anyOf('a.action', filter?.action);
    if (filter?.entityType) where.add(`a.entity_type = ${where.param(filter.entityType)}`);
    if (filter?.entityId) where.add(`a.entity_id = ${where.param(filter.entityId)}`);
    where.id('a.actor_id', filter?.actorId, 'actorId');
    where.days('a.at', filter ?? {}, { from: 'from', to: 'to' }, 'timestamptz');
    // The service's condition and the table's policy say the same; the policy is what a mistake here cannot undo.
    return {
      from: 'audit_event a',
      columns: COLUMNS,
      where,
      // Identity ids grow with every insert, so newest first is id descending: exact, unlike timestamps.
      sort: inOrder('audit_event a', ['ID', 'id', SortDirection.DESC]),
    };
  }
}

/** The audit row of an event, by column. */
function row(ctx: RequestContext, event: AuditRecord) {
  const p = ctx.principal;
  const actor = event.actor ?? {
    kind: p?.kind ?? 'SYSTEM',
    id: p?.id ?? null,
    name: p?.name ?? 'system',
    roles: p?.roles ?? [],
  };
  return {
    actor_kind: actor.kind,
    actor_id: actor.kind === 'SYSTEM' ? null : actor.id,
    actor_name: actor.name,
    roles: actor.roles ?? [],
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    changes: event.changes ?? null,
    purpose: event.purpose ?? null,
    region_path: event.regionPath ?? null,
    request_id: ctx.requestId,
    client_ip: ctx.clientIp,
  };
}
type AuditRow = ReturnType<typeof row>;

const TYPES: Record<keyof AuditRow, string> = {
  actor_kind: 'text',
  actor_id: 'uuid',
  actor_name: 'text',
  roles: 'text[]',
  action: 'text',
  entity_type: 'text',
  entity_id: 'text',
  changes: 'jsonb',
  purpose: 'text',
  region_path: 'ltree',
  request_id: 'text',
  client_ip: 'text',
};
const NAMES = Object.keys(TYPES).join(', ');
const COLUMNS_TYPED = Object.entries(TYPES)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

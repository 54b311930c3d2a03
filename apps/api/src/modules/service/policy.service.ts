import { AppError } from '../../common/app-error';
import { atomically, requireAction, requirePrincipal, scopePath, unscoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
import { checkText, isoDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type { Policy, PolicyFilter, PublishPolicyInput } from './catalogue.types';
import type { CommunityService } from './community.service';

const POLICY_COLUMNS = `p.id, p.title, p.body, p.category, p.issuing_body AS "issuingBody",
  p.effective_from::text AS "effectiveFrom", p.effective_to::text AS "effectiveTo", p.region_code AS "regionCode",
  p.version, p.created_at AS "createdAt"`;
const RETURNING = POLICY_COLUMNS.replaceAll('p.', 'policy.');

/** Disclosed policies (政策公开): public information, published per region, newest in force first. */
export class PolicyService {
  constructor(
    private readonly audit: AuditService,
    private readonly communities: CommunityService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Policy[]> {
    return unscoped(ctx)((q) =>
      q.query(`SELECT ${POLICY_COLUMNS} FROM policy p WHERE p.id = ANY($1::uuid[])`, [ids]),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<Policy> {
    requirePrincipal(ctx);
    const [policy] = await this.findByIds(ctx, [parseId(id, 'id')]);
    if (!policy) throw AppError.notFound(`Policy ${id} was not found.`);
    return policy;
  }

  async list(ctx: RequestContext, filter: PolicyFilter | null | undefined, args: PageArgs) {
    return listPage(unscoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(ctx: RequestContext, filter: PolicyFilter | null | undefined): Promise<ListQuery<Policy>> {
    requirePrincipal(ctx);
    const where = new Where()
      .anyOf('p.category', filter?.category)
      .contains(['p.title', 'p.issuing_body'], filter?.q);
    if (filter?.regionCode)
      where.subtree('p.region_path', await this.communities.pathOf(ctx, filter.regionCode));
    if (filter?.publishedFor) {
      const path = await this.communities.pathOf(ctx, filter.publishedFor, 'publishedFor');
      where.add(`p.region_path @> ${where.param(path, 'ltree')}`);
    }
    if (filter?.inForceOn) {
      const day = where.param(isoDay(filter.inForceOn), 'date');
      where.add(`p.effective_from <= ${day} AND (p.effective_to IS NULL OR p.effective_to >= ${day})`);
    }
    return {
      from: 'policy p',
      columns: POLICY_COLUMNS,
      where,
      sort: fixedSort(
        'EFFECTIVE_FROM',
        { expr: 'p.effective_from', value: (p) => p.effectiveFrom, direction: SortDirection.DESC },
        { expr: 'p.id', of: (p) => p.id },
      ),
    };
  }

  async publish(ctx: RequestContext, input: PublishPolicyInput): Promise<Policy> {
    requireAction(ctx, 'service:manage');
    const path = await scopePath(ctx, input.regionCode);
    const title = checkText(input.title, 'title', 200);
    const body = checkText(input.body, 'body', 50_000);
    const issuingBody = checkText(input.issuingBody, 'issuingBody', 100);
    const from = isoDay(input.effectiveFrom);
    const to = input.effectiveTo ? isoDay(input.effectiveTo) : null;
    if (to && to < from) throw AppError.badInput('effectiveTo is before effectiveFrom.', 'effectiveTo');
    return atomically(ctx, async (m) => {
      const [created]: Policy[] = await m.query(
        `INSERT INTO policy (title, body, category, issuing_body, effective_from, effective_to, region_code)
         VALUES ($1, $2, $3, $4, $5::date, $6::date, $7) RETURNING ${RETURNING}`,
        [title, body, input.category, issuingBody, from, to, input.regionCode],
      );
      await this.audit.record(ctx, m, {
        action: 'policy.publish',
        entityType: 'Policy',
        entityId: created.id,
        changes: { title: { new: title }, regionCode: { new: input.regionCode } },
        regionPath: path,
      });
      return created;
    });
  }
}

import { DomainValidationError, type FormSchema } from '@qiangji/domain';
import { parseFormSchema } from '@qiangji/domain/forms';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, requireAction, requirePrincipal, scopePath, unscoped } from '../../common/authz';
import { listPage, SortDirection, fixedSort, type ListQuery, type PageArgs } from '../../common/connection';
import { parseId } from '../../common/ids';
import { checkText, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import type {
  CreateServiceItemInput,
  OfferServiceItemInput,
  ServiceItem,
  ServiceItemFilter,
} from './catalogue.types';
import type { CommunityService } from './community.service';

export const ITEM_COLUMNS = `i.id, i.code, i.name, i.category, i.service_point AS "servicePoint",
  i.eligible_tags AS "eligibleTags", i.min_age AS "minAge", i.eligibility, i.materials, i.form_schema -> 'fields' AS "formFields",
  i.on_site AS "onSite", i.time_limit_days AS "timeLimitDays", i.policy_id AS "policyId",
  i.region_code AS "regionCode", i.version`;

/** An item offered at the region with path `$path` or above it: the catalogue of a place. */
export const offeredAtSql = (item: string, path: string) =>
  `EXISTS (SELECT 1 FROM service_offering o WHERE o.item_id = ${item}.id AND o.region_path @> ${path})`;

/** The service catalogue (public information) and where each item is offered. */
export class ServiceItemService {
  constructor(
    private readonly audit: AuditService,
    private readonly communities: CommunityService,
  ) {}

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<ServiceItem[]> {
    return unscoped(ctx)((q) =>
      q.query(`SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** The items that rest on each policy, for `Policy.items`. */
  byPolicies(ctx: RequestContext, policyIds: readonly string[]): Promise<ServiceItem[]> {
    return unscoped(ctx)((q) =>
      q.query(
        `SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.policy_id = ANY($1::uuid[]) ORDER BY i.code`,
        [policyIds],
      ),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<ServiceItem> {
    requirePrincipal(ctx);
    const [item] = await this.findByIds(ctx, [parseId(id, 'id')]);
    if (!item) throw AppError.notFound(`Service item ${id} was not found.`);
    return item;
  }

  /** By category, then code. Any signed-in caller reads the catalogue of any place. */
  async list(ctx: RequestContext, filter: ServiceItemFilter | null | undefined, args: PageArgs) {
    return listPage(unscoped(ctx), { ...(await this.listQuery(ctx, filter)), args });
  }

  /** The rows the list (or its export) selects. */
  async listQuery(
    ctx: RequestContext,
    filter: ServiceItemFilter | null | undefined,
  ): Promise<ListQuery<ServiceItem>> {
    requirePrincipal(ctx);
    const where = new Where()
      .anyOf('i.category', filter?.category)
      .anyOf('i.service_point', filter?.servicePoint)
      .id('i.policy_id', filter?.policyId, 'policyId')
      .contains(['i.code', 'i.name'], filter?.q);
    if (filter?.offeredAt) {
      const path = await this.communities.pathOf(ctx, filter.offeredAt, 'offeredAt');
      where.add(offeredAtSql('i', where.param(path, 'ltree')));
    }
    return {
      from: 'service_item i',
      columns: ITEM_COLUMNS,
      where,
      sort: fixedSort(
        'CATEGORY_CODE',
        {
          expr: `(i.category || ' ' || i.code)`,
          value: (i) => `${i.category} ${i.code}`,
          direction: SortDirection.ASC,
        },
        { expr: 'i.id', of: (i) => i.id },
      ),
    };
  }

  /** The item with its form, for an application: offered at the service point (path), else BAD_USER_INPUT. */
  async offeredItem(
    m: EntityManager,
    itemId: string,
    path: string,
  ): Promise<ServiceItem & { formSchema: FormSchema }> {
    const [item] = await m.query(
      `SELECT ${ITEM_COLUMNS}, i.form_schema AS "formSchema" FROM service_item i
       WHERE i.id = $1::uuid AND ${offeredAtSql('i', '$2::ltree')}`,
      [itemId, path],
    );
    if (!item) throw AppError.badInput('That service item is not offered at this service point.', 'itemId');
    return item;
  }

  async create(ctx: RequestContext, input: CreateServiceItemInput): Promise<ServiceItem> {
    requireAction(ctx, 'service:manage');
    const path = await scopePath(ctx, input.regionCode);
    const code = input.code.trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(code))
      throw AppError.badInput('A code has 2 to 40 letters, digits and dashes.', 'code');
    const name = checkText(input.name, 'name', 100);
    const form = formOf(input.formFields);
    const materials = input.materials.map((mat, i) => ({
      name: checkText(mat.name, `materials.${i}.name`, 100),
      required: mat.required,
    }));
    if (!Number.isInteger(input.timeLimitDays) || input.timeLimitDays < 1 || input.timeLimitDays > 60)
      throw AppError.badInput('timeLimitDays is 1 to 60 working days.', 'timeLimitDays');
    const policyId = input.policyId == null ? null : parseId(input.policyId, 'policyId');
    const minAge = input.minAge ?? null;
    if (minAge !== null && (!Number.isInteger(minAge) || minAge < 1 || minAge > 120))
      throw AppError.badInput('minAge is a whole number of years from 1 to 120.', 'minAge');
    return atomically(ctx, async (m) => {
      if (policyId) {
        const [policy] = await m.query(`SELECT 1 FROM policy WHERE id = $1`, [policyId]);
        if (!policy) throw AppError.badInput(`Policy ${policyId} was not found.`, 'policyId');
      }
      const [created]: ServiceItem[] = await m.query(
        `INSERT INTO service_item AS i (code, name, category, service_point, eligible_tags, eligibility, materials,
           form_schema, on_site, time_limit_days, policy_id, region_code, min_age)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13)
         RETURNING ${ITEM_COLUMNS}`,
        [
          code,
          name,
          input.category,
          input.servicePoint,
          input.eligibleTags,
          input.eligibility.trim(),
          JSON.stringify(materials),
          JSON.stringify(form),
          input.onSite,
          input.timeLimitDays,
          policyId,
          input.regionCode,
          minAge,
        ],
      );
      await this.audit.record(ctx, m, {
        action: 'serviceItem.create',
        entityType: 'ServiceItem',
        entityId: created.id,
        changes: { code: { new: code }, name: { new: name }, timeLimitDays: { new: input.timeLimitDays } },
        regionPath: path,
      });
      return created;
    });
  }

  /** Adds offerings (what is offered already stays); every region must be in the caller's jurisdiction. */
  async offer(ctx: RequestContext, input: OfferServiceItemInput): Promise<ServiceItem> {
    requireAction(ctx, 'service:manage');
    const id = parseId(input.itemId, 'itemId');
    if (!input.regionCodes.length) throw AppError.badInput('Name at least one region.', 'regionCodes');
    const paths: string[] = [];
    for (const [i, code] of input.regionCodes.entries())
      paths.push(await scopePath(ctx, code, `regionCodes.${i}`));
    return atomically(ctx, async (m) => {
      const [item] = await m.query(`SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.id = $1`, [id]);
      if (!item) throw AppError.notFound(`Service item ${id} was not found.`);
      await m.query(
        `INSERT INTO service_offering (item_id, region_code) SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING`,
        [id, input.regionCodes],
      );
      await this.audit.record(ctx, m, {
        action: 'serviceItem.offer',
        entityType: 'ServiceItem',
        entityId: id,
        changes: { regionCodes: { new: input.regionCodes } },
        regionPath: paths[0],
      });
      return item;
    });
  }

  /** The codes of the regions offering each item, for `ServiceItem.offeredAt`. */
  offeringsOf(
    ctx: RequestContext,
    itemIds: readonly string[],
  ): Promise<{ itemId: string; regionCode: string }[]> {
    return unscoped(ctx)((q) =>
      q.query(
        `SELECT o.item_id AS "itemId", o.region_code AS "regionCode" FROM service_offering o
         WHERE o.item_id = ANY($1::uuid[]) ORDER BY o.item_id, o.region_code`,
        [itemIds],
      ),
    );
  }
}

/** The item's form from its input fields (absent options dropped), checked by the domain; errors on `formFields…`. */
function formOf(fields: CreateServiceItemInput['formFields']): FormSchema {
  try {
    return parseFormSchema({
      fields: fields.map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v != null))),
    });
  } catch (err) {
    if (!(err instanceof DomainValidationError)) throw err;
    throw AppError.badInput(err.message, err.field?.replace('formSchema.fields', 'formFields'));
  }
}

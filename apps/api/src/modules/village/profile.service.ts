import {
  adoptsModel,
  DomainValidationError,
  validateVillageIndicators,
  VILLAGE_INDICATOR_FIELDS,
  type VillageIndicators,
} from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, inScope, isWithin, requireAction, scopePath, scoped } from '../../common/authz';
import { listPage, orderedQuery, SortDirection } from '../../common/connection';
import type { ListQuery, PageArgs } from '../../common/connection';
import { parseId, parseIds } from '../../common/ids';
import { checkText, pastDay, Where } from '../../common/sql';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { parseIndicatorCsv, parseIndicatorXlsx } from './indicator-import';
import type {
  AddVillageOrganizationMembersInput,
  CreateVillageOrganizationInput,
  ImportLineError,
  RecordVillageIndicatorsInput,
  VillageIndicator,
  VillageIndicatorFilter,
  VillageIndicatorImport,
  VillageOrganization,
  VillageProfile,
} from './profile.types';
import { villagePath } from './village-place';

export const INDICATOR_COLUMNS = `i.id, i.region_code AS "regionCode", i.year, i.households, i.population,
  i.cultivated_land_mu::float8 AS "cultivatedLandMu", i.poor_households AS "poorHouseholds",
  i.per_capita_net_income::float8 AS "perCapitaNetIncome", i.collective_assets::float8 AS "collectiveAssets",
  i.collective_debts::float8 AS "collectiveDebts", (i.collective_assets - i.collective_debts)::float8 AS "netAssets",
  i.households_in_organizations AS "householdsInOrganizations", i.version`;
const ORGANIZATION_COLUMNS = `o.id, o.region_code AS "regionCode", o.kind, o.name, o.founded_on::text AS "foundedOn",
  o.dissolved_on::text AS "dissolvedOn", o.version, (SELECT count(*)::int FROM village_organization_member mm
    WHERE mm.organization_id = o.id AND mm.left_on IS NULL) AS "memberCount"`;
export const SAFETY_COLUMNS = `s.region_code AS "regionCode", s.year, s.public_order_cases AS "publicOrderCases",
  s.criminal_cases AS "criminalCases", s.version`;

/** Village profiles: yearly indicators (entered or imported), "1+3+N" organisations and memberships. */
export class VillageProfileService {
  constructor(private readonly audit: AuditService) {}

  /** A village's page in one statement: its years, organisations and safety records. */
  async profile(ctx: RequestContext, code: string): Promise<VillageProfile> {
    requireAction(ctx, 'village:read');
    await villagePath(ctx, code, 'code');
    const [row] = await inScope(ctx, (m) =>
      m.query(
        `SELECT
           (SELECT coalesce(json_agg(x ORDER BY x.year), '[]') FROM
             (SELECT ${INDICATOR_COLUMNS} FROM village_indicator i WHERE i.region_code = $1) x) AS indicators,
           (SELECT coalesce(json_agg(x ORDER BY x.kind, x.name), '[]') FROM
             (SELECT ${ORGANIZATION_COLUMNS} FROM village_organization o WHERE o.region_code = $1) x) AS organizations,
           (SELECT coalesce(json_agg(x ORDER BY x.year), '[]') FROM
             (SELECT ${SAFETY_COLUMNS} FROM village_safety_record s WHERE s.region_code = $1) x) AS "safetyRecords"`,
        [code],
      ),
    );
    const active = (row.organizations as VillageOrganization[]).filter((o) => o.dissolvedOn == null);
    return { code, ...row, adoptsModel: adoptsModel(active.map((o) => o.kind)) };
  }

  /** Newest year first. */
  async indicators(ctx: RequestContext, filter: VillageIndicatorFilter | null | undefined, args: PageArgs) {
    return listPage(scoped(ctx), { ...(await this.indicatorQuery(ctx, filter)), args });
  }

  async indicatorQuery(
    ctx: RequestContext,
    filter: VillageIndicatorFilter | null | undefined,
  ): Promise<ListQuery<VillageIndicator>> {
    requireAction(ctx, 'village:read');
    const where = new Where().subtree('i.region_path', await scopePath(ctx, filter?.regionCode));
    if (filter?.yearFrom != null) where.add(`i.year >= ${where.param(filter.yearFrom)}`);
    if (filter?.yearTo != null) where.add(`i.year <= ${where.param(filter.yearTo)}`);
    return orderedQuery<VillageIndicator>(['YEAR', 'year', SortDirection.DESC], {
      from: 'village_indicator i',
      columns: INDICATOR_COLUMNS,
      where,
    });
  }

  async recordIndicators(
    ctx: RequestContext,
    input: RecordVillageIndicatorsInput,
  ): Promise<VillageIndicator> {
    requireAction(ctx, 'village:write');
    const path = await villagePath(ctx, input.villageCode, 'villageCode');
    const { villageCode, ...figures } = input;
    const year = validateVillageIndicators(figures);
    return atomically(ctx, async (m) => {
      const [created] = await insertIndicators(m, [{ villageCode, ...year }]);
      await this.audit.record(ctx, m, {
        action: 'villageIndicator.record',
        entityType: 'VillageIndicator',
        entityId: created.id,
        changes: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { new: v }])),
        regionPath: path,
      });
      return created;
    });
  }

  /**
   * A CSV or XLSX of yearly indicators (a header, then one village and year a line): every line is checked, and
   * with any error nothing is written and every error is answered with its line. A year recorded already is an
   * error: an import never overwrites what was entered.
   */
  async importIndicators(
    ctx: RequestContext,
    file: { csv?: string | null; xlsx?: string | null },
  ): Promise<VillageIndicatorImport> {
    const principal = requireAction(ctx, 'village:write');
    if ((file.csv == null) === (file.xlsx == null))
      throw new AppError('BAD_USER_INPUT', 'Send either a CSV or an XLSX file.', { field: 'csv' });
    const parsed = file.csv != null ? parseIndicatorCsv(file.csv) : await parseIndicatorXlsx(file.xlsx!);
    const errors: ImportLineError[] = [...parsed.errors];
    const valid: (VillageIndicators & { villageCode: string; line: number })[] = [];
    const villages = await ctx.services.region.findByCodes(
      ctx,
      parsed.rows.map((r) => r.villageCode),
    );
    const byCode = new Map(villages.map((v) => [v.code, v]));
    const paths = new Map(
      (await ctx.services.region.pathsOf(ctx, [...byCode.keys()])).map((r) => [r.code, r.path]),
    );
    const seen = new Set<string>();
    for (const row of parsed.rows) {
      const fail = (message: string, field: string | null) => errors.push({ line: row.line, field, message });
      const region = byCode.get(row.villageCode);
      if (region?.level !== 'VILLAGE') {
        fail(`${row.villageCode} is not a village.`, 'villageCode');
        continue;
      }
      if (!isWithin(paths.get(row.villageCode)!, principal.jurisdiction.path)) {
        fail(`${row.villageCode} is outside your jurisdiction.`, 'villageCode');
        continue;
      }
      const key = `${row.villageCode}:${row.figures.year}`;
      if (seen.has(key)) {
        fail(`${row.villageCode} has ${row.figures.year} on an earlier line.`, 'year');
        continue;
      }
      seen.add(key);
      try {
        valid.push({
          ...validateVillageIndicators(row.figures),
          villageCode: row.villageCode,
          line: row.line,
        });
      } catch (err) {
        if (!(err instanceof DomainValidationError)) throw err;
        fail(err.message, err.field ?? null);
      }
    }
    return atomically(ctx, async (m) => {
      const existing: { regionCode: string; year: number }[] = valid.length
        ? await m.query(
            `SELECT region_code AS "regionCode", year FROM village_indicator
             WHERE (region_code, year) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
            [valid.map((v) => v.villageCode), valid.map((v) => v.year)],
          )
        : [];
      const recorded = new Set(existing.map((e) => `${e.regionCode}:${e.year}`));
      for (const v of valid)
        if (recorded.has(`${v.villageCode}:${v.year}`))
          errors.push({
            line: v.line,
            field: 'year',
            message: `${v.villageCode} has ${v.year} recorded already.`,
          });
      if (errors.length || !valid.length)
        return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };
      await insertIndicators(m, valid);
      await this.audit.record(ctx, m, {
        action: 'villageIndicator.import',
        entityType: 'VillageIndicator',
        changes: {
          imported: { new: valid.length },
          villages: { new: [...new Set(valid.map((v) => v.villageCode))] },
        },
        regionPath: principal.jurisdiction.path,
      });
      return { imported: valid.length, errors: [] };
    });
  }

  organizationsOf(ctx: RequestContext, ids: readonly string[]): Promise<VillageOrganization[]> {
    return inScope(ctx, (m) =>
      m.query(`SELECT ${ORGANIZATION_COLUMNS} FROM village_organization o WHERE o.id = ANY($1::uuid[])`, [
        ids,
      ]),
    );
  }

  membersOf(ctx: RequestContext, organizationIds: readonly string[]) {
    return inScope(ctx, (m) =>
      m.query(
        `SELECT organization_id AS "organizationId", household_id AS "householdId", joined_on::text AS "joinedOn",
           left_on::text AS "leftOn"
         FROM village_organization_member WHERE organization_id = ANY($1::uuid[])
         ORDER BY organization_id, joined_on, household_id`,
        [organizationIds],
      ),
    );
  }

  async createOrganization(
    ctx: RequestContext,
    input: CreateVillageOrganizationInput,
  ): Promise<VillageOrganization> {
    requireAction(ctx, 'village:write');
    const path = await villagePath(ctx, input.villageCode, 'villageCode');
    const name = checkText(input.name, 'name', 100);
    const foundedOn = pastDay(input.foundedOn, 'foundedOn');
    return atomically(ctx, async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO village_organization (region_code, kind, name, founded_on) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.villageCode, input.kind, name, foundedOn],
      );
      const [created] = await this.organizationsOf(ctx, [id]);
      await this.audit.record(ctx, m, {
        action: 'villageOrganization.create',
        entityType: 'VillageOrganization',
        entityId: created.id,
        changes: { kind: { new: input.kind }, name: { new: name }, foundedOn: { new: foundedOn } },
        regionPath: path,
      });
      return created;
    });
  }

  /** Households of the village join the organisation; those who are members already stay as they are. */
  async addMembers(
    ctx: RequestContext,
    input: AddVillageOrganizationMembersInput,
  ): Promise<VillageOrganization> {
    requireAction(ctx, 'village:write');
    const organizationId = parseId(input.organizationId, 'organizationId');
    const householdIds = [...new Set(parseIds(input.householdIds, 'householdIds'))];
    if (!householdIds.length) throw AppError.badInput('Name at least one household.', 'householdIds');
    const joinedOn = pastDay(input.joinedOn, 'joinedOn');
    return atomically(ctx, async (m) => {
      const [organization] = await m.query(
        `SELECT o.id, o.region_path::text AS path, o.founded_on::text AS "foundedOn" FROM village_organization o
         WHERE o.id = $1 FOR UPDATE`,
        [organizationId],
      );
      if (!organization) throw AppError.notFound(`Village organisation ${organizationId} was not found.`);
      if (joinedOn < organization.foundedOn)
        throw AppError.badInput('joinedOn is before the organisation was founded.', 'joinedOn');
      const households = await ctx.services.households.findByIds(ctx, householdIds);
      const places = new Map(
        (
          await ctx.services.region.pathsOf(
            ctx,
            households.map((h) => h.regionCode),
          )
        ).map((r) => [r.code, r.path]),
      );
      const inVillage = new Set(
        households.filter((h) => isWithin(places.get(h.regionCode)!, organization.path)).map((h) => h.id),
      );
      const stray = householdIds.findIndex((id) => !inVillage.has(id));
      if (stray >= 0)
        throw AppError.badInput('That household is not one of the village’s.', `householdIds.${stray}`);
      const added: { householdId: string }[] = await m.query(
        `INSERT INTO village_organization_member (organization_id, household_id, region_path, joined_on)
         SELECT $1, h, $2::ltree, $3 FROM unnest($4::uuid[]) h
         ON CONFLICT (organization_id, household_id) DO NOTHING RETURNING household_id AS "householdId"`,
        [organizationId, organization.path, joinedOn, householdIds],
      );
      await this.audit.record(ctx, m, {
        action: 'villageOrganization.addMembers',
        entityType: 'VillageOrganization',
        entityId: organizationId,
        changes: { members: { new: added.map((a) => a.householdId) }, joinedOn: { new: joinedOn } },
        regionPath: organization.path,
      });
      const [updated] = await this.organizationsOf(ctx, [organizationId]);
      return updated;
    });
  }
}

/** Many years of many villages in one statement; a year recorded already breaks `village_indicator_year`. */
function insertIndicators(
  m: EntityManager,
  rows: (VillageIndicators & { villageCode: string })[],
): Promise<VillageIndicator[]> {
  return m.query(
    `INSERT INTO village_indicator (region_code, ${VILLAGE_INDICATOR_FIELDS.map(snake).join(', ')})
     SELECT "villageCode", ${VILLAGE_INDICATOR_FIELDS.map((k) => `"${k}"`).join(', ')}
     FROM jsonb_to_recordset($1::jsonb) AS x ("villageCode" text, year int, households int, population int,
       "cultivatedLandMu" numeric, "poorHouseholds" int, "perCapitaNetIncome" bigint, "collectiveAssets" bigint,
       "collectiveDebts" bigint, "householdsInOrganizations" int)
     RETURNING ${INDICATOR_COLUMNS.replaceAll('i.', '')}`,
    [JSON.stringify(rows)],
  );
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

import { chinaDay } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { atomically, isWithin, requireAction, requirePrincipal } from '../../common/authz';
import type { RequestContext } from '../../server/context';
import type { AuditService } from '../audit/audit.service';
import { SAFETY_COLUMNS } from './profile.service';
import type { VillageYearCases, VillageSafetyRecord } from './profile.types';
import { villagePath } from './village-place';

/** The figures public security sends, one village and year each (`villageSafety.recordCounts`). */
export interface SafetyCounts {
  villageCode: string;
  year: number;
  publicOrderCases: number;
  criminalCases: number;
}

/** The villages' safety records (public-order and criminal cases a year): entered here, or fed by public security. */
export class VillageSafetyService {
  constructor(private readonly audit: AuditService) {}

  /**
   * The safety records' one writer, for the village page and for public security: sets each village's counts of
   * a year in one statement, idempotently (the same figures again change nothing and record nothing), and
   * audits what changed with the old figures, in a second.
   */
  async recordCounts(ctx: RequestContext, m: EntityManager, rows: readonly SafetyCounts[]): Promise<void> {
    const principal = requirePrincipal(ctx);
    if (!rows.length) return;
    const thisYear = Number(chinaDay().slice(0, 4));
    const regions = new Map(
      (
        await ctx.services.region.findByCodes(
          ctx,
          rows.map((r) => r.villageCode),
        )
      ).map((r) => [r.code, r]),
    );
    const paths = new Map(
      (await ctx.services.region.pathsOf(ctx, [...regions.keys()])).map((r) => [r.code, r.path]),
    );
    rows.forEach((r, i) => {
      const field = `rows.${i}`;
      if (regions.get(r.villageCode)?.level !== 'VILLAGE')
        throw AppError.badInput(`${r.villageCode} is not a village.`, `${field}.villageCode`);
      if (!isWithin(paths.get(r.villageCode)!, principal.jurisdiction.path))
        throw new AppError('FORBIDDEN', `Region ${r.villageCode} is outside your jurisdiction.`);
      if (!Number.isInteger(r.year) || r.year < 1949 || r.year > thisYear)
        throw AppError.badInput(`year is from 1949 to ${thisYear}.`, `${field}.year`);
      for (const k of ['publicOrderCases', 'criminalCases'] as const)
        if (!Number.isInteger(r[k]) || r[k] < 0)
          throw AppError.badInput(`${k} is a whole number of 0 or more.`, `${field}.${k}`);
    });
    const changed: (SafetyCounts & { path: string; old: SafetyCounts | null })[] = await m.query(
      `WITH input AS (
         SELECT DISTINCT ON (x."villageCode", x.year) x.* FROM jsonb_to_recordset($1::jsonb)
           AS x ("villageCode" text, year int, "publicOrderCases" int, "criminalCases" int)
       ),
       old AS (SELECT s.* FROM village_safety_record s JOIN input x ON x."villageCode" = s.region_code AND x.year = s.year)
       INSERT INTO village_safety_record AS s (region_code, year, public_order_cases, criminal_cases)
       SELECT "villageCode", year, "publicOrderCases", "criminalCases" FROM input
       ON CONFLICT (region_code, year) DO UPDATE SET public_order_cases = EXCLUDED.public_order_cases,
         criminal_cases = EXCLUDED.criminal_cases, version = s.version + 1, updated_at = now()
       WHERE (s.public_order_cases, s.criminal_cases) IS DISTINCT FROM (EXCLUDED.public_order_cases, EXCLUDED.criminal_cases)
       RETURNING s.region_code AS "villageCode", s.year, s.public_order_cases AS "publicOrderCases",
         s.criminal_cases AS "criminalCases", s.region_path::text AS path,
         (SELECT json_build_object('publicOrderCases', o.public_order_cases, 'criminalCases', o.criminal_cases)
          FROM old o WHERE o.region_code = s.region_code AND o.year = s.year) AS old`,
      [JSON.stringify(rows)],
    );
    await this.audit.recordMany(
      ctx,
      m,
      changed.map((c) => ({
        action: 'villageSafety.record',
        entityType: 'VillageSafetyRecord',
        entityId: `${c.villageCode}:${c.year}`,
        changes: {
          publicOrderCases: { old: c.old?.publicOrderCases ?? null, new: c.publicOrderCases },
          criminalCases: { old: c.old?.criminalCases ?? null, new: c.criminalCases },
        },
        regionPath: c.path,
      })),
    );
  }

  /** The village page's entry of a year's safety figures, through the one writer. */
  async record(ctx: RequestContext, input: VillageYearCases): Promise<VillageSafetyRecord> {
    requireAction(ctx, 'village:write');
    await villagePath(ctx, input.villageCode, 'villageCode');
    return atomically(ctx, async (m) => {
      await this.recordCounts(ctx, m, [input]);
      const [row]: VillageSafetyRecord[] = await m.query(
        `SELECT ${SAFETY_COLUMNS} FROM village_safety_record s WHERE s.region_code = $1 AND s.year = $2`,
        [input.villageCode, input.year],
      );
      return row;
    });
  }
}

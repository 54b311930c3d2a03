import { divisionCodeTier, REGION_TIERS, type RegionLevel } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';

export interface RegionWrite {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  urbanRuralCode?: string | null;
  population?: number | null;
  households?: number | null;
  validFrom?: string | null;
}

export interface WriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes regions tier by tier (one statement per tier), so every parent exists before its
 * children's path trigger looks it up. `update` rewrites only rows whose values differ, so a
 * repeated import reports, and changes, nothing.
 */
export async function writeRegions(
  manager: EntityManager,
  rows: RegionWrite[],
  mode: 'insert-missing' | 'upsert',
): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, updated: 0, unchanged: 0 };
  for (const tier of REGION_TIERS) {
    const batch = rows.filter((r) => divisionCodeTier(r.code) === tier);
    if (!batch.length) continue;
    const column = <K extends keyof RegionWrite>(key: K) => batch.map((r) => r[key] ?? null);
    const written: { inserted: boolean }[] = await manager.query(
      `INSERT INTO region (code, name, level, parent_code, urban_rural_code, population, households, valid_from)
       SELECT code, name, level, parent_code, urban_rural_code, population, households, COALESCE(valid_from, current_date)
       FROM unnest($1::varchar[], $2::text[], $3::region_level[], $4::varchar[], $5::char(3)[], $6::int[], $7::int[], $8::date[])
         AS t(code, name, level, parent_code, urban_rural_code, population, households, valid_from)
       ${
         mode === 'upsert'
           ? `ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                parent_code = EXCLUDED.parent_code, urban_rural_code = EXCLUDED.urban_rural_code, updated_at = now()
              WHERE (region.name, region.level, region.parent_code, region.urban_rural_code)
                IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.urban_rural_code)`
           : 'ON CONFLICT (code) DO NOTHING'
       }
       RETURNING (xmax = 0) AS inserted`,
      [
        column('code'),
        column('name'),
        column('level'),
        column('parentCode'),
        column('urbanRuralCode'),
        column('population'),
        column('households'),
        column('validFrom'),
      ],
    );
    const inserted = written.filter((w) => w.inserted).length;
    result.inserted += inserted;
    result.updated += written.length - inserted;
    result.unchanged += batch.length - written.length;
  }
  return result;
}

import { divisionCodeTier, REGION_TIERS, type RegionLevel } from '@qiangji/domain';
import type { EntityManager } from 'typeorm';
import { insertRows, rowsTable } from '../../common/seed-kit';

export interface RegionWrite {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  urbanRuralCode?: string | null;
  population?: number | null;
  households?: number | null;
  validFrom?: string | null;
  /** Where a map puts the region's mark when no boundary was imported (WGS-84). */
  centroidLat?: number | null;
  centroidLng?: number | null;
}

export interface WriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const REGIONS = rowsTable(
  'region',
  {
    code: 'varchar',
    name: 'text',
    level: 'region_level',
    parentCode: 'varchar',
    urbanRuralCode: 'char(3)',
    population: 'int',
    households: 'int',
    validFrom: 'date',
    centroidLat: 'numeric',
    centroidLng: 'numeric',
  },
  { validFrom: `COALESCE(r."validFrom", current_date)` },
);

/** An import's update: only rows whose values differ are rewritten. */
const UPSERT = `ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
    parent_code = EXCLUDED.parent_code, urban_rural_code = EXCLUDED.urban_rural_code, updated_at = now()
  WHERE (region.name, region.level, region.parent_code, region.urban_rural_code)
    IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.urban_rural_code)`;

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
    const written = await insertRows<typeof REGIONS.columns, { inserted: boolean }>(
      manager,
      REGIONS,
      batch,
      `${mode === 'upsert' ? UPSERT : 'ON CONFLICT (code) DO NOTHING'} RETURNING (xmax = 0) AS inserted`,
    );
    const inserted = written.filter((w) => w.inserted).length;
    result.inserted += inserted;
    result.updated += written.length - inserted;
    result.unchanged += batch.length - written.length;
  }
  return result;
}

import type { RegionLevel } from '@qiangji/domain';

/** A region as listed (`RegionRow` in region-resource.ts); `id` equals `code`. */
export interface RegionRecord {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * A region as shown (`RegionDetail`). The show page may first render a row from a list's cache, so every
 * field beyond RegionRecord is optional until the detail query has answered.
 */
export interface RegionDetailRecord extends RegionRecord {
  urbanRuralCode?: string | null;
  population?: number | null;
  households?: number | null;
  validFrom?: string;
  validTo?: string | null;
  ancestors?: Pick<RegionRecord, 'id' | 'code' | 'name' | 'level'>[];
  descendantCounts?: { level: RegionLevel; count: number }[];
}

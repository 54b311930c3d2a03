import type { RegionLevel } from '@qiangji/domain';
import type { RegionRef } from '../common/region-ref';

/** A region as listed (`RegionRow` in region-resource.ts); `id` equals `code`. */
export interface RegionRecord {
  id: string;
  code: string;
  name: string;
  /** The name with what tells it apart from namesakes: 上红社区 · 第1网格, 东升村 (宾县 · 宁远镇). */
  qualifiedName: string;
  level: RegionLevel;
  parentCode: string | null;
  parent: RegionRef | null;
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

/**
 * What a record's region (or jurisdiction) is read with: `qualifiedName` tells apart the names that repeat
 * (每个社区都有第1网格; 17 villages are called 东升村), and is what the dashboard shows.
 */
export const REGION_REF = 'code name qualifiedName';

/** A region as records carry it. */
export interface RegionRef {
  code: string;
  name: string;
  /** Absent only in rows cached by builds before it. */
  qualifiedName?: string;
}

/** The name to show: the qualified one. */
export const regionName = (region: RegionRef) => region.qualifiedName ?? region.name;

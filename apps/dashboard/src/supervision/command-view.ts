import type { AlertKind, KpiUnit } from '@qiangji/domain';
import { REGION_REF, type RegionRef } from '../common/region-ref';

/** One KPI tile as the API computes it from the modules' rollups. */
export interface KpiTile {
  key: string;
  area: string;
  label: { zh: string; en: string };
  unit: KpiUnit;
  higherIsBetter: boolean;
  value: number | null;
  previous: number | null;
  /** Percentage points for PERCENT, a fraction for COUNT. */
  change: number | null;
  sparkline: { month: string; value: number | null }[];
}

export interface CommandChild {
  regionCode: string;
  name: string;
  centroid: { lat: number; lng: number } | null;
  /** A GeoJSON Polygon or MultiPolygon where boundaries were imported. */
  boundary: { type: string; coordinates: unknown } | null;
  figures: { key: string; value: number | null }[];
}

export interface CommandAlert {
  kind: AlertKind;
  count: number;
  regionCode: string;
  region: RegionRef;
  subject: string | null;
  resource: string;
  filter: Record<string, unknown>;
}

export interface CommandViewData {
  regionCode: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  region: RegionRef & { level: string };
  tiles: KpiTile[];
  children: CommandChild[];
  alerts: CommandAlert[];
}

/** The whole command view in one request: what the tiles, the map, the table and the alerts show. */
export const COMMAND_VIEW = `query CommandView($regionCode: String, $from: String!, $to: String!) {
  result: commandView(regionCode: $regionCode, from: $from, to: $to) {
    regionCode from to previousFrom previousTo
    region { ${REGION_REF} level }
    tiles { key area label { zh en } unit higherIsBetter value previous change sparkline { month value } }
    children { regionCode name centroid { lat lng } boundary figures { key value } }
    alerts { kind count regionCode region { ${REGION_REF} } subject resource filter }
  }
}`;

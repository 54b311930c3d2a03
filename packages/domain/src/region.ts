import { DomainValidationError } from './errors';

/** Every level a node of the region tree can have, from the city down to the grid unit. */
export const REGION_LEVELS = Object.freeze([
  'CITY',
  'DISTRICT',
  'COUNTY',
  'COUNTY_CITY',
  'STREET',
  'TOWNSHIP',
  'COMMUNITY',
  'VILLAGE',
  'HAMLET',
  'GRID',
] as const);
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * Tiers are the depths of the tree. Levels on the same tier are siblings of a different kind (an urban
 * district and a rural county both sit under the city), and the division code's length tells the tier,
 * never the level.
 */
export const REGION_TIERS = Object.freeze(['CITY', 'COUNTY', 'TOWN', 'VILLAGE', 'HAMLET', 'GRID'] as const);
export type RegionTier = (typeof REGION_TIERS)[number];

export const REGION_LEVEL_TIER: Readonly<Record<RegionLevel, RegionTier>> = Object.freeze({
  CITY: 'CITY',
  DISTRICT: 'COUNTY',
  COUNTY: 'COUNTY',
  COUNTY_CITY: 'COUNTY',
  STREET: 'TOWN',
  TOWNSHIP: 'TOWN',
  COMMUNITY: 'VILLAGE',
  VILLAGE: 'VILLAGE',
  HAMLET: 'HAMLET',
  GRID: 'GRID',
});

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, Readonly<{ zh: string; en: string }>>> =
  Object.freeze({
    CITY: Object.freeze({ zh: '市', en: 'City' }),
    DISTRICT: Object.freeze({ zh: '区', en: 'District' }),
    COUNTY: Object.freeze({ zh: '县', en: 'County' }),
    COUNTY_CITY: Object.freeze({ zh: '县级市', en: 'County-level city' }),
    STREET: Object.freeze({ zh: '街道', en: 'Street' }),
    TOWNSHIP: Object.freeze({ zh: '乡镇', en: 'Township' }),
    COMMUNITY: Object.freeze({ zh: '社区', en: 'Community' }),
    VILLAGE: Object.freeze({ zh: '村', en: 'Village' }),
    HAMLET: Object.freeze({ zh: '屯', en: 'Hamlet' }),
    GRID: Object.freeze({ zh: '网格', en: 'Grid unit' }),
  });

export function isRegionLevel(v: unknown): v is RegionLevel {
  return typeof v === 'string' && (REGION_LEVELS as readonly string[]).includes(v);
}

/** The levels of one tier, in REGION_LEVELS order; a fresh array, so callers may sort or extend it. */
export function levelsOfTier(tier: RegionTier): RegionLevel[] {
  if (!(REGION_TIERS as readonly unknown[]).includes(tier)) {
    throw new DomainValidationError(
      `Region tier must be one of ${REGION_TIERS.join(', ')}; got ${JSON.stringify(tier)}.`,
      'tier',
    );
  }
  return REGION_LEVELS.filter((level) => REGION_LEVEL_TIER[level] === tier);
}

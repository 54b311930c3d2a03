import { REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '@qiangji/domain';

/** The level names come from the domain package, so the API, the dashboard and other clients say the same. */
export function regionLevelMessages(language: 'zh' | 'en'): Record<RegionLevel, string> {
  return Object.fromEntries(
    REGION_LEVELS.map((level) => [level, REGION_LEVEL_LABELS[level][language]]),
  ) as Record<RegionLevel, string>;
}

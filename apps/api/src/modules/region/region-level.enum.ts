import { REGION_LEVELS, type RegionLevel } from '@qiangji/domain';
import { registerEnumType } from 'type-graphql';

/** The domain's union as a GraphQL enum: one list of levels, owned by @qiangji/domain. */
export const RegionLevelEnum = Object.fromEntries(REGION_LEVELS.map((l) => [l, l])) as {
  [L in RegionLevel]: L;
};

registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: 'Level of a region in the tree.' });

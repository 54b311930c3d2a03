import { REGION_LEVELS } from '@qiangji/domain';
import { SearchInput, SelectInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput';

// SelectInput translates choice names, so these are message keys, not labels.
const LEVEL_CHOICES = REGION_LEVELS.map((level) => ({ id: level, name: `app.region_level.${level}` }));

/** Labels come from resources.regions.fields.<source>; region-resource.ts maps the values to RegionFilter. */
export const regionFilters = [
  <SearchInput key="nameContains" source="nameContains" alwaysOn />,
  <SelectInput key="level" source="level" choices={LEVEL_CHOICES} alwaysOn />,
  <RegionInput key="withinCode" source="withinCode" alwaysOn />,
];

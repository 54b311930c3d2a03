import { REGION_LEVELS } from '@qiangji/domain';
import { SelectInput } from 'react-admin';
import { regionFilter, searchFilter } from '../common/filter-inputs';

// SelectInput translates choice names, so these are message keys, not labels.
const LEVEL_CHOICES = REGION_LEVELS.map((level) => ({ id: level, name: `app.region_level.${level}` }));

/** Labels come from resources.regions.fields.<source>; region-resource.ts maps the values to RegionFilter. */
export const regionFilters = [
  searchFilter('nameContains'),
  <SelectInput key="level" source="level" choices={LEVEL_CHOICES} alwaysOn />,
  regionFilter('withinCode'),
];

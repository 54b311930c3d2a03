import { TAG_CHOICES } from '../common/choices';
import { choicesFilter, regionFilter, searchFilter } from '../common/filter-inputs';

/** Labels come from resources.households.fields.<source>; household-resource.ts maps them to HouseholdFilter. */
export const householdFilters = [
  searchFilter('addressContains'),
  regionFilter(),
  choicesFilter('tags', TAG_CHOICES),
];

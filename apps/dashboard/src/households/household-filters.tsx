import { SearchInput, SelectArrayInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** Labels come from resources.households.fields.<source>; household-resource.ts maps them to HouseholdFilter. */
export const householdFilters = [
  <SearchInput key="addressContains" source="addressContains" alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput key="tags" source="tags" choices={TAG_CHOICES} />,
];

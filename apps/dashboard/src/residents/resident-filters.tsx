import { SearchInput, SelectArrayInput, TextInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** Labels come from resources.residents.fields.<source>; resident-resource.ts maps the values to ResidentFilter. */
export const residentFilters = [
  <SearchInput key="nameContains" source="nameContains" alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput key="tags" source="tags" choices={TAG_CHOICES} />,
  <TextInput key="idNumber" source="idNumber" />,
];

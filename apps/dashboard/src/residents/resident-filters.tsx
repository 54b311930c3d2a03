import { TextInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { choicesFilter, regionFilter, searchFilter } from '../common/filter-inputs';

/** Labels come from resources.residents.fields.<source>; resident-resource.ts maps the values to ResidentFilter. */
export const residentFilters = [
  searchFilter('nameContains'),
  regionFilter(),
  choicesFilter('tags', TAG_CHOICES),
  <TextInput key="idNumber" source="idNumber" />,
];

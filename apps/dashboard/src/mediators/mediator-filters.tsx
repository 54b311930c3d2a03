import { NullableBooleanInput, SelectInput } from 'react-admin';
import { DISPUTE_TYPE_CHOICES, EMPLOYMENT_CHOICES } from '../common/choices';
import { choicesFilter, regionFilter, searchFilter } from '../common/filter-inputs';

/** Labels come from resources.mediators.fields.<source>. */
export const mediatorFilters = [
  searchFilter('nameContains'),
  regionFilter(),
  choicesFilter('employment', EMPLOYMENT_CHOICES, { minWidth: '8rem' }),
  <SelectInput key="speciality" source="speciality" choices={DISPUTE_TYPE_CHOICES} />,
  <NullableBooleanInput key="active" source="active" />,
];

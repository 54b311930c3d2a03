import { NullableBooleanInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { DISPUTE_TYPE_CHOICES, EMPLOYMENT_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** Labels come from resources.mediators.fields.<source>. */
export const mediatorFilters = [
  <SearchInput key="nameContains" source="nameContains" alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="employment"
    source="employment"
    choices={EMPLOYMENT_CHOICES}
    sx={{ minWidth: '8rem' }}
  />,
  <SelectInput key="speciality" source="speciality" choices={DISPUTE_TYPE_CHOICES} />,
  <NullableBooleanInput key="active" source="active" />,
];

import { SearchInput, SelectArrayInput } from 'react-admin';
import { INDUSTRY_CHOICES, ORGANIZATION_KIND_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** Labels come from resources.mediationOrganizations.fields.<source>. */
export const organizationFilters = [
  <SearchInput key="nameContains" source="nameContains" alwaysOn />,
  <RegionInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectArrayInput
    key="kind"
    source="kind"
    choices={ORGANIZATION_KIND_CHOICES}
    alwaysOn
    sx={{ minWidth: '12rem' }}
  />,
  <SelectArrayInput key="industry" source="industry" choices={INDUSTRY_CHOICES} sx={{ minWidth: '12rem' }} />,
];

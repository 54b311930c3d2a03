import { INDUSTRY_CHOICES, ORGANIZATION_KIND_CHOICES } from '../common/choices';
import { choicesFilter, regionFilter, searchFilter } from '../common/filter-inputs';

/** Labels come from resources.mediationOrganizations.fields.<source>. */
export const organizationFilters = [
  searchFilter('nameContains'),
  regionFilter(),
  choicesFilter('kind', ORGANIZATION_KIND_CHOICES, { minWidth: '12rem', alwaysOn: true }),
  choicesFilter('industry', INDUSTRY_CHOICES, { minWidth: '12rem' }),
];

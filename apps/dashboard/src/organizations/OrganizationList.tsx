import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { organizationFilters } from './organization-filters';

/** Every mediation organisation of the city (reference data), by name: committees, centres, clinics. */
export const OrganizationList = () => (
  <List filters={organizationFilters} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <LabelField source="kind" messages="app.organization_kind" sortable={false} />
      <LabelField source="industry" messages="app.industry" sortable={false} />
      <RegionLink label="resources.mediationOrganizations.fields.region" sortable={false} />
      <NumberField source="memberCount" sortable={false} />
    </Datagrid>
  </List>
);

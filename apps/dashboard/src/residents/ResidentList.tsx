import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { LabelField, TagsField } from '../common/LabelChips';
import { residentFilters } from './resident-filters';

/** Residents of the user's jurisdiction, ID numbers and phones masked; every page read is audited by the API. */
export const ResidentList = () => (
  // No export: a CSV of personal data leaves the audit trail's reach once downloaded.
  <List filters={residentFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <LabelField source="gender" messages="app.gender" sortable={false} />
      <NumberField source="age" sortable={false} />
      <TextField source="idNumber" sortable={false} />
      <TextField source="phone" sortable={false} emptyText="—" />
      <TagsField source="tags" sortable={false} />
      <TextField source="region.name" label="resources.residents.fields.region" sortable={false} />
    </Datagrid>
  </List>
);

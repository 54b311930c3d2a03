import { Datagrid, List, TextField } from 'react-admin';
import { TagsField } from '../common/LabelChips';
import { householdFilters } from './household-filters';

/** Households of the user's jurisdiction, in the API's order (by address): it sorts by nothing else. */
export const HouseholdList = () => (
  <List filters={householdFilters} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="address" sortable={false} />
      <TextField source="head.name" label="resources.households.fields.head" sortable={false} emptyText="—" />
      <TagsField source="tags" sortable={false} />
      <TextField source="region.name" label="resources.households.fields.region" sortable={false} />
    </Datagrid>
  </List>
);

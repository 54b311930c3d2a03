import { Datagrid, List, ReferenceField, TextField } from 'react-admin';
import { regionFilters } from './region-filters';
import { RegionLevelField } from './RegionLevelField';

/** Only code and name are sortable: the API orders by nothing else (RegionOrderField). */
export const RegionList = () => (
  <List filters={regionFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <RegionLevelField source="level" sortable={false} />
      <ReferenceField source="parentCode" reference="regions" link="show" sortable={false} />
    </Datagrid>
  </List>
);

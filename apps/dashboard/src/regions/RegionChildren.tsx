import { Datagrid, Pagination, ReferenceManyField, TextField } from 'react-admin';
import { RegionLevelField } from './RegionLevelField';

/** The record's direct children, each row opening that child's page: how officials walk down the tree. */
export const RegionChildren = () => (
  <ReferenceManyField
    reference="regions"
    target="parentCode"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={25}
    pagination={<Pagination />}
    empty="app.regions.no_children"
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <RegionLevelField source="level" sortable={false} />
    </Datagrid>
  </ReferenceManyField>
);

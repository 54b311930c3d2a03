import { BooleanField, Datagrid, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';

/** Accounts within the admin's jurisdiction, by username (the API's only order). */
export const UserList = () => (
  <List perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="username" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <LabelChips source="roles" messages="app.role" sortable={false} />
      <RegionLink source="jurisdiction" label="resources.users.fields.jurisdiction" sortable={false} />
      <BooleanField source="disabled" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);

import { BooleanField, Datagrid, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips } from '../common/LabelChips';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';

interface UserRow {
  username: string;
  displayName: string;
  roles: string[];
  jurisdiction: RegionRef;
}

/** Accounts within the admin's jurisdiction, by username (the API's only order). */
export const UserList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      phone={{
        primaryText: (u: UserRow) => `${u.displayName} (${u.username})`,
        secondaryText: (u: UserRow) =>
          u.roles.map((role) => translate(`app.role.${role}`)).join(translate('app.list_separator')),
        tertiaryText: (u: UserRow) => regionName(u.jurisdiction),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="username" sortable={false} />
        <TextField source="displayName" sortable={false} />
        <LabelChips source="roles" messages="app.role" sortable={false} />
        <RegionLink source="jurisdiction" label="resources.users.fields.jurisdiction" sortable={false} />
        <BooleanField source="disabled" sortable={false} />
        <DateTimeField source="createdAt" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};

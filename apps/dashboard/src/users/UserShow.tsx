import { BooleanField, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { UserStatusButton } from './UserStatusButton';

/** One account; the API has no generic user update, only the disable and enable commands. */
export const UserShow = () => (
  <DetailShow
    actions={
      <TopToolbar>
        <UserStatusButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="displayName" />
      <LabelChips source="roles" messages="app.role" />
      <RegionLink source="jurisdiction" label="resources.users.fields.jurisdiction" />
      <BooleanField source="disabled" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </DetailShow>
);

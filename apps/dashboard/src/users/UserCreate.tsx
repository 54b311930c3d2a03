import {
  Create,
  minLength,
  PasswordInput,
  required,
  SelectArrayInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { ROLE_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { useCreateConflict } from '../common/use-create-conflict';
import { MIN_PASSWORD_LENGTH } from './user-resource';

/** createUser; the API refuses a jurisdiction outside the admin's own, and a username already taken (CONFLICT). */
export const UserCreate = () => (
  <Create redirect="show" mutationOptions={useCreateConflict('app.users.username_taken')}>
    <SimpleForm>
      <TextInput source="username" validate={required()} autoComplete="off" />
      <TextInput source="displayName" validate={required()} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(MIN_PASSWORD_LENGTH)]}
        autoComplete="new-password"
      />
      <SelectArrayInput source="roles" choices={ROLE_CHOICES} validate={required()} />
      <RegionInput source="jurisdictionCode" validate={required()} />
    </SimpleForm>
  </Create>
);

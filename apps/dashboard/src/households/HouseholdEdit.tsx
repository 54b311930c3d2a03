import { Edit, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { SaveToolbar } from '../common/SaveToolbar';

/** updateHousehold with the version read; pessimistic, so a CONFLICT shows before anything looks saved. */
export const HouseholdEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveToolbar />}>
      <TextInput source="address" validate={required()} fullWidth />
      <SelectArrayInput source="tags" choices={TAG_CHOICES} />
    </SimpleForm>
  </Edit>
);

import { Edit, Labeled, required, SelectArrayInput, SimpleForm, TextField, TextInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { PhoneChangeInputs } from '../common/PhoneChangeInputs';
import { SaveToolbar } from '../common/SaveToolbar';

/**
 * updateResident with the version read: pessimistic, so a CONFLICT (someone changed the resident meanwhile)
 * is shown before anything looks saved, instead of being undone after the fact.
 */
export const ResidentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveToolbar />}>
      <Labeled>
        <TextField source="idNumber" />
      </Labeled>
      <TextInput source="name" validate={required()} />
      <PhoneChangeInputs />
      <SelectArrayInput source="tags" choices={TAG_CHOICES} />
    </SimpleForm>
  </Edit>
);

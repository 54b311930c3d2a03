import {
  BooleanInput,
  Edit,
  required,
  SelectArrayInput,
  SimpleForm,
  TextField,
  TextInput,
  Labeled,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { SaveToolbar } from '../common/SaveToolbar';
import { validPhone } from '../common/validators';
import type { ResidentRecord } from './resident-record';

/** The phone on record is masked, so the form offers a new one instead of editing it in place. */
const NewPhoneInput = () => {
  const record = useRecordContext<ResidentRecord>();
  const translate = useTranslate();
  return (
    <TextInput
      source="newPhone"
      validate={validPhone}
      helperText={translate('app.residents.new_phone_help', { phone: record?.phone ?? '—' })}
    />
  );
};

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
      <NewPhoneInput />
      <BooleanInput source="removePhone" />
      <SelectArrayInput source="tags" choices={TAG_CHOICES} />
    </SimpleForm>
  </Edit>
);

import { BooleanInput, Edit, SimpleForm, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { SaveToolbar } from '../common/SaveToolbar';
import { validPhone } from '../common/validators';
import { mediatorFormDefaults } from './mediator-resource';
import { MediatorInputs } from './MediatorInputs';

/** The phone on record is masked, so the form offers a new one instead of editing it in place. */
const NewPhoneInput = () => {
  const record = useRecordContext<{ phone?: string | null }>();
  const translate = useTranslate();
  return (
    <TextInput
      source="newPhone"
      validate={validPhone}
      helperText={translate('app.residents.new_phone_help', { phone: record?.phone ?? '—' })}
    />
  );
};

/** updateMediator with the version read: pessimistic, so a CONFLICT shows before anything looks saved. */
export const MediatorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveToolbar />} defaultValues={mediatorFormDefaults}>
      <MediatorInputs />
      <NewPhoneInput />
      <BooleanInput source="removePhone" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);

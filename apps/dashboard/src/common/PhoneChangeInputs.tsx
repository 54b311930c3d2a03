import { BooleanInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { validPhone } from './validators';

/**
 * The phone on record is masked, so an edit form never edits it in place: it offers a new one (`newPhone`)
 * or its removal (`removePhone`).
 */
export const PhoneChangeInputs = () => {
  const record = useRecordContext<{ phone?: string | null }>();
  const translate = useTranslate();
  return (
    <>
      <TextInput
        source="newPhone"
        validate={validPhone}
        helperText={translate('app.residents.new_phone_help', { phone: record?.phone ?? '—' })}
      />
      <BooleanInput source="removePhone" />
    </>
  );
};

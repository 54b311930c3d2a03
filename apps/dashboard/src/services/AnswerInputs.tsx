import type { FormField, FormSchema } from '@qiangji/domain';
import { BooleanInput, DateInput, NumberInput, SelectInput, TextInput } from 'react-admin';
import { answerValidator } from './form-fields';

/** One input per field of the item's form, by its type, checked by the domain as the API checks it. */
const AnswerInput = ({ form, field }: { form: FormSchema; field: FormField }) => {
  const props = {
    source: `answers.${field.key}`,
    label: field.label,
    isRequired: field.required,
    validate: answerValidator(form, field.key),
  };
  switch (field.type) {
    case 'TEXT':
      return <TextInput {...props} fullWidth multiline={(field.maxLength ?? 500) > 100} />;
    case 'NUMBER':
      return <NumberInput {...props} min={field.min} max={field.max} step={field.integer ? 1 : 'any'} />;
    case 'DATE':
      return <DateInput {...props} />;
    case 'CHOICE':
      return (
        <SelectInput
          {...props}
          choices={field.options.map((o) => ({ id: o, name: o }))}
          translateChoice={false}
        />
      );
    case 'YES_NO':
      // Unticked means no: a yes/no question is answered either way.
      return <BooleanInput {...props} defaultValue={false} />;
  }
};

export const AnswerInputs = ({ form }: { form: FormSchema }) => (
  <>
    {form.fields.map((field) => (
      <AnswerInput key={field.key} form={form} field={field} />
    ))}
  </>
);

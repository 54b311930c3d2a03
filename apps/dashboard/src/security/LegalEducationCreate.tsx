import { chinaDay } from '@qiangji/domain';
import { useState } from 'react';
import {
  Create,
  DateInput,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { newIdempotencyKey } from '../common/idempotency-key';
import { RegionInput } from '../common/RegionInput';
import { LEGAL_EDUCATION_FORMAT_CHOICES } from '../common/choices';

/** recordLegalEducationEvent: one event of the jurisdiction, once however often the form is sent. */
export const LegalEducationCreate = () => {
  const [defaults] = useState(() => ({ idempotencyKey: newIdempotencyKey(), heldOn: chinaDay() }));
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={defaults}>
        <SelectInput source="format" choices={LEGAL_EDUCATION_FORMAT_CHOICES} validate={required()} />
        <TextInput source="title" validate={required()} fullWidth />
        <DateInput source="heldOn" validate={required()} />
        <RegionInput source="regionCode" validate={required()} />
        <NumberInput source="audience" min={0} step={1} validate={[required(), minValue(0)]} />
        <TextInput source="organiser" validate={required()} fullWidth />
      </SimpleForm>
    </Create>
  );
};

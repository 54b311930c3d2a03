import { useState, type ReactNode } from 'react';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { WORK_UNIT_KIND_CHOICES, WORK_UNIT_LEVEL_CHOICES } from '../common/choices';
import { newIdempotencyKey } from '../common/idempotency-key';
import { RegionInput } from '../common/RegionInput';
import { useJurisdiction } from '../common/use-jurisdiction';
import { validPhone } from '../common/validators';

/** A create page whose form carries one idempotency key however often it is sent; the API's errors on their inputs. */
const KeyedCreate = ({ children, redirect }: { children: ReactNode; redirect: 'list' | 'show' }) => {
  const jurisdiction = useJurisdiction();
  // Where the user works, to be narrowed if need be.
  const [defaults] = useState(() => ({
    idempotencyKey: newIdempotencyKey(),
    regionCode: jurisdiction?.code,
  }));
  return (
    <Create redirect={redirect}>
      <SimpleForm defaultValues={defaults}>
        {children}
        <RegionInput source="regionCode" validate={required()} />
      </SimpleForm>
    </Create>
  );
};

/** createWorkUnit: a department, state enterprise or institution that pairs with villages, seated in the jurisdiction. */
export const WorkUnitCreate = () => (
  <KeyedCreate redirect="list">
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="kind" choices={WORK_UNIT_KIND_CHOICES} validate={required()} />
    <SelectInput source="level" choices={WORK_UNIT_LEVEL_CHOICES} validate={required()} />
  </KeyedCreate>
);

/** registerStationedCadre: a person of a work unit, kept in a region until the first posting. */
export const CadreCreate = () => (
  <KeyedCreate redirect="show">
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="phone" validate={validPhone} />
    <ReferenceInput source="workUnitId" reference="workUnits">
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} />
    </ReferenceInput>
  </KeyedCreate>
);

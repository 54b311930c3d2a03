import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SelectArrayInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { regionName, type RegionRef } from '../common/region-ref';
import { useCreateConflict } from '../common/use-create-conflict';
import { validIdNumber, validPhone } from '../common/validators';

interface HouseholdOption {
  address: string;
  region?: RegionRef;
}

// Addresses repeat across communities (every district has a 和平路), so the region is shown beside each.
const householdText = (h: HouseholdOption) =>
  h.region ? `${h.address}（${regionName(h.region)}）` : h.address;
const byAddress = (text: string) => ({ addressContains: text });

/** registerResident: gender and birth date come from the ID number, so the form does not ask for them. */
export const ResidentCreate = () => (
  <Create redirect="show" mutationOptions={useCreateConflict('app.residents.duplicate_id_number')}>
    <SimpleForm>
      <ReferenceInput source="householdId" reference="households">
        <AutocompleteInput
          optionText={householdText}
          filterToQuery={byAddress}
          validate={required()}
          sx={{ minWidth: { xs: '100%', sm: '24rem' } }}
        />
      </ReferenceInput>
      <TextInput source="name" validate={required()} />
      <TextInput source="idNumber" validate={[required(), validIdNumber]} />
      <TextInput source="phone" validate={validPhone} />
      <SelectArrayInput source="tags" choices={TAG_CHOICES} />
    </SimpleForm>
  </Create>
);

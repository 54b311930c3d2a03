import { chinaDay } from '@qiangji/domain';
import { Create, DateInput, required, SimpleForm, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput';

/** registerPetitionCase: a backlog case in the user's jurisdiction, to be assigned to an organisation next. */
export const PetitionCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ registeredOn: chinaDay() }}>
      <TextInput source="title" validate={required()} fullWidth />
      <RegionInput source="regionCode" validate={required()} />
      <DateInput source="registeredOn" validate={required()} />
    </SimpleForm>
  </Create>
);

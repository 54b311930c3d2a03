import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput';
import { validPhone } from '../common/validators';
import { MediatorInputs } from './MediatorInputs';

/** registerMediator: where the mediator works (inside the user's jurisdiction) and the organisations joined. */
export const MediatorCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ employment: 'PART_TIME', specialities: [], organizationIds: [] }}>
      <MediatorInputs />
      <TextInput source="phone" validate={validPhone} />
      <RegionInput source="regionCode" validate={required()} />
    </SimpleForm>
  </Create>
);

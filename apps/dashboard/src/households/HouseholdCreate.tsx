import { Create, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';
import { TAG_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** registerHousehold: the region down to the grid unit where known, as the API asks. */
export const HouseholdCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <RegionInput source="regionCode" validate={required()} helperText="app.households.region_help" />
      <TextInput source="address" validate={required()} fullWidth />
      <SelectArrayInput source="tags" choices={TAG_CHOICES} />
    </SimpleForm>
  </Create>
);

import { BooleanInput, Edit, SimpleForm } from 'react-admin';
import { PhoneChangeInputs } from '../common/PhoneChangeInputs';
import { SaveToolbar } from '../common/SaveToolbar';
import { mediatorFormDefaults } from './mediator-resource';
import { MediatorInputs } from './MediatorInputs';

/** updateMediator with the version read: pessimistic, so a CONFLICT shows before anything looks saved. */
export const MediatorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveToolbar />} defaultValues={mediatorFormDefaults}>
      <MediatorInputs />
      <PhoneChangeInputs />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);

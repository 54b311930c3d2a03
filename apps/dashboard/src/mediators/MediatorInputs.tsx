import {
  ArrayInput,
  DateInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { DISPUTE_TYPE_CHOICES, EMPLOYMENT_CHOICES } from '../common/choices';
import { CountInput } from '../common/form-inputs';
import { OrganizationInput } from '../organizations/OrganizationInput';

/** What registering and editing a mediator share: employment, specialities, memberships, qualifications, training. */
export const MediatorInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="employment" choices={EMPLOYMENT_CHOICES} validate={required()} />
    <SelectArrayInput
      source="specialities"
      choices={DISPUTE_TYPE_CHOICES}
      sx={{ minWidth: { xs: '100%', sm: '18rem' } }}
    />
    <OrganizationInput
      source="organizationIds"
      minWidth="28rem"
      multiple
      helperText="app.mediators.organizations_help"
    />
    <ArrayInput source="qualifications">
      <SimpleFormIterator inline disableReordering>
        <TextInput
          source="title"
          label="resources.mediators.fields.qualification_title"
          validate={required()}
        />
        <TextInput source="issuedBy" label="resources.mediators.fields.issuedBy" validate={required()} />
        <DateInput source="obtainedOn" label="resources.mediators.fields.obtainedOn" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="trainings">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="title" label="resources.mediators.fields.training_title" validate={required()} />
        <DateInput
          source="completedOn"
          label="resources.mediators.fields.completedOn"
          validate={required()}
        />
        <CountInput source="hours" label="resources.mediators.fields.hours" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

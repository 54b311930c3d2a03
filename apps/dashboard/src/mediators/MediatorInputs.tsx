import {
  ArrayInput,
  AutocompleteArrayInput,
  DateInput,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { DISPUTE_TYPE_CHOICES, EMPLOYMENT_CHOICES } from '../common/choices';
import { organizationText } from '../organizations/organization-text';

const byName = (text: string) => ({ nameContains: text });

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
    <ReferenceArrayInput source="organizationIds" reference="mediationOrganizations">
      <AutocompleteArrayInput
        optionText={organizationText}
        filterToQuery={byName}
        helperText="app.mediators.organizations_help"
        sx={{ minWidth: { xs: '100%', sm: '28rem' } }}
      />
    </ReferenceArrayInput>
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
        <NumberInput
          source="hours"
          label="resources.mediators.fields.hours"
          min={0}
          step={1}
          validate={[required(), minValue(0)]}
        />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

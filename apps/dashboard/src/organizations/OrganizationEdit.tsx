import { Edit, FormDataConsumer, Labeled, required, SimpleForm, TextInput } from 'react-admin';
import { LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { SaveToolbar } from '../common/SaveToolbar';

/** updateMediationOrganization with the version read: the name, and a clinic's law school. */
export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveToolbar />}>
      <Labeled>
        <LabelField source="kind" messages="app.organization_kind" />
      </Labeled>
      <Labeled label="resources.mediationOrganizations.fields.region">
        <RegionLink />
      </Labeled>
      <TextInput source="name" validate={required()} fullWidth />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) =>
          formData.kind === 'LEGAL_CLINIC' && <TextInput source="partnerUniversity" fullWidth />
        }
      </FormDataConsumer>
    </SimpleForm>
  </Edit>
);

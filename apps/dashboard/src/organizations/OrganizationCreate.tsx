import { Create, FormDataConsumer, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { INDUSTRY_CHOICES, ORGANIZATION_KIND_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** createMediationOrganization: the industry only for an industry committee, the law school only for a clinic. */
export const OrganizationCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ kind: 'PEOPLES_COMMITTEE' }}>
      <SelectInput source="kind" choices={ORGANIZATION_KIND_CHOICES} validate={required()} />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) =>
          formData.kind === 'INDUSTRY_COMMITTEE' ? (
            <SelectInput source="industry" choices={INDUSTRY_CHOICES} validate={required()} />
          ) : formData.kind === 'LEGAL_CLINIC' ? (
            <TextInput source="partnerUniversity" fullWidth />
          ) : null
        }
      </FormDataConsumer>
      <TextInput source="name" validate={required()} fullWidth />
      <RegionInput source="regionCode" validate={required()} />
    </SimpleForm>
  </Create>
);

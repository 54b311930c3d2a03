import { useState } from 'react';
import {
  ArrayInput,
  BooleanInput,
  Create,
  DateTimeInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { newIdempotencyKey } from '../common/idempotency-key';
import { DISPUTE_TYPE_CHOICES, INTAKE_CHANNEL_CHOICES, PARTY_ROLE_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { validPhone } from '../common/validators';
import { CountInput } from '../common/form-inputs';
import { OrganizationInput } from '../organizations/OrganizationInput';

const validAmount = (value: unknown) =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  !/^\d{1,12}(\.\d{1,2})?$/.test(value.replace(/[,，\s]/g, ''))
    ? 'app.cases.amount_invalid'
    : undefined;

/**
 * 登记 (intake): the API sets the risk level and the deadline, and hands the case to the people's mediation
 * committee of its community or village unless another organisation is picked.
 */
export const DisputeCaseCreate = () => {
  const [defaults] = useState(() => ({
    idempotencyKey: newIdempotencyKey(),
    channel: 'WALK_IN',
    peopleInvolved: 2,
    householdsInvolved: 2,
    threats: false,
    parties: [{ role: 'APPLICANT' }, { role: 'RESPONDENT' }],
  }));
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <SelectInput source="channel" choices={INTAKE_CHANNEL_CHOICES} validate={required()} />
        <SelectInput source="type" choices={DISPUTE_TYPE_CHOICES} validate={required()} />
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" validate={required()} multiline minRows={3} fullWidth />
        <RegionInput source="regionCode" validate={required()} helperText="app.cases.place_help" />
        <ArrayInput source="parties" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <SelectInput
              source="role"
              label="app.cases.party_role"
              choices={PARTY_ROLE_CHOICES}
              validate={required()}
            />
            <TextInput source="name" label="app.cases.party_name" validate={required()} />
            <TextInput
              source="contact"
              label="app.cases.party_contact"
              validate={validPhone}
              helperText="app.cases.contact_help"
            />
          </SimpleFormIterator>
        </ArrayInput>
        <CountInput source="peopleInvolved" />
        <CountInput source="householdsInvolved" />
        <TextInput source="amountAtStake" validate={validAmount} helperText="app.cases.amount_help" />
        <BooleanInput source="threats" helperText="app.cases.threats_help" />
        <DateTimeInput source="receivedAt" helperText="app.cases.received_at_help" />
        <OrganizationInput
          source="organizationId"
          minWidth="24rem"
          helperText="app.cases.organization_help"
        />
      </SimpleForm>
    </Create>
  );
};

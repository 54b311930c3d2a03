import { chinaDay, DISPUTE_CASE_OPEN_STATES } from '@qiangji/domain';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  ReferenceInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useGetIdentity,
} from 'react-admin';
import { OrganizationInput } from '../organizations/OrganizationInput';

const byNumberOrTitle = (text: string) => ({ q: text });
const caseText = (c: { number: string; title: string }) => `${c.number} ${c.title}`;
// Meetings study the cases still open.
const OPEN_CASES = { state: DISPUTE_CASE_OPEN_STATES };

/** recordCoordinationMeeting: a centre's monthly meeting, the departments present, and a decision per case. */
export const MeetingCreate = () => {
  const { identity } = useGetIdentity();
  // A meeting is recorded for a centre of the user's jurisdiction only (organisations are city-wide reference data).
  const jurisdiction = (identity?.jurisdiction as { code?: string } | undefined)?.code;
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ heldOn: chinaDay(), decisions: [] }}>
        <OrganizationInput
          source="organizationId"
          minWidth="24rem"
          filter={{ kind: ['COORDINATION_CENTRE'], ...(jurisdiction ? { regionCode: jurisdiction } : {}) }}
          validate={required()}
        />
        <DateInput source="heldOn" validate={required()} />
        <TextInput source="attendees" validate={required()} helperText="app.cases.names_help" fullWidth />
        <TextInput source="notes" multiline minRows={2} fullWidth />
        <ArrayInput source="decisions">
          <SimpleFormIterator disableReordering>
            <ReferenceInput source="caseId" reference="disputeCases" filter={OPEN_CASES}>
              <AutocompleteInput
                label="resources.coordinationMeetings.fields.case"
                optionText={caseText}
                filterToQuery={byNumberOrTitle}
                validate={required()}
                sx={{ minWidth: { xs: '100%', sm: '24rem' } }}
              />
            </ReferenceInput>
            <TextInput
              source="decision"
              label="resources.coordinationMeetings.fields.decision"
              validate={required()}
              multiline
              fullWidth
            />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};

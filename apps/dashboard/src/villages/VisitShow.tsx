import { BooleanField, FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { HouseholdField } from './HouseholdField';

/** One visit, with the dispute case it became, if any. */
export const VisitShow = () => (
  <Show>
    <SimpleShowLayout>
      <DayField source="visitedOn" />
      <LabelField source="purpose" messages="app.villages.visit_purpose" />
      <HouseholdField source="household" />
      <TextField source="findings" />
      <TextField source="cadreName" />
      <RegionLink label="resources.visits.fields.region" />
      <BooleanField source="followUpNeeded" />
      <FunctionField
        source="disputeCase"
        render={(v: { disputeCase?: { number: string; title: string } | null }) =>
          v.disputeCase ? `${v.disputeCase.number} ${v.disputeCase.title}` : '—'
        }
      />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);

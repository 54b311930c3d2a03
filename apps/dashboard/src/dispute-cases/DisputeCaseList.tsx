import { Datagrid, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { DeadlineField, RiskField, StateField } from '../mediation/chips';
import { disputeCaseFilters } from './dispute-case-filters';

/** Cases placed in the user's jurisdiction, newest first; overdue ones red, those at risk amber. */
export const DisputeCaseList = () => (
  // No export: parties are people, and a CSV leaves the audit trail's reach once downloaded.
  <List
    filters={disputeCaseFilters}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" sortable={false} />
      <TextField source="title" sortable={false} />
      <LabelField source="type" messages="app.dispute_type" sortable={false} />
      <StateField source="state" label="resources.disputeCases.fields.state" sortable={false} />
      <RiskField source="risk" label="resources.disputeCases.fields.risk" sortable={false} />
      <DeadlineField
        source="deadlineStatus"
        label="resources.disputeCases.fields.deadlineStatus"
        sortBy="dueAt"
      />
      <RegionLink label="resources.disputeCases.fields.region" sortable={false} />
      <DateTimeField source="receivedAt" />
    </Datagrid>
  </List>
);

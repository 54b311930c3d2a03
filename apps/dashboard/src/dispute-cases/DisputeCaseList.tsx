import { Datagrid, TextField, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { DateTimeField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { regionName } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { DeadlineField, RiskField, StateField } from '../mediation/chips';
import { disputeCaseFilters } from './dispute-case-filters';
import { showsDeadline, type DisputeCaseRecord } from './dispute-case-record';

/** Cases placed in the user's jurisdiction, newest first; overdue ones red, those at risk amber. */
export const DisputeCaseList = () => {
  const translate = useTranslate();
  const dates = useDates();
  // On a phone: the state and, while the case runs, its deadline, in words.
  const status = (c: DisputeCaseRecord) =>
    [
      translate(`app.dispute_state.${c.state}`),
      showsDeadline(c) && translate(`app.deadline_status.${c.deadlineStatus}`),
      regionName(c.region),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    // 导出 is the server's (ListToolbar): masked, audited and streamed, never react-admin's client-side CSV.
    <ResourceList
      filters={disputeCaseFilters}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      jurisdictionFilter="regionCode"
      phone={{
        primaryText: (c: DisputeCaseRecord) => `${c.number} ${c.title}`,
        secondaryText: (c: DisputeCaseRecord) => (
          <TwoLines first={status(c)} second={dates.dateTime(c.receivedAt)} />
        ),
      }}
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
    </ResourceList>
  );
};

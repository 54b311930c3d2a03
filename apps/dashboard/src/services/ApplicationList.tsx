import Chip from '@mui/material/Chip';
import {
  Datagrid,
  FunctionField,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useDates } from '../common/use-dates';
import { choicesFilter, regionFilter } from '../common/filter-inputs';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import { TwoLines } from '../common/TableOrList';
import { EnumChip } from '../mediation/chips';
import { SERVICE_QUEUE_CHOICES, SERVICE_STATE_CHOICES } from './service-messages';

const filters = [
  regionFilter(),
  <SelectInput key="queue" source="queue" choices={SERVICE_QUEUE_CHOICES} alwaysOn />,
  choicesFilter('state', SERVICE_STATE_CHOICES, { minWidth: '10rem' }),
  <TextInput key="q" source="q" />,
];

interface ApplicationRow {
  number: string;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  region: RegionRef;
  item: { name: string };
  appointment: { day: string; startsAt: string } | null;
}

const ENDED = new Set(['COMPLETED', 'REJECTED', 'WITHDRAWN']);

export const ApplicationStateField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ApplicationRow>();
  if (!record) return null;
  return (
    <EnumChip
      value={record.state}
      messages="app.service_state"
      color={ENDED.has(record.state) ? 'default' : 'primary'}
      variant="outlined"
    />
  );
};

/** The deadline, red once it has passed: what a worker looks at first. */
export const DueField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ApplicationRow>();
  const translate = useTranslate();
  const dates = useDates();
  if (!record?.dueAt) return <span>—</span>;
  const due = dates.dateTime(record.dueAt);
  return record.overdue ? (
    <Chip size="small" color="error" label={`${translate('app.services.overdue')} · ${due}`} />
  ) : (
    <span>{due}</span>
  );
};

/** The booked slot (its day and start), or — while there is none. */
export const AppointmentField = (props: { label: string }) => (
  <FunctionField
    {...props}
    render={(a: ApplicationRow) => (a.appointment ? `${a.appointment.day} ${a.appointment.startsAt}` : '—')}
  />
);

/** 办件: the work queue of the user's service points, newest first; the queue filter picks a work list. */
export const ApplicationList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      filters={filters}
      jurisdictionFilter="regionCode"
      filterDefaultValues={{ queue: 'NEW' }}
      phone={{
        primaryText: (a: ApplicationRow) => `${a.item.name}`,
        secondaryText: (a: ApplicationRow) => (
          <TwoLines
            first={`${a.number} · ${translate(`app.service_state.${a.state}`)}${a.overdue ? ` · ${translate('app.services.overdue')}` : ''}`}
            second={regionName(a.region)}
          />
        ),
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" sortable={false} />
        <TextField source="item.name" sortable={false} />
        <ApplicationStateField label="resources.serviceApplications.fields.state" />
        <DueField label="resources.serviceApplications.fields.dueAt" />
        <AppointmentField label="resources.serviceApplications.fields.appointment" />
        <RegionLink label="resources.serviceApplications.fields.region" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};

import {
  Create,
  Datagrid,
  DateInput,
  FormDataConsumer,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { useDates } from '../common/use-dates';
import { ResourceList } from '../common/ResourceList';
import { EnumChip } from '../mediation/chips';
import { WORK_CALENDAR_KIND_CHOICES } from '../services/service-messages';

interface EntryRow {
  kind: string;
  name: string;
  firstDay: string;
  lastDay: string;
}

const KindField = (_props: { label?: string }) => {
  const record = useRecordContext<EntryRow>();
  return <EnumChip value={record?.kind} messages="app.work_calendar_kind" variant="outlined" />;
};

const filters = [<NumberInput key="year" source="year" alwaysOn min={2000} max={2100} />];

/** 节假日安排: the State Council's notices as entered; working-day deadlines skip and count these days. */
export const WorkCalendarList = () => {
  const translate = useTranslate();
  const dates = useDates();
  const days = (e: EntryRow) =>
    e.firstDay === e.lastDay ? dates.day(e.firstDay) : `${dates.day(e.firstDay)} – ${dates.day(e.lastDay)}`;
  return (
    <ResourceList
      filters={filters}
      filterDefaultValues={{ year: new Date().getFullYear() }}
      perPage={50}
      exporter={false}
      phone={{
        primaryText: (e: EntryRow) => `${e.name} · ${translate(`app.work_calendar_kind.${e.kind}`)}`,
        secondaryText: days,
      }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <KindField label="resources.workCalendarEntries.fields.kind" />
        <DayField source="firstDay" sortable={false} />
        <DayField source="lastDay" sortable={false} />
        <TextField source="createdByName" sortable={false} />
      </Datagrid>
    </ResourceList>
  );
};

/** One line of the notice: a holiday's days off, or one weekend day that is worked (its last day is its first). */
export const WorkCalendarCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'HOLIDAY' }}>
      <SelectInput source="kind" choices={WORK_CALENDAR_KIND_CHOICES} validate={required()} />
      <TextInput source="name" validate={required()} />
      <DateInput source="firstDay" validate={required()} />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) =>
          formData.kind === 'HOLIDAY' ? <DateInput source="lastDay" validate={required()} /> : null
        }
      </FormDataConsumer>
    </SimpleForm>
  </Create>
);

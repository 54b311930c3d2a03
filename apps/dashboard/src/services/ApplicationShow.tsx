import { SERVICE_APPLICATION_MACHINE } from '@qiangji/domain';
import {
  FunctionField,
  Labeled,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useDates } from '../common/use-dates';
import { RecordCommands } from '../common/MachineCommands';
import { RegionLink } from '../common/RegionLink';
import { TextList } from '../common/ShowSections';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { APPLICATION_COMMANDS, type ApplicationRecord } from './application-commands';
import { ApplicationStateField, AppointmentField, DueField } from './ApplicationList';

interface Detail extends ApplicationRecord {
  answers: Record<string, unknown>;
  item: ApplicationRecord['item'] & { formFields?: { key: string; label: string }[] };
  actingFor: { name: string; relationship: string; idNumber: string; phone: string | null } | null;
  timeline: { id: string; at: string; command: string; toState: string; actorName: string }[];
}

/** 受理, 预约, 办结 …: the API's `availableCommands` for the user's roles, as buttons. */
const ApplicationActions = () => {
  return (
    <RecordCommands
      machine={SERVICE_APPLICATION_MACHINE}
      forms={APPLICATION_COMMANDS}
      labels="app.service_command"
      subject={(record: ApplicationRecord) => `${record.number} ${record.item?.name ?? ''}`}
      doneMessage="app.services.done"
      permission="service:apply"
    />
  );
};

/** The form's answers under the item's own labels. */
const Answers = () => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  if (!record) return null;
  const label = new Map((record.item?.formFields ?? []).map((f) => [f.key, f.label]));
  const shown = (v: unknown) =>
    typeof v === 'boolean' ? translate(v ? 'app.services.yes' : 'app.services.no') : String(v);
  return (
    <Labeled label="app.services.answers">
      <TextList
        items={Object.entries(record.answers ?? {})}
        itemKey={([key]) => key}
        primary={([, value]) => shown(value)}
        secondary={([key]) => label.get(key) ?? key}
      />
    </Labeled>
  );
};

const Timeline = () => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  const dates = useDates();
  if (!record) return null;
  return (
    <Labeled label="app.services.timeline">
      <TextList
        items={record.timeline}
        itemKey={(e) => e.id}
        primary={(e) =>
          `${e.command === 'submit' ? translate('app.service_state.SUBMITTED') : translate(`app.service_command.${e.command}`)} → ${translate(`app.service_state.${e.toState}`)}`
        }
        secondary={(e) => `${dates.dateTime(e.at)} · ${e.actorName}`}
      />
    </Labeled>
  );
};

export const ApplicationShow = () => (
  <ShowWithCommands commands={<ApplicationActions />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <TextField source="item.name" />
      <ApplicationStateField label="resources.serviceApplications.fields.state" />
      <DueField label="resources.serviceApplications.fields.dueAt" />
      <AppointmentField label="resources.serviceApplications.fields.appointment" />
      <RegionLink label="resources.serviceApplications.fields.region" />
      <FunctionField
        label="app.services.acting_for"
        render={(a: Detail) =>
          a.actingFor ? `${a.actingFor.name}（${a.actingFor.relationship}）${a.actingFor.idNumber}` : '—'
        }
      />
      <Answers />
      <FunctionField
        label="app.services.materials"
        render={(a: Detail) => (a.materials ?? []).join('、') || '—'}
      />
      <TextField source="returnReason" emptyText="—" />
      <DateTimeField source="submittedAt" />
      <DateTimeField source="completedAt" />
      <Timeline />
    </SimpleShowLayout>
  </ShowWithCommands>
);

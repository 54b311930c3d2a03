import { SERVICE_APPLICATION_MACHINE } from '@qiangji/domain';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import {
  FunctionField,
  Labeled,
  SimpleShowLayout,
  TextField,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { allows } from '../auth/actions';
import { availableCommands } from '../common/command-forms';
import { DateTimeField } from '../common/DateTimeField';
import { formatDateTime } from '../common/dates';
import { MachineCommands } from '../common/MachineCommands';
import { RegionLink } from '../common/RegionLink';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { APPLICATION_COMMANDS, type ApplicationRecord } from './application-commands';
import { ApplicationStateField, DueField } from './ApplicationList';

interface Detail extends ApplicationRecord {
  answers: Record<string, unknown>;
  item: ApplicationRecord['item'] & { formFields?: { key: string; label: string }[] };
  actingFor: { name: string; relationship: string; idNumber: string; phone: string | null } | null;
  timeline: { id: string; at: string; command: string; toState: string; actorName: string }[];
}

/** 受理, 预约, 办结 …: the API's `availableCommands` for the user's roles, as buttons. */
const ApplicationActions = () => {
  const record = useRecordContext<ApplicationRecord>();
  const { permissions } = usePermissions();
  if (!record || !allows(permissions, 'service:apply')) return null;
  return (
    <MachineCommands
      resource="serviceApplications"
      record={record}
      commands={availableCommands(SERVICE_APPLICATION_MACHINE, record)}
      forms={APPLICATION_COMMANDS}
      labels="app.service_command"
      subject={`${record.number} ${record.item?.name ?? ''}`}
      doneMessage="app.services.done"
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
      <List dense disablePadding>
        {Object.entries(record.answers ?? {}).map(([key, value]) => (
          <ListItem key={key} disableGutters>
            <ListItemText primary={shown(value)} secondary={label.get(key) ?? key} />
          </ListItem>
        ))}
      </List>
    </Labeled>
  );
};

const Timeline = () => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!record) return null;
  return (
    <Labeled label="app.services.timeline">
      <List dense disablePadding>
        {record.timeline.map((e) => (
          <ListItem key={e.id} disableGutters>
            <ListItemText
              primary={`${e.command === 'submit' ? translate('app.service_state.SUBMITTED') : translate(`app.service_command.${e.command}`)} → ${translate(`app.service_state.${e.toState}`)}`}
              secondary={`${formatDateTime(e.at, locale)} · ${e.actorName}`}
            />
          </ListItem>
        ))}
      </List>
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
      <FunctionField
        label="resources.serviceApplications.fields.appointment"
        render={(a: Detail & { appointment?: { day: string; startsAt: string } | null }) =>
          a.appointment ? `${a.appointment.day} ${a.appointment.startsAt}` : '—'
        }
      />
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

import { GRID_EVENT_MACHINE } from '@qiangji/domain';
import Typography from '@mui/material/Typography';
import {
  Labeled,
  Link,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DateTimeField } from '../common/DateTimeField';
import { LabelField } from '../common/LabelChips';
import { RecordCommands } from '../common/MachineCommands';
import { RegionLink } from '../common/RegionLink';
import { TextList } from '../common/ShowSections';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { DeadlineChip } from '../mediation/chips';
import { GRID_EVENT_COMMANDS, type GridEventRecord } from './grid-event-commands';
import { GridStateChip } from './GridEventList';

interface Step {
  id: string;
  at: string;
  command: string;
  actorName: string;
  details: Record<string, string | null>;
}

type Detail = GridEventRecord & {
  dueAt: string | null;
  deadlineStatus: string;
  lat: number | null;
  lng: number | null;
  photoRefs: string[];
  satisfaction: string | null;
  evaluationComment: string | null;
  disputeCase: { id: string; number: string } | null;
  duplicateHints: { id: string; number: string; state: string; reportedAt: string }[];
  timeline: Step[];
};

/** The steps the user's roles may take now (the API's `availableCommands`), as buttons with their dialogs. */
const GridEventActions = () => {
  return (
    <RecordCommands
      machine={GRID_EVENT_MACHINE}
      forms={GRID_EVENT_COMMANDS}
      labels="app.grid_command"
      subject={(record: GridEventRecord) => record.number}
    />
  );
};

const State = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  return (
    <span>
      <GridStateChip value={record?.state} />{' '}
      {record?.dueAt && <DeadlineChip value={record.deadlineStatus} />}
    </span>
  );
};

const Position = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  if (record?.lat == null) return <>—</>;
  return <span>{`${record.lat.toFixed(5)}, ${record.lng!.toFixed(5)}`}</span>;
};

const Photos = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  if (!record?.photoRefs.length) return <>—</>;
  return <span>{record.photoRefs.join('、')}</span>;
};

/** The reporter's evaluation: what the closed loop ends with. */
const Evaluation = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  if (!record?.satisfaction) return <>—</>;
  return (
    <span data-testid="evaluation">
      {translate(`app.satisfaction.${record.satisfaction}`)}
      {record.evaluationComment ? ` · ${record.evaluationComment}` : ''}
    </span>
  );
};

const RecordLink = ({ to }: { to: 'disputeCase' | 'unit' }) => {
  const record = useRecordContext<Detail>();
  const createPath = useCreatePath();
  if (to === 'unit')
    return record ? <Link to={`/grid-units?code=${record.regionCode}`}>{record.regionCode}</Link> : null;
  if (!record?.disputeCase) return <>—</>;
  return (
    <Link to={createPath({ resource: 'disputeCases', id: record.disputeCase.id, type: 'show' })}>
      {record.disputeCase.number}
    </Link>
  );
};

const Hints = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record?.duplicateHints.length) return <>{translate('app.grid.no_hints')}</>;
  return (
    <span>
      {record.duplicateHints.map((h) => (
        <Link key={h.id} to={createPath({ resource: 'gridEvents', id: h.id, type: 'show' })} sx={{ mr: 1 }}>
          {h.number}
        </Link>
      ))}
    </span>
  );
};

const Timeline = (_props: { label?: string }) => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!record) return null;
  const label = (command: string) =>
    command === 'report' ? translate('app.grid.reported') : translate(`app.grid_command.${command}`);
  const said = ({ details: d }: Step) =>
    [d.assignee, d.result, d.reason, d.note, d.comment, d.disputeCaseNumber].filter(Boolean).join(' · ');
  return (
    <TextList
      items={record.timeline}
      itemKey={(s) => s.id}
      primary={(s) => `${label(s.command)} · ${s.actorName}`}
      secondary={(s) => (
        <>
          <Typography component="span" variant="body2">
            {formatDateTime(s.at, locale)}
          </Typography>
          {said(s) && ` — ${said(s)}`}
        </>
      )}
    />
  );
};

export const GridEventShow = () => (
  <ShowWithCommands commands={<GridEventActions />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <LabelField source="category" messages="app.grid_category" />
      <LabelField source="urgency" messages="app.grid_urgency" />
      <State label="resources.gridEvents.fields.state" />
      <DateTimeField source="dueAt" />
      <RegionLink label="resources.gridEvents.fields.region" />
      <Labeled label="app.grid.unit_code">
        <RecordLink to="unit" />
      </Labeled>
      <TextField source="description" />
      <TextField source="address" emptyText="—" />
      <Position label="app.grid.position" />
      <Photos label="resources.gridEvents.fields.photoRefs" />
      <TextField source="reporterName" />
      <DateTimeField source="reportedAt" />
      <TextField source="assignee" emptyText="—" />
      <TextField source="disposalResult" emptyText="—" />
      <Evaluation label="app.grid.evaluation" />
      <Labeled label="app.grid.dispute_case">
        <RecordLink to="disputeCase" />
      </Labeled>
      <Hints label="resources.gridEvents.fields.duplicateHints" />
      <Timeline label="resources.gridEvents.fields.timeline" />
    </SimpleShowLayout>
  </ShowWithCommands>
);

import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Labeled, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LabelChips } from '../common/LabelChips';
import { resourceOfEntity } from './audit-labels';

interface AuditRecord {
  entityType: string;
  changes: Record<string, unknown> | null;
}

interface Change {
  old?: unknown;
  new?: unknown;
}

/** A write records { old, new } per field; a read or a refusal a plain value (the ids returned, `via`). */
const asChange = (entry: unknown): Change =>
  entry !== null && typeof entry === 'object' && ('old' in entry || 'new' in entry) ? entry : { new: entry };

// Fields whose values are enums: shown by their labels, as everywhere else in the dashboard.
const ENUM_MESSAGES: Readonly<Record<string, string>> = {
  roles: 'app.role',
  tags: 'app.resident_tag',
  type: 'app.dispute_type',
  specialities: 'app.dispute_type',
  risk: 'app.risk_level',
  channel: 'app.intake_channel',
  outcome: 'app.dispute_outcome',
  referral: 'app.referral',
  kind: 'app.organization_kind',
  industry: 'app.industry',
  employment: 'app.mediator_employment',
};
const STATE_MESSAGES: Readonly<Record<string, string>> = {
  DisputeCase: 'app.dispute_state',
  PetitionCase: 'app.petition_state',
};

type Translate = ReturnType<typeof useTranslate>;

/** One value as an official reads it: labels for enums, 是/否, lists joined; — for none. */
function valueText(value: unknown, messages: string | undefined, translate: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (Array.isArray(value)) {
    return value.length
      ? value.map((v) => valueText(v, messages, translate)).join(translate('app.list_separator'))
      : '—';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return messages ? translate(`${messages}.${text}`, { _: text }) : text;
}

/** The changed fields as a small table: field, before, after. */
const ChangesTable = ({ record }: { record: AuditRecord }) => {
  const translate = useTranslate();
  const resource = resourceOfEntity(record.entityType);
  const label = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;
  const title = translate('resources.auditEvents.fields.changes');
  return (
    <Table size="small" aria-label={title} sx={{ width: 'auto', minWidth: { sm: '24rem' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.audit.field')}</TableCell>
          <TableCell>{translate('app.audit.old')}</TableCell>
          <TableCell>{translate('app.audit.new')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.entries(record.changes ?? {}).map(([field, entry]) => {
          const change = asChange(entry);
          const messages = field === 'state' ? STATE_MESSAGES[record.entityType] : ENUM_MESSAGES[field];
          return (
            <TableRow key={field}>
              <TableCell>{label(field)}</TableCell>
              <TableCell>{'old' in change ? valueText(change.old, messages, translate) : '—'}</TableCell>
              <TableCell>{'new' in change ? valueText(change.new, messages, translate) : '—'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** An event's details under its row: who (roles, address) and the changed fields. */
export const AuditChanges = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const empty = !record.changes || Object.keys(record.changes).length === 0;
  return (
    <Stack spacing={1} sx={{ py: 1 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="roles" resource="auditEvents">
          <LabelChips source="roles" messages="app.role" />
        </Labeled>
        <Labeled source="clientIp" resource="auditEvents">
          <TextField source="clientIp" emptyText="—" />
        </Labeled>
        <Labeled source="requestId" resource="auditEvents">
          <TextField source="requestId" emptyText="—" />
        </Labeled>
      </Stack>
      <Labeled label="resources.auditEvents.fields.changes">
        {empty ? (
          <Typography variant="body2">{translate('app.audit.no_changes')}</Typography>
        ) : (
          <ChangesTable record={record} />
        )}
      </Labeled>
    </Stack>
  );
};

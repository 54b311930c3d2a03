import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { Labeled, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LabelChips } from '../common/LabelChips';

/** An event's details under its row: who (roles, address) and the changed fields, pretty-printed. */
export const AuditChanges = () => {
  const record = useRecordContext<{ changes: unknown }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1} sx={{ py: 1 }}>
      <Stack direction="row" spacing={4}>
        <Labeled source="roles" resource="auditEvents">
          <LabelChips source="roles" messages="app.role" />
        </Labeled>
        <Labeled source="actorKind" resource="auditEvents">
          <TextField source="actorKind" />
        </Labeled>
        <Labeled source="clientIp" resource="auditEvents">
          <TextField source="clientIp" emptyText="—" />
        </Labeled>
      </Stack>
      <Labeled label="resources.auditEvents.fields.changes">
        {record.changes == null ? (
          <span>{translate('app.audit.no_changes')}</span>
        ) : (
          <Box
            component="pre"
            sx={{ m: 0, fontSize: '0.8125rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          >
            {JSON.stringify(record.changes, null, 2)}
          </Box>
        )}
      </Labeled>
    </Stack>
  );
};

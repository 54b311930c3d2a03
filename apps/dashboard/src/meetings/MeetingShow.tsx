import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { TextChips } from '../common/LabelChips';
import { StateChip } from '../mediation/chips';
import { ShowLink } from '../common/ShowLink';

interface Decision {
  caseId: string;
  decision: string;
  disputeCase: { id: string; number: string; title: string; state: string } | null;
}

const OrganizationLink = (_props: { label?: string }) => {
  const record = useRecordContext<{ organization?: { id: string; name: string } }>();
  if (!record?.organization) return null;
  return (
    <ShowLink resource="mediationOrganizations" id={record.organization.id}>
      {record.organization.name}
    </ShowLink>
  );
};

/** What the meeting decided, case by case; a case the user may no longer see shows as its id only. */
const Decisions = (_props: { label?: string }) => {
  const record = useRecordContext<{ decisions?: Decision[] }>();
  const translate = useTranslate();
  if (!record?.decisions) return null;
  if (!record.decisions.length) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.coordinationMeetings.fields.case')}</TableCell>
          <TableCell>{translate('resources.disputeCases.fields.state')}</TableCell>
          <TableCell>{translate('resources.coordinationMeetings.fields.decision')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.decisions.map((d) => (
          <TableRow key={d.caseId}>
            <TableCell>
              {d.disputeCase ? (
                <ShowLink resource="disputeCases" id={d.disputeCase.id}>
                  {d.disputeCase.number} {d.disputeCase.title}
                </ShowLink>
              ) : (
                d.caseId
              )}
            </TableCell>
            <TableCell>{d.disputeCase && <StateChip value={d.disputeCase.state} />}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{d.decision}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const MeetingShow = () => (
  <DetailShow>
    <SimpleShowLayout>
      <OrganizationLink label="resources.coordinationMeetings.fields.organization" />
      <DayField source="heldOn" />
      <TextChips source="attendees" />
      <TextField source="notes" sx={{ whiteSpace: 'pre-wrap' }} emptyText="—" />
      <Decisions label="resources.coordinationMeetings.fields.decisions" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </DetailShow>
);

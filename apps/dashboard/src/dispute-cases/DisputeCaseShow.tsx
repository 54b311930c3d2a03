import { DISPUTE_CASE_MACHINE } from '@qiangji/domain';
import PrintIcon from '@mui/icons-material/Print';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { BooleanField, Labeled, NumberField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { useDates } from '../common/use-dates';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { LabeledFields, SectionHeading, TitledTable } from '../common/ShowSections';
import { ShowWithCommands } from '../common/ShowWithCommands';
import { usePhone } from '../common/use-phone';
import { DeadlineChip, RiskChip, StateChip } from '../mediation/chips';
import { RecordCommands } from '../common/MachineCommands';
import { CaseTimeline } from './CaseTimeline';
import { DISPUTE_CASE_COMMANDS } from './dispute-case-commands';
import { showsDeadline, type DisputeCaseDetailRecord } from './dispute-case-record';
import { ShowLink } from '../common/ShowLink';

/**
 * 打印案卷: the browser's print of the page, laid out for paper (the layout's print styles). Not on a phone, where
 * the bar at the bottom holds the case's steps alone and goes with the last of them.
 */
const PrintButton = () => {
  const translate = useTranslate();
  if (usePhone()) return null;
  return (
    <Button startIcon={<PrintIcon />} onClick={() => window.print()}>
      {translate('app.command.print')}
    </Button>
  );
};

const CaseCommands = () => (
  <RecordCommands
    machine={DISPUTE_CASE_MACHINE}
    forms={DISPUTE_CASE_COMMANDS}
    labels="app.dispute_command"
    subject={(record: DisputeCaseDetailRecord) => record.number}
  />
);

/** The state, the deadline (overdue red, at risk amber) and the risk, where an official looks first. */
const CaseHeader = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 2 }}>
      <Typography variant="h6" component="h1">
        {record.number} {record.title}
      </Typography>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center' }}
        role="group"
        aria-label={translate('app.cases.status')}
      >
        <StateChip value={record.state} />
        {showsDeadline(record) && <DeadlineChip value={record.deadlineStatus} />}
        <RiskChip value={record.risk} />
      </Stack>
    </Stack>
  );
};

/** A mediation organisation as a link to its page. */
const OrganizationLink = ({ source }: { source: 'organization' | 'originOrganization'; label?: string }) => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const organization = record?.[source];
  if (!organization) return null;
  return (
    <ShowLink resource="mediationOrganizations" id={organization.id}>
      {organization.name}
    </ShowLink>
  );
};

const MediatorLink = (_props: { label?: string }) => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  if (!record?.mediator) return <Typography variant="body2">—</Typography>;
  return (
    <ShowLink resource="mediators" id={record.mediator.id}>
      {record.mediator.name}
    </ShowLink>
  );
};

const FIELDS: ReactElement[] = [
  <LabelField key="type" source="type" messages="app.dispute_type" />,
  <LabelField key="channel" source="channel" messages="app.intake_channel" />,
  <RegionLink key="region" label="resources.disputeCases.fields.region" />,
  <OrganizationLink
    key="organization"
    source="organization"
    label="resources.disputeCases.fields.organization"
  />,
  <MediatorLink key="mediator" label="resources.disputeCases.fields.mediator" />,
  <DateTimeField key="receivedAt" source="receivedAt" />,
  <DateTimeField key="acceptedAt" source="acceptedAt" />,
  <DateTimeField key="concludedAt" source="concludedAt" />,
  <DateTimeField key="closedAt" source="closedAt" />,
  <DateTimeField key="dueAt" source="dueAt" />,
  <NumberField key="peopleInvolved" source="peopleInvolved" />,
  <NumberField key="householdsInvolved" source="householdsInvolved" />,
  <TextField key="amountAtStake" source="amountAtStake" emptyText="—" />,
  <BooleanField key="threats" source="threats" />,
  <LabelField key="outcome" source="outcome" messages="app.dispute_outcome" emptyText="—" />,
  <LabelField key="referral" source="referral" messages="app.referral" emptyText="—" />,
  <TextField key="declineReason" source="declineReason" emptyText="—" />,
  <BooleanField key="honoured" source="honoured" emptyText="—" />,
];

/** Facts of later stages (调结时间, 引导途径 …) and optional ones: shown once the case has them, not as dashes. */
const ONCE_KNOWN = new Set([
  'acceptedAt',
  'concludedAt',
  'closedAt',
  'outcome',
  'referral',
  'declineReason',
  'honoured',
  'amountAtStake',
]);

/** The case's facts, two to a row on a phone, up to four on a wide screen. */
const CaseFields = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const known = (key: string) =>
    !ONCE_KNOWN.has(key) || (record?.[key as keyof DisputeCaseDetailRecord] ?? null) !== null;
  return (
    <LabeledFields fields={FIELDS.filter((item) => known(String(item.key)))} size={{ xs: 6, md: 4, lg: 3 }} />
  );
};

/** The parties with their contacts masked; a registered resident's name opens the registry entry. */
const Parties = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  if (!record?.parties) return null;
  return (
    <TitledTable
      title="resources.disputeCases.fields.parties"
      head={
        <>
          <TableCell>{translate('app.cases.party_role')}</TableCell>
          <TableCell>{translate('app.cases.party_name')}</TableCell>
          <TableCell>{translate('app.cases.party_contact')}</TableCell>
        </>
      }
    >
      {record.parties.map((party) => (
        <TableRow key={party.id}>
          <TableCell>{translate(`app.party_role.${party.role}`)}</TableCell>
          <TableCell>
            {party.resident ? (
              <ShowLink resource="residents" id={party.resident.id}>
                {party.name}
              </ShowLink>
            ) : (
              party.name
            )}
          </TableCell>
          <TableCell>{party.contact ?? '—'}</TableCell>
        </TableRow>
      ))}
    </TitledTable>
  );
};

/** The level and why: the intake rule's reasons (many households, a land dispute with threats …). */
const RiskSection = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <section>
      <SectionHeading>resources.disputeCases.fields.risk</SectionHeading>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <RiskChip value={record.risk} />
        {record.riskReasons?.length ? (
          <LabelChips source="riskReasons" messages="app.risk_reason" />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.cases.no_risk_reasons')}
          </Typography>
        )}
      </Stack>
    </section>
  );
};

const AgreementSection = () => {
  const record = useRecordContext<DisputeCaseDetailRecord>();
  const translate = useTranslate();
  const dates = useDates();
  const agreement = record?.agreement;
  if (!agreement) return null;
  return (
    <section>
      <SectionHeading>resources.disputeCases.fields.agreement</SectionHeading>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {agreement.terms}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.cases.agreement_signed', {
          signatories: agreement.signatories.join(translate('app.list_separator')),
          date: dates.day(agreement.signedOn),
        })}
        {agreement.courtConfirmed && ` · ${translate('app.cases.command_fields.court_confirmed')}`}
      </Typography>
    </section>
  );
};

/** One case: details, parties, risk, the agreement, the timeline, and the buttons for the steps allowed now. */
export const DisputeCaseShow = () => (
  <ShowWithCommands
    commands={
      <>
        <CaseCommands />
        <PrintButton />
      </>
    }
  >
    <CaseHeader />
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12 }}>
        <Labeled label="resources.disputeCases.fields.description">
          <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Grid>
      <CaseFields />
    </Grid>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Stack spacing={3}>
          <Parties />
          <RiskSection />
          <AgreementSection />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card variant="outlined">
          <CardContent>
            <CaseTimeline />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  </ShowWithCommands>
);

import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Datagrid, EditButton, NumberField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { GuardedActions, type GuardedButton } from '../common/GuardedActions';
import { useDates } from '../common/use-dates';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { LabeledFields, RelatedRecords, SectionHeading } from '../common/ShowSections';
import { TableOrList } from '../common/TableOrList';
import { RelatedCases } from '../dispute-cases/CaseRows';
import { ClinicServiceButton } from './ClinicServiceButton';

const ACTIONS: readonly GuardedButton[] = [
  ['mediation:manage', <ClinicServiceButton key="clinicService" />],
  ['mediation:manage', <EditButton key="edit" />],
];

/** A coordination centre's monthly meetings. */
const Meetings = () => {
  const record = useRecordContext<{ kind: string }>();
  const dates = useDates();
  if (record?.kind !== 'COORDINATION_CENTRE') return null;
  return (
    <>
      <SectionHeading sx={{ mt: 2 }}>app.organizations.meetings</SectionHeading>
      <RelatedRecords reference="coordinationMeetings" target="organizationId">
        <TableOrList
          phone={{
            primaryText: (m: { heldOn: string }) => dates.day(m.heldOn),
            secondaryText: (m: { notes: string }) => m.notes,
            empty: <Empty />,
          }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
            <DayField source="heldOn" sortable={false} />
            <TextField source="notes" sortable={false} />
          </Datagrid>
        </TableOrList>
      </RelatedRecords>
    </>
  );
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
      {translate('app.organizations.none')}
    </Typography>
  );
};

/** The organisation's mediators; on a phone a simple list. */
const MediatorRows = ({ empty }: { empty: ReactNode }) => {
  const translate = useTranslate();
  return (
    <TableOrList
      phone={{
        primaryText: (m: { name: string }) => m.name,
        secondaryText: (m: { employment: string }) => translate(`app.mediator_employment.${m.employment}`),
        empty,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={empty}>
        <TextField source="name" sortable={false} />
        <LabelField source="employment" messages="app.mediator_employment" sortable={false} />
        <LabelChips source="specialities" messages="app.dispute_type" sortable={false} />
      </Datagrid>
    </TableOrList>
  );
};

const FIELDS = [
  <TextField key="name" source="name" />,
  <LabelField key="kind" source="kind" messages="app.organization_kind" />,
  <RegionLink key="region" label="resources.mediationOrganizations.fields.region" />,
  <LabelField key="industry" source="industry" messages="app.industry" emptyText="—" />,
  <TextField key="partnerUniversity" source="partnerUniversity" emptyText="—" />,
  <NumberField key="memberCount" source="memberCount" />,
  <DateTimeField key="updatedAt" source="updatedAt" />,
];

/** One organisation: what it is, its mediators, the cases it handles now, and a centre's meetings. */
export const OrganizationShow = () => (
  <DetailShow actions={<GuardedActions buttons={ACTIONS} />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledFields fields={FIELDS} size={{ xs: 12, sm: 6, md: 4 }} />
    </Grid>
    <Grid container spacing={3} sx={{ px: 2, pb: 2 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <SectionHeading sx={{ mt: 2 }}>app.organizations.members</SectionHeading>
        <RelatedRecords reference="mediators" target="organizationId">
          <MediatorRows empty={<Empty />} />
        </RelatedRecords>
        <Meetings />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <RelatedCases target="organizationId" heading="app.organizations.cases" empty={<Empty />} />
      </Grid>
    </Grid>
  </DetailShow>
);

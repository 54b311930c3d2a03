import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  Datagrid,
  EditButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  usePermissions,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { allows } from '../auth/actions';
import { formatDay } from '../common/dates';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { TableOrList } from '../common/TableOrList';
import { CaseRows } from '../dispute-cases/CaseRows';
import { ClinicServiceButton } from './ClinicServiceButton';

const OrganizationActions = () => {
  const { permissions } = usePermissions();
  if (!allows(permissions, 'mediation:manage')) return <TopToolbar />;
  return (
    <TopToolbar>
      <ClinicServiceButton />
      <EditButton />
    </TopToolbar>
  );
};

const Heading = ({ children }: { children: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }} gutterBottom>
      {translate(children)}
    </Typography>
  );
};

/** A coordination centre's monthly meetings. */
const Meetings = () => {
  const record = useRecordContext<{ kind: string }>();
  const [locale = 'zh-CN'] = useLocaleState();
  if (record?.kind !== 'COORDINATION_CENTRE') return null;
  return (
    <>
      <Heading>app.organizations.meetings</Heading>
      <ReferenceManyField
        reference="coordinationMeetings"
        target="organizationId"
        perPage={10}
        pagination={<Pagination />}
      >
        <TableOrList
          phone={{
            primaryText: (m: { heldOn: string }) => formatDay(m.heldOn, locale),
            secondaryText: (m: { notes: string }) => m.notes,
            empty: <Empty />,
          }}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
            <DayField source="heldOn" sortable={false} />
            <TextField source="notes" sortable={false} />
          </Datagrid>
        </TableOrList>
      </ReferenceManyField>
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

/** One organisation: what it is, its mediators, the cases it handles now, and a centre's meetings. */
export const OrganizationShow = () => (
  <Show actions={<OrganizationActions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <TextField source="name" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <LabelField source="kind" messages="app.organization_kind" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled label="resources.mediationOrganizations.fields.region">
          <RegionLink />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <LabelField source="industry" messages="app.industry" emptyText="—" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <TextField source="partnerUniversity" emptyText="—" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <NumberField source="memberCount" />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <Labeled>
          <DateTimeField source="updatedAt" />
        </Labeled>
      </Grid>
    </Grid>
    <Grid container spacing={3} sx={{ px: 2, pb: 2 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Heading>app.organizations.members</Heading>
        <ReferenceManyField
          reference="mediators"
          target="organizationId"
          perPage={10}
          pagination={<Pagination />}
        >
          <MediatorRows empty={<Empty />} />
        </ReferenceManyField>
        <Meetings />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Heading>app.organizations.cases</Heading>
        <ReferenceManyField
          reference="disputeCases"
          target="organizationId"
          sort={{ field: 'receivedAt', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          <CaseRows empty={<Empty />} />
        </ReferenceManyField>
      </Grid>
    </Grid>
  </Show>
);

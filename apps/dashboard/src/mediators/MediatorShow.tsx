import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  EditButton,
  Labeled,
  Link,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCreatePath,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { allows } from '../auth/actions';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { CaseRows } from '../dispute-cases/CaseRows';

const MediatorActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{allows(permissions, 'mediation:manage') && <EditButton />}</TopToolbar>;
};

const Heading = ({ children }: { children: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }} gutterBottom>
      {translate(children)}
    </Typography>
  );
};

/** The organisations the mediator belongs to, each a link. */
const Organizations = (_props: { label?: string }) => {
  const record = useRecordContext<{ organizations?: { id: string; name: string }[] }>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record?.organizations?.length) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span">
      {record.organizations.map((organization, i) => (
        <span key={organization.id}>
          {i > 0 && translate('app.list_separator')}
          <Link to={createPath({ resource: 'mediationOrganizations', id: organization.id, type: 'show' })}>
            {organization.name}
          </Link>
        </span>
      ))}
    </Typography>
  );
};

/** One mediator: specialities, memberships, qualifications, training, and the cases assigned. */
export const MediatorShow = () => (
  <Show actions={<MediatorActions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      {[
        <TextField key="name" source="name" />,
        <LabelField key="employment" source="employment" messages="app.mediator_employment" />,
        <LabelChips key="specialities" source="specialities" messages="app.dispute_type" />,
        <TextField key="phone" source="phone" emptyText="—" />,
        <RegionLink key="region" label="resources.mediators.fields.region" />,
        <Organizations key="organizations" label="resources.mediators.fields.organizations" />,
        <NumberField key="activeCaseLoad" source="activeCaseLoad" />,
        <BooleanField key="active" source="active" />,
      ].map((field) => (
        <Grid key={field.key} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
          <Labeled>{field}</Labeled>
        </Grid>
      ))}
    </Grid>
    <Grid container spacing={3} sx={{ px: 2, pb: 2 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Labeled label="resources.mediators.fields.qualifications" fullWidth>
          <ArrayField source="qualifications">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="title" label="resources.mediators.fields.qualification_title" />
              <TextField source="issuedBy" label="resources.mediators.fields.issuedBy" />
              <DayField source="obtainedOn" label="resources.mediators.fields.obtainedOn" />
            </Datagrid>
          </ArrayField>
        </Labeled>
        <Labeled label="resources.mediators.fields.trainings" fullWidth sx={{ mt: 2 }}>
          <ArrayField source="trainings">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="title" label="resources.mediators.fields.training_title" />
              <DayField source="completedOn" label="resources.mediators.fields.completedOn" />
              <NumberField source="hours" label="resources.mediators.fields.hours" />
            </Datagrid>
          </ArrayField>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Heading>app.mediators.cases</Heading>
        <ReferenceManyField
          reference="disputeCases"
          target="mediatorId"
          sort={{ field: 'receivedAt', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          <CaseRows />
        </ReferenceManyField>
      </Grid>
    </Grid>
  </Show>
);

import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  EditButton,
  Labeled,
  NumberField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DayField } from '../common/DateTimeField';
import { GuardedActions, type GuardedButton } from '../common/GuardedActions';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { LabeledFields } from '../common/ShowSections';
import { RelatedCases } from '../dispute-cases/CaseRows';
import { ShowLink } from '../common/ShowLink';

const ACTIONS: readonly GuardedButton[] = [['mediation:manage', <EditButton key="edit" />]];

/** The organisations the mediator belongs to, each a link. */
const Organizations = (_props: { label?: string }) => {
  const record = useRecordContext<{ organizations?: { id: string; name: string }[] }>();
  const translate = useTranslate();
  if (!record?.organizations?.length) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span">
      {record.organizations.map((organization, i) => (
        <span key={organization.id}>
          {i > 0 && translate('app.list_separator')}
          <ShowLink resource="mediationOrganizations" id={organization.id}>
            {organization.name}
          </ShowLink>
        </span>
      ))}
    </Typography>
  );
};

/** One of the mediator's lists (qualifications, trainings) as a table, a column per child field. */
const RowsField = ({
  source,
  sx,
  children,
}: {
  source: string;
  sx?: SxProps<Theme>;
  children: ReactNode;
}) => (
  <Labeled label={`resources.mediators.fields.${source}`} fullWidth sx={sx}>
    <ArrayField source={source}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        {children}
      </Datagrid>
    </ArrayField>
  </Labeled>
);

const FIELDS = [
  <TextField key="name" source="name" />,
  <LabelField key="employment" source="employment" messages="app.mediator_employment" />,
  <LabelChips key="specialities" source="specialities" messages="app.dispute_type" />,
  <TextField key="phone" source="phone" emptyText="—" />,
  <RegionLink key="region" label="resources.mediators.fields.region" />,
  <Organizations key="organizations" label="resources.mediators.fields.organizations" />,
  <NumberField key="activeCaseLoad" source="activeCaseLoad" />,
  <BooleanField key="active" source="active" />,
];

/** One mediator: specialities, memberships, qualifications, training, and the cases assigned. */
export const MediatorShow = () => (
  <DetailShow actions={<GuardedActions buttons={ACTIONS} />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledFields fields={FIELDS} size={{ xs: 12, sm: 6, md: 4, lg: 3 }} />
    </Grid>
    <Grid container spacing={3} sx={{ px: 2, pb: 2 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <RowsField source="qualifications">
          <TextField source="title" label="resources.mediators.fields.qualification_title" />
          <TextField source="issuedBy" label="resources.mediators.fields.issuedBy" />
          <DayField source="obtainedOn" label="resources.mediators.fields.obtainedOn" />
        </RowsField>
        <RowsField source="trainings" sx={{ mt: 2 }}>
          <TextField source="title" label="resources.mediators.fields.training_title" />
          <DayField source="completedOn" label="resources.mediators.fields.completedOn" />
          <NumberField source="hours" label="resources.mediators.fields.hours" />
        </RowsField>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <RelatedCases target="mediatorId" heading="app.mediators.cases" />
      </Grid>
    </Grid>
  </DetailShow>
);

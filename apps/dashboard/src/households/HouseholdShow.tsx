import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { CreateButton, EditButton, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { GuardedActions, type GuardedButton } from '../common/GuardedActions';
import { DateTimeField } from '../common/DateTimeField';
import { TagsField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { LabeledFields } from '../common/ShowSections';
import { HouseholdMembers } from './HouseholdMembers';

const FIELDS: ReactElement[] = [
  <TextField key="address" source="address" />,
  <RegionLink key="region" label="resources.households.fields.region" />,
  <TextField key="head" source="head.name" label="resources.households.fields.head" emptyText="—" />,
  <TagsField key="tags" source="tags" />,
  <DateTimeField key="createdAt" source="createdAt" />,
  <DateTimeField key="updatedAt" source="updatedAt" />,
];

/** "Add member" opens the resident form with this household already chosen. */
const AddMemberButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CreateButton
      resource="residents"
      label="app.households.add_member"
      icon={<PersonAddIcon />}
      state={{ record: { householdId: record.id } }}
    />
  );
};

const ACTIONS: readonly GuardedButton[] = [
  ['resident:write', <AddMemberButton key="addMember" />],
  ['household:write', <EditButton key="edit" />],
];

/** One household: its address and region, and the people registered in it. */
export const HouseholdShow = () => {
  const translate = useTranslate();
  return (
    <DetailShow actions={<GuardedActions buttons={ACTIONS} />}>
      <Stack spacing={3} sx={{ p: 2 }}>
        <Grid container spacing={2}>
          <LabeledFields fields={FIELDS} size={{ xs: 12, sm: 6, md: 4 }} />
        </Grid>
        <Stack spacing={1}>
          <Typography variant="h6" component="h2">
            {translate('resources.households.fields.members')}
          </Typography>
          <HouseholdMembers />
        </Stack>
      </Stack>
    </DetailShow>
  );
};

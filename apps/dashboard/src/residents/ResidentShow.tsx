import Grid from '@mui/material/Grid';
import type { ReactElement } from 'react';
import { EditButton, NumberField, TextField, useRecordContext } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { GuardedActions, type GuardedButton } from '../common/GuardedActions';
import { DateTimeField } from '../common/DateTimeField';
import { LabelField, TagsField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { LabeledFields } from '../common/ShowSections';
import type { ResidentRecord } from './resident-record';
import { RevealButton } from './RevealButton';
import { ShowLink } from '../common/ShowLink';

/** The household as a link to its page: how an official sees who else lives there. */
const HouseholdLink = (_props: { label: string }) => {
  const record = useRecordContext<ResidentRecord>();
  if (!record?.household) return null;
  return (
    <ShowLink resource="households" id={record.household.id} variant="body2">
      {record.household.address}
    </ShowLink>
  );
};

const FIELDS: ReactElement[] = [
  <TextField key="name" source="name" />,
  <LabelField key="gender" source="gender" messages="app.gender" />,
  <NumberField key="birthYear" source="birthYear" options={{ useGrouping: false }} />,
  <NumberField key="age" source="age" />,
  <TextField key="idNumber" source="idNumber" />,
  <TextField key="phone" source="phone" emptyText="—" />,
  <TagsField key="tags" source="tags" />,
  <HouseholdLink key="household" label="resources.residents.fields.household" />,
  <RegionLink key="region" label="resources.residents.fields.region" />,
  <DateTimeField key="createdAt" source="createdAt" />,
  <DateTimeField key="updatedAt" source="updatedAt" />,
];

/** Reveal and edit appear only for roles the API would let through; the API checks again. */
const ACTIONS: readonly GuardedButton[] = [
  ['resident:reveal', <RevealButton key="reveal" />],
  ['resident:write', <EditButton key="edit" />],
];

/** One resident with masked ID number and phone; the full ones only through the audited reveal dialog. */
export const ResidentShow = () => (
  <DetailShow actions={<GuardedActions buttons={ACTIONS} />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledFields fields={FIELDS} size={{ xs: 12, sm: 6, md: 4, lg: 3 }} />
    </Grid>
  </DetailShow>
);

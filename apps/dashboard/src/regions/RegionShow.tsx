import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { NumberField, TextField, useTranslate } from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { DayField } from '../common/DateTimeField';
import { LabeledFields } from '../common/ShowSections';
import { DescendantCountsTable } from './DescendantCountsTable';
import { RegionBreadcrumb } from './RegionBreadcrumb';
import { RegionChildren } from './RegionChildren';
import { RegionLevelField } from './RegionLevelField';

const FIELDS: ReactElement[] = [
  <TextField key="code" source="code" />,
  <TextField key="name" source="name" />,
  <RegionLevelField key="level" source="level" />,
  <TextField key="urbanRuralCode" source="urbanRuralCode" emptyText="—" />,
  <NumberField key="population" source="population" emptyText="—" />,
  <NumberField key="households" source="households" emptyText="—" />,
  <DayField key="validFrom" source="validFrom" />,
  <DayField key="validTo" source="validTo" emptyText="app.regions.still_valid" />,
];

/** One region: where it sits in the tree, its facts, what lies below it, and its children to click into. */
export const RegionShow = () => {
  const translate = useTranslate();
  return (
    <DetailShow>
      <Stack spacing={3} sx={{ p: 2 }}>
        <RegionBreadcrumb />
        <Grid container spacing={3}>
          <Grid container size={{ xs: 12, md: 8 }} spacing={2} alignContent="flex-start">
            <LabeledFields fields={FIELDS} size={{ xs: 6, sm: 4, lg: 3 }} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <DescendantCountsTable />
          </Grid>
        </Grid>
        <Stack spacing={1}>
          <Typography variant="h6" component="h2">
            {translate('app.regions.children')}
          </Typography>
          <RegionChildren />
        </Stack>
      </Stack>
    </DetailShow>
  );
};

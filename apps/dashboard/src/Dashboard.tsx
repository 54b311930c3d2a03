import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  LinearProgress,
  Link,
  ReferenceManyField,
  ShowBase,
  Title,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DescendantCountsTable } from './regions/DescendantCountsTable';
import type { RegionDetailRecord } from './regions/region-record';
import { RegionLevelChip } from './regions/RegionLevelField';
import { RegionTiles } from './regions/RegionTiles';

/** 哈尔滨市, the root of the region tree; city officials supervise the whole of it. */
const HARBIN_CITY_CODE = '230100';

/** The home page: the city, its districts and counties to click into, and how many regions lie below. */
export const Dashboard = () => (
  <ShowBase resource="regions" id={HARBIN_CITY_CODE}>
    <Title title="app.title" />
    <CityOverview />
  </ShowBase>
);

const CityOverview = () => {
  const city = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!city) return <LinearProgress />;
  return (
    <Card sx={{ mt: 2 }}>
      <CardHeader
        title={<Link to={createPath({ resource: 'regions', id: city.id, type: 'show' })}>{city.name}</Link>}
        subheader={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <RegionLevelChip level={city.level} />
            <span>{city.code}</span>
          </Stack>
        }
      />
      <CardContent>
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {translate('app.dashboard.subordinates')}
            </Typography>
            <ReferenceManyField
              reference="regions"
              target="parentCode"
              sort={{ field: 'code', order: 'ASC' }}
              perPage={50}
            >
              <RegionTiles label={translate('app.dashboard.subordinates')} />
            </ReferenceManyField>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <DescendantCountsTable />
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  );
};

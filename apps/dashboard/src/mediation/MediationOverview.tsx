import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ancestorDivisionCodes, isWithinDivision } from '@qiangji/domain';
import { Form, Title, useGetIdentity, useGetMany, useTranslate } from 'react-admin';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { RegionInput } from '../common/RegionInput';
import { ChildRegionTable, TypeTable } from './ChildRegionTable';
import { KpiCards } from './KpiCards';
import { monthSeries, overviewParams, overviewSearch, type OverviewParams } from './mediation-stats';
import { MonthlyTrend } from './MonthlyTrend';
import { useMediationStats } from './use-mediation-stats';

/** Years the picker offers: from the article's 2012 to this one. */
const FIRST_YEAR = 2012;

/** From the user's jurisdiction down to the region shown, each a link to its own overview. */
const RegionTrail = ({
  params,
  jurisdiction,
  current,
}: {
  params: OverviewParams;
  jurisdiction: string;
  current: string;
}) => {
  const translate = useTranslate();
  // Figures above the jurisdiction are FORBIDDEN, so the trail starts at it.
  const codes = ancestorDivisionCodes(params.region).filter((code) => isWithinDivision(code, jurisdiction));
  const { data } = useGetMany('regions', { ids: codes }, { enabled: codes.length > 0 });
  if (!codes.length || !data) return null;
  const names = new Map(data.map((region) => [String(region.id), String(region.name)]));
  return (
    <Breadcrumbs aria-label={translate('app.regions.breadcrumb')}>
      {codes.map((code) => (
        <Link
          key={code}
          component={RouterLink}
          to={{ pathname: '/mediation', search: overviewSearch({ ...params, region: code }) }}
        >
          {names.get(code) ?? code}
        </Link>
      ))}
      <Typography color="text.primary" aria-current="page">
        {current}
      </Typography>
    </Breadcrumbs>
  );
};

/** The region picker (a react-admin form for its reference input) and the range: year, or from and to. */
const Controls = ({ params }: { params: OverviewParams }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const go = (next: Partial<OverviewParams>) =>
    navigate({ pathname: '/mediation', search: overviewSearch({ ...params, ...next }) });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));
  const wholeYear =
    params.from.endsWith('-01-01') && params.to === `${params.from.slice(0, 4)}-12-31`
      ? params.from.slice(0, 4)
      : '';
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {/* Keyed by the region: a drill-down (a link, not the input) must show its region in the input too. */}
      <Form key={params.region} record={{ regionCode: params.region }}>
        <RegionInput
          source="regionCode"
          label="app.mediation.region"
          onChange={(code) => code && code !== params.region && go({ region: code })}
        />
      </Form>
      <TextField
        select
        size="small"
        label={translate('app.mediation.year')}
        value={wholeYear}
        onChange={(event) => go({ from: `${event.target.value}-01-01`, to: `${event.target.value}-12-31` })}
        fullWidth={false}
        sx={{ width: '8rem' }}
      >
        {years.map((year) => (
          <MenuItem key={year} value={year}>
            {year}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        label={translate('app.mediation.from')}
        value={params.from}
        onChange={(event) => event.target.value && go({ from: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        fullWidth={false}
        sx={{ width: '11rem' }}
      />
      <TextField
        type="date"
        size="small"
        label={translate('app.mediation.to')}
        value={params.to}
        onChange={(event) => event.target.value && go({ to: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        fullWidth={false}
        sx={{ width: '11rem' }}
      />
    </Stack>
  );
};

/**
 * 大调解 overview: the KPIs of the cases accepted in the range in a region's subtree, the monthly trend, the
 * figures per dispute type, and a table of the child regions that drills down. The region and range live in
 * the URL, so a drill-down is a link and the back button goes back up.
 */
export const MediationOverview = () => {
  const translate = useTranslate();
  const [search] = useSearchParams();
  const { identity, isPending: identityPending } = useGetIdentity();
  const jurisdiction = (identity?.jurisdiction as { code: string } | undefined)?.code;
  const params = overviewParams(search, jurisdiction);
  const { stats, error, isPending } = useMediationStats(params);
  const shown = stats && params && stats.regionCode === params.region ? stats : null;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.mediation.title" />
      <CardContent>
        <Stack spacing={3}>
          {params && (
            <Stack spacing={1}>
              {jurisdiction && shown && (
                <RegionTrail params={params} jurisdiction={jurisdiction} current={shown.region.name} />
              )}
              <Typography variant="h5" component="h1">
                {translate('app.mediation.heading', {
                  region: shown?.region.name ?? params.region,
                  from: params.from,
                  to: params.to,
                })}
              </Typography>
              <Controls params={params} />
            </Stack>
          )}
          {(identityPending || isPending) && <LinearProgress />}
          {error && <Alert severity="error">{error.message}</Alert>}
          {shown && params && (
            <>
              <KpiCards stats={shown} />
              <section>
                <Typography variant="subtitle1" component="h2" gutterBottom>
                  {translate('app.mediation.trend')}
                </Typography>
                <MonthlyTrend months={monthSeries(params.from, params.to, shown.byMonth)} />
              </section>
              <Grid container spacing={3}>
                <Grid size={{ xs: 12, lg: 7 }}>
                  <ChildRegionTable stats={shown} params={params} />
                </Grid>
                <Grid size={{ xs: 12, lg: 5 }}>
                  <TypeTable stats={shown} />
                </Grid>
              </Grid>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { createElement, Suspense } from 'react';
import {
  LinearProgress,
  Link,
  LinkBase,
  ReferenceManyField,
  ShowBase,
  Title,
  useCreatePath,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { allows } from './auth/actions';
import { useJurisdiction } from './common/use-jurisdiction';
import { lazyPage } from './features/feature';
import { featuresFor, menuPagesFor } from './features';
import { DescendantCountsTable } from './regions/DescendantCountsTable';
import { RegionBreadcrumb } from './regions/RegionBreadcrumb';
import type { RegionDetailRecord } from './regions/region-record';
import { RegionLevelChip } from './regions/RegionLevelField';
import { RegionTiles } from './regions/RegionTiles';

// Its own chunk, with ECharts: the other home pages do not load it.
const CommandView = lazyPage(() => import('./supervision/CommandView'), 'CommandView');
const CadreHome = lazyPage(() => import('./villages/CadreHome'), 'CadreHome');

/**
 * The home page: the user's own jurisdiction (the city for a supervisor, the grid for a grid worker), the
 * work its roles open, the regions below it to click into, and how many lie there.
 */
export const Dashboard = () => {
  const jurisdiction = useJurisdiction();
  const { permissions } = usePermissions();
  if (!jurisdiction) return <LinearProgress />;
  // City officials (SUPERVISOR, CITY_ADMIN) start their day on the command view, their shortcuts under it;
  // officers below open it from the menu.
  const command = jurisdiction.level === 'CITY' && allows(permissions, 'command:read');
  // A stationed cadre's day starts with the visits due; the shortcuts follow.
  const cadre = jurisdiction.level === 'VILLAGE' && allows(permissions, 'visit:write');
  return (
    <>
      {command && (
        <Suspense fallback={<LinearProgress />}>
          <CommandView home />
        </Suspense>
      )}
      {cadre && (
        <Suspense fallback={<LinearProgress />}>
          <CadreHome village={jurisdiction.code} />
        </Suspense>
      )}
      <ShowBase resource="regions" id={jurisdiction.code}>
        <Title title="app.title" />
        <JurisdictionOverview shortcuts={!cadre} />
      </ShowBase>
    </>
  );
};

/** The features the roles show, as buttons: where the day's work starts. */
const Shortcuts = () => {
  const { permissions } = usePermissions();
  const level = useJurisdiction()?.level;
  const translate = useTranslate();
  const createPath = useCreatePath();
  const links = featuresFor(permissions)
    .filter((feature) => feature.name !== 'regions')
    .flatMap((feature) => [
      ...(feature.list
        ? [
            {
              key: feature.name,
              to: createPath({ resource: feature.name, type: 'list' }),
              label: translate(`resources.${feature.name}.name`, { smart_count: 2 }),
              icon: feature.icon,
            },
          ]
        : []),
      ...menuPagesFor(feature, permissions, level).map((page) => ({
        key: page.path,
        to: page.path,
        label: translate(page.menuLabel),
        icon: page.icon,
      })),
    ]);
  if (links.length === 0) return null;
  const title = translate('app.dashboard.work');
  return (
    <Stack component="nav" aria-label={title} direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
      {links.map((link) => (
        <Button
          key={link.key}
          component={LinkBase}
          to={link.to}
          variant="outlined"
          startIcon={createElement(link.icon)}
        >
          {link.label}
        </Button>
      ))}
    </Stack>
  );
};

const JurisdictionOverview = ({ shortcuts }: { shortcuts: boolean }) => {
  const region = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!region) return <LinearProgress />;
  const below = (region.descendantCounts ?? []).length > 0;
  const subordinates = translate(
    region.level === 'CITY' ? 'app.dashboard.subordinates' : 'app.regions.children',
  );
  return (
    <Card sx={{ mt: 2 }}>
      <CardHeader
        title={
          <Link to={createPath({ resource: 'regions', id: region.id, type: 'show' })}>
            {region.qualifiedName ?? region.name}
          </Link>
        }
        subheader={
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <RegionLevelChip level={region.level} />
              <span>{region.code}</span>
            </Stack>
            {region.ancestors?.length ? <RegionBreadcrumb /> : null}
          </Stack>
        }
      />
      <CardContent>
        <Stack spacing={3}>
          {shortcuts && <Shortcuts />}
          {below ? (
            <Grid container spacing={3}>
              <Grid size={{ xs: 12, md: 8 }}>
                <Typography variant="subtitle1" component="h2" gutterBottom>
                  {subordinates}
                </Typography>
                <ReferenceManyField
                  reference="regions"
                  target="parentCode"
                  sort={{ field: 'code', order: 'ASC' }}
                  perPage={50}
                >
                  <RegionTiles label={subordinates} />
                </ReferenceManyField>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <DescendantCountsTable />
              </Grid>
            </Grid>
          ) : (
            region.descendantCounts && (
              <Typography color="text.secondary">{translate('app.regions.no_children')}</Typography>
            )
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

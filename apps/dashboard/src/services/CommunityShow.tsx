import { CONVENIENCE_MAP_RADIUS_M } from '@qiangji/domain';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import {
  FunctionField,
  Labeled,
  Link,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  useDataProvider,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DetailShow } from '../common/DetailShow';
import { allows } from '../auth/actions';
import { ExportMenu } from '../common/ExportButton';
import { regionName, type RegionRef } from '../common/region-ref';
import type { QiangjiDataProvider } from '../data-provider';
import { RegionLink } from '../common/RegionLink';
import { useStats } from '../stats/use-stats';
// Leaflet is loaded with this page only.
const VectorMap = lazy(() => import('../common/VectorMap'));

interface MapPoint {
  id: string;
  name: string;
  category: string;
  distanceMeters: number;
  location: { lat: number; lng: number };
}

interface Profile {
  id: string;
  regionCode: string;
  region: RegionRef;
  location: { lat: number; lng: number } | null;
  functions: string[];
  satellites: { id: string; region: RegionRef }[];
  central: { id: string; region: RegionRef } | null;
}

const Functions = () => {
  const record = useRecordContext<Profile>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Labeled label="resources.communityProfiles.fields.functions">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
        {record.functions.map((f) => (
          <Chip key={f} size="small" label={translate(`app.community_function.${f}`)} />
        ))}
      </Box>
    </Labeled>
  );
};

/** The map and the list of the points within 1,000 m, nearest first. */
const NearbyMap = () => {
  const record = useRecordContext<Profile>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [locale] = useLocaleState();
  const { data } = useStats<{ totalCount: number; edges: { node: MapPoint }[] }>(
    'communityProfiles',
    'nearby',
    record?.location ? { code: record.regionCode, radius: CONVENIENCE_MAP_RADIUS_M } : null,
  );
  const label = useCallback(
    (p: MapPoint) =>
      `${translate(`app.poi_category.${p.category}`)} · ${p.name} · ${translate('app.services.metres', { n: Math.round(p.distanceMeters) })}`,
    [translate],
  );
  const points = useMemo(() => data?.edges.map((e) => e.node) ?? [], [data]);
  const markers = useMemo(() => points.map((p) => ({ ...p, label: label(p) })), [points, label]);
  const circle = useMemo(
    () => record?.location && { centre: record.location, radius: CONVENIENCE_MAP_RADIUS_M },
    [record?.location],
  );
  if (!record?.location) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1">{translate('app.services.map')}</Typography>
        <ExportMenu
          total={data?.totalCount}
          run={(format, onProgress, signal) =>
            dataProvider.exportField(
              'nearby',
              {
                arguments: { communityCode: record.regionCode, radiusMeters: CONVENIENCE_MAP_RADIUS_M },
                format,
                language: locale === 'en' ? 'en' : 'zh',
                signal,
              },
              onProgress,
            )
          }
        />
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('app.services.map_hint')}
      </Typography>
      <Suspense fallback={null}>
        {data && <VectorMap circle={circle || undefined} markers={markers} testId="convenience-map" />}
      </Suspense>
      <List dense aria-label={translate('app.services.map')}>
        {data && !points.length && <ListItem>{translate('app.services.nearby_empty')}</ListItem>}
        {points.map((p) => (
          <ListItem key={p.id} disableGutters>
            <ListItemText primary={label(p)} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
};

/** The community's work queues, for those who handle its applications. */
const Queue = () => {
  const record = useRecordContext<Profile>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const createPath = useCreatePath();
  const mine = allows(permissions, 'service:read');
  const { data } = useStats<{ queue: string; count: number }[]>(
    'communityProfiles',
    'queue',
    record && mine ? { code: record.regionCode } : null,
  );
  if (!data) return null;
  return (
    <Labeled label="app.services.queue">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {data.map((q) => (
          <Link
            key={q.queue}
            to={`${createPath({ resource: 'serviceApplications', type: 'list' })}?filter=${encodeURIComponent(
              JSON.stringify({ regionCode: record!.regionCode, queue: q.queue }),
            )}`}
          >
            <Chip
              clickable
              color={q.queue === 'OVERDUE' && q.count ? 'error' : 'default'}
              label={`${translate(`app.service_queue.${q.queue}`)} ${q.count}`}
            />
          </Link>
        ))}
      </Box>
    </Labeled>
  );
};

/** Links to the community's catalogue and its public list of policies. */
const CatalogueLinks = () => {
  const record = useRecordContext<Profile>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  const to = (resource: string, filter: object) =>
    `${createPath({ resource, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Box sx={{ display: 'flex', gap: 2 }}>
      <Link to={to('serviceItems', { offeredAt: record.regionCode })}>
        {translate('app.services.catalogue')}
      </Link>
      <Link to={to('policies', { publishedFor: record.regionCode })}>
        {translate('app.services.policies')}
      </Link>
    </Box>
  );
};

/** A community's page: its profile, the central community it belongs to or the satellites it serves, its map. */
export const CommunityShow = () => (
  <DetailShow>
    <SimpleShowLayout>
      <RegionLink label="resources.communityProfiles.fields.region" />
      <FunctionField
        label="resources.communityProfiles.fields.kind"
        render={(p: Profile & { kind: string }) => <KindText kind={p.kind} />}
      />
      <FunctionField
        label="resources.communityProfiles.fields.central"
        render={(p: Profile) => (p.central ? regionName(p.central.region) : '—')}
      />
      <FunctionField
        label="resources.communityProfiles.fields.satellites"
        render={(p: Profile) => p.satellites.map((s) => regionName(s.region)).join('、') || '—'}
      />
      <TextField source="serviceAreaM2" emptyText="—" />
      <TextField source="openingHours" />
      <TextField source="officePhone" emptyText="—" />
      <Functions />
      <CatalogueLinks />
      <Queue />
      <NearbyMap />
    </SimpleShowLayout>
  </DetailShow>
);

const KindText = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return <span>{translate(`app.community_kind.${kind}`)}</span>;
};

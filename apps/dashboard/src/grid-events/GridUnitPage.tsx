import { chinaDay, formatPercent } from '@qiangji/domain';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GeoJsonObject } from 'geojson';
import { lazy, Suspense, useState } from 'react';
import {
  Form,
  useCreatePath,
  useDataProvider,
  useLocaleState,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { allows } from '../auth/actions';
import { formatDateTime, formatDay } from '../common/dates';
import type { QiangjiDataProvider } from '../data-provider';
import { regionName, type RegionRef } from '../common/region-ref';
import { RegionInput } from '../common/RegionInput';
import { useJurisdiction } from '../common/use-jurisdiction';
import { FigureTable } from '../stats/FigureTable';
import { KpiCards } from '../stats/KpiCards';
import { ReadProgress, StatsCard } from '../stats/StatsCard';
import { useStats } from '../stats/use-stats';
import type { GridEventRow } from './GridEventList';

interface Unit {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  boundary: GeoJsonObject | null;
  region: RegionRef;
  workers: { id: string; workerName: string; validFrom: string; validTo: string | null }[];
  households: { totalCount: number };
  residentTags: { tag: string; residents: number }[];
  openEvents: { totalCount: number; edges: { node: GridEventRow }[] };
  zeroReports: { id: string; day: string; reporterName: string }[];
}
interface Coverage {
  gridUnits: number;
  unitDays: number;
  coveredUnitDays: number;
  coverageRate: number | null;
  gapUnits: number;
}
interface Gaps {
  totalCount: number;
  edges: { node: { regionCode: string; missingDays: number; unitDays: number; region: RegionRef } }[];
}

const RESOURCE = 'gridEvents';
// Leaflet is loaded with a unit's page only; the community page's map, without a tile server.
const VectorMap = lazy(() => import('../common/VectorMap'));
const NO_MARKERS: never[] = [];

/** The unit's imported boundary on a plain background, or a sentence saying there is none. */
const UnitMap = ({ boundary }: { boundary: GeoJsonObject | null }) => {
  const translate = useTranslate();
  return (
    <section>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {translate('app.grid.map')}
      </Typography>
      {boundary ? (
        <Suspense fallback={<ReadProgress loading error={null} />}>
          <VectorMap boundary={boundary} markers={NO_MARKERS} testId="grid-unit-map" />
        </Suspense>
      ) : (
        <Typography variant="body2">{translate('app.grid.no_boundary_map')}</Typography>
      )}
    </section>
  );
};
const DAY_MS = 86_400_000;
const lastWeek = () => ({ from: chinaDay(Date.now() - 7 * DAY_MS), to: chinaDay(Date.now() - DAY_MS) });

/** The coverage of the last seven days and the units with gaps, for a supervisor's region. */
const CoverageGaps = ({ region }: { region: string | undefined }) => {
  const translate = useTranslate();
  const [period] = useState(lastWeek);
  const args = { regionCode: region ?? null, ...period };
  const coverage = useStats<Coverage>(RESOURCE, 'coverage', args);
  const gaps = useStats<Gaps>(RESOURCE, 'gaps', args);
  const c = coverage.data;
  return (
    <Stack spacing={2}>
      <ReadProgress loading={coverage.isPending || gaps.isPending} error={coverage.error ?? gaps.error} />
      {c && (
        <KpiCards
          items={[
            {
              key: 'coverage',
              label: translate('app.grid.coverage'),
              value: formatPercent(c.coverageRate),
              detail: translate('app.grid.coverage_detail', {
                covered: c.coveredUnitDays,
                days: c.unitDays,
                gaps: c.gapUnits,
              }),
            },
          ]}
        />
      )}
      {gaps.data && (
        <FigureTable
          title={translate('app.grid.gaps')}
          rowHeader={translate('app.stats.region')}
          rows={gaps.data.edges.map((e) => e.node)}
          rowKey={(g) => g.regionCode}
          rowLabel={(g) => regionName(g.region)}
          rowLink={(g) => ({ pathname: '/grid-units', search: `?code=${g.regionCode}` })}
          columns={[
            {
              key: 'missing',
              label: translate('app.grid.missing_days'),
              value: (g) => `${g.missingDays} / ${g.unitDays}`,
            },
          ]}
        />
      )}
    </Stack>
  );
};

/** 零上报 for today, by those who report from the unit. */
const ReportNothing = ({ code, onDone }: { code: string; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const send = async () => {
    try {
      await dataProvider.command(RESOURCE, 'reportNothing', { input: { regionCode: code, day: chinaDay() } });
      notify('app.grid.reported_nothing', { type: 'success' });
      onDone();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <Button variant="outlined" onClick={send} sx={{ alignSelf: 'flex-start' }}>
      {translate('app.grid.report_nothing')}
    </Button>
  );
};

/**
 * A grid unit's page: its dates and boundary, its workers then and now, its households, its residents counted
 * by tag (no person shown), its open events and zero reports. Without a unit: the coverage gaps of the
 * jurisdiction, and a picker.
 */
export const GridUnitPage = () => {
  const [search] = useSearchParams();
  const unreported = unreportedListOf(search);
  return unreported ? <Navigate to={unreported} replace /> : <UnitOrCoverage />;
};

/**
 * The list the command view's alert once linked here as `?region&from&to` (grid units without reports on those
 * days): a bookmark of it opens the grid-unit list with the same filter.
 */
function unreportedListOf(search: URLSearchParams): string | null {
  const [regionCode, unreportedFrom, unreportedTo] = ['region', 'from', 'to'].map((k) => search.get(k));
  if (search.has('code') || !regionCode || !unreportedFrom || !unreportedTo) return null;
  const filter = JSON.stringify({ regionCode, unreportedFrom, unreportedTo });
  return `/gridUnits?${new URLSearchParams({ filter })}`;
}

const UnitOrCoverage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [locale = 'zh-CN'] = useLocaleState();
  const { permissions } = usePermissions();
  const [search] = useSearchParams();
  const jurisdiction = useJurisdiction();
  const [reload, setReload] = useState(0);
  const code = search.get('code') ?? (jurisdiction?.code.length === 15 ? jurisdiction.code : null);
  const unit = useStats<Unit>(RESOURCE, 'unit', code ? { code, reload } : null);
  const u = unit.data;
  const day = (d: string) => formatDay(d, locale);
  return (
    <StatsCard title="app.grid.units_title">
      <Form key={code ?? ''} record={{ regionCode: code }}>
        <RegionInput
          source="regionCode"
          label="app.grid.pick_unit"
          helperText={false}
          onChange={(next) => next && navigate({ pathname: '/grid-units', search: `?code=${next}` })}
        />
      </Form>
      {!code && <CoverageGaps region={jurisdiction?.code} />}
      <ReadProgress loading={Boolean(code) && unit.isPending} error={unit.error} />
      {u && (
        <>
          <Stack spacing={0.5}>
            <Typography variant="h5" component="h1">
              {regionName(u.region)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {u.code} ·{' '}
              {u.validTo
                ? translate('app.grid.between', { from: day(u.validFrom), to: day(u.validTo) })
                : translate('app.grid.since', { from: day(u.validFrom) })}{' '}
              · {translate(u.boundary ? 'app.grid.boundary' : 'app.grid.no_boundary')}
            </Typography>
          </Stack>
          <UnitMap boundary={u.boundary} />
          {allows(permissions, 'grid:report') && (
            <ReportNothing code={u.code} onDone={() => setReload((n) => n + 1)} />
          )}
          <KpiCards
            items={[
              {
                key: 'households',
                label: translate('app.grid.households'),
                value: String(u.households.totalCount),
              },
              {
                key: 'open',
                label: translate('app.grid.open_events'),
                value: String(u.openEvents.totalCount),
              },
              {
                key: 'zero',
                label: translate('app.grid.zero_reports'),
                value: String(u.zeroReports.length),
              },
            ]}
          />
          <section>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {translate('app.grid.workers')}
            </Typography>
            {u.workers.length === 0 && (
              <Typography variant="body2">{translate('app.grid.no_workers')}</Typography>
            )}
            <List dense disablePadding>
              {u.workers.map((w) => (
                <ListItemText
                  key={w.id}
                  primary={w.workerName}
                  secondary={
                    w.validTo
                      ? translate('app.grid.between', { from: day(w.validFrom), to: day(w.validTo) })
                      : translate('app.grid.since', { from: day(w.validFrom) })
                  }
                />
              ))}
            </List>
          </section>
          <FigureTable
            title={translate('app.grid.residents_by_tag')}
            rowHeader={translate('resources.residents.fields.tags', { _: '标签' })}
            rows={u.residentTags}
            rowKey={(t) => t.tag}
            rowLabel={(t) => translate(`app.resident_tag.${t.tag}`)}
            columns={[{ key: 'n', label: translate('app.regions.count'), value: (t) => String(t.residents) }]}
          />
          <section>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {translate('app.grid.open_events')}
            </Typography>
            {u.openEvents.edges.length === 0 && (
              <Typography variant="body2">{translate('app.grid.no_open_events')}</Typography>
            )}
            <List dense disablePadding>
              {u.openEvents.edges.map(({ node: e }) => (
                <ListItemButton
                  key={e.id}
                  component={Link}
                  to={createPath({ resource: 'gridEvents', id: e.id, type: 'show' })}
                >
                  <ListItemText
                    primary={`${e.number} ${translate(`app.grid_category.${e.category}`)}`}
                    secondary={`${translate(`app.grid_state.${e.state}`)} · ${formatDateTime(e.reportedAt, locale)}`}
                  />
                </ListItemButton>
              ))}
            </List>
          </section>
        </>
      )}
    </StatsCard>
  );
};

import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import GlobalStyles from '@mui/material/GlobalStyles';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { rankByKpi } from '@qiangji/domain';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatMonth } from '../common/dates';
import { regionName } from '../common/region-ref';
import { ExportMenu } from '../common/ExportButton';
import { useJurisdiction } from '../common/use-jurisdiction';
import type { QiangjiDataProvider } from '../data-provider';
import { EmptyState } from '../stats/EmptyState';
import { FigureTable } from '../stats/FigureTable';
import { RegionTrail } from '../stats/RegionTrail';
import { useStats } from '../stats/use-stats';
import { AlertList } from './AlertList';
import type { CommandChild, CommandViewData } from './command-view';
import { KpiTiles } from './KpiTiles';
import { PeriodControls } from './PeriodControls';
import { RegionMap } from './RegionMap';
import { formatFigure, viewSearch, viewStateFromSearch, type ViewState } from './view-state';

// Printed, the view is its figures (the layout leaves out the menu, the bar and the controls), each section
// kept whole on its page.
const PRINT = <GlobalStyles styles={{ '@media print': { section: { breakInside: 'avoid' } } }} />;

/**
 * 指挥调度: how grassroots governance stands in a region's subtree for a period of months, against the same
 * months a year before: the tiles every module declares, the child regions on a map and ranked by the chosen
 * KPI, and the alerts. A click on the map, a row or the trail moves the whole view; the state lives in the URL,
 * so the back button climbs back too. On the home page (`home`) the page's title is the home page's.
 */
export const CommandView = ({ home = false }: { home?: boolean }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const [locale = 'zh-CN'] = useLocaleState();
  const language = locale.startsWith('zh') ? 'zh' : 'en';
  const [search] = useSearchParams();
  const jurisdiction = useJurisdiction();
  const state = viewStateFromSearch(search, jurisdiction?.code);
  const view = useStats<CommandViewData>(
    'supervision',
    'view',
    state && { regionCode: state.region, from: state.from, to: state.to },
  );
  const shown =
    view.data &&
    state &&
    view.data.regionCode === state.region &&
    view.data.from === state.from &&
    view.data.to === state.to
      ? view.data
      : null;
  const go = (next: Partial<ViewState>) =>
    state && navigate({ pathname: '/command', search: viewSearch({ ...state, ...next }) });
  const drill = (region: string) => go({ region });
  const tile = shown?.tiles.find((t) => t.key === state?.kpi) ?? shown?.tiles[0] ?? null;
  const name = shown ? regionName(shown.region) : (state?.region ?? '');
  const valueOf = (c: CommandChild) => c.figures.find((f) => f.key === tile?.key)?.value ?? null;
  const rows = shown && tile ? rankByKpi(shown.children, valueOf, tile.higherIsBetter) : [];
  // The table ranks by the chosen KPI beside the other figures of its area (on a phone, that KPI alone); the
  // other areas' figures are a tap on their tiles away.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

  return (
    <Card sx={{ mt: 2 }}>
      {PRINT}
      {!home && <Title title="app.command_view.title" />}
      <CardContent>
        <Stack spacing={3}>
          {state && (
            <Stack spacing={1}>
              {jurisdiction && shown && (
                <RegionTrail
                  region={state.region}
                  current={name}
                  jurisdiction={jurisdiction.code}
                  linkTo={(region) => ({ pathname: '/command', search: viewSearch({ ...state, region }) })}
                />
              )}
              <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
                <Typography variant="h5" component="h1">
                  {translate('app.command_view.heading', { region: name })}
                </Typography>
                <Typography color="text.secondary">
                  {translate('app.command_view.period', {
                    from: formatMonth(state.from, locale),
                    to: formatMonth(state.to, locale),
                  })}
                  {shown &&
                    ` · ${translate('app.command_view.compared', {
                      from: formatMonth(shown.previousFrom, locale),
                      to: formatMonth(shown.previousTo, locale),
                    })}`}
                </Typography>
              </Stack>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                <PeriodControls period={state} onChange={(period) => go(period)} />
                <Button startIcon={<PrintIcon />} onClick={() => window.print()} data-print="hide">
                  {translate('app.command_view.print')}
                </Button>
              </Stack>
            </Stack>
          )}
          {view.isPending && <LinearProgress aria-label={translate('app.command_view.loading')} />}
          {view.error && <Alert severity="error">{view.error.message}</Alert>}
          {shown && shown.tiles.length === 0 && (
            <EmptyState message={translate('app.command_view.no_tiles')} />
          )}
          {shown && tile && (
            <>
              <KpiTiles tiles={shown.tiles} selected={tile.key} onSelect={(kpi) => go({ kpi })} />
              <Grid container spacing={3}>
                <Grid size={{ xs: 12, md: 8 }}>
                  <Stack spacing={1}>
                    <TextField
                      select
                      size="small"
                      label={translate('app.command_view.map_kpi')}
                      value={tile.key}
                      onChange={(e) => go({ kpi: e.target.value })}
                      sx={{ width: { xs: '100%', sm: '16rem' } }}
                      data-print="hide"
                    >
                      {shown.tiles.map((t) => (
                        <MenuItem key={t.key} value={t.key}>
                          {t.label[language]}
                        </MenuItem>
                      ))}
                    </TextField>
                    {shown.children.length === 0 ? (
                      <EmptyState message={translate('app.command_view.no_children')} />
                    ) : (
                      <RegionMap
                        regionCode={shown.regionCode}
                        regionName={name}
                        children={shown.children}
                        tile={tile}
                        onDrill={drill}
                      />
                    )}
                  </Stack>
                </Grid>
                <Grid size={{ xs: 12, md: 4 }}>
                  <AlertList alerts={shown.alerts} />
                </Grid>
              </Grid>
              <FigureTable
                title={translate('app.command_view.ranking', { kpi: tile.label[language] })}
                actions={
                  <span data-print="hide">
                    <ExportMenu
                      total={rows.length}
                      run={(format, onProgress, signal) =>
                        dataProvider.download(
                          'commandViewRanking',
                          {
                            regionCode: state!.region,
                            from: state!.from,
                            to: state!.to,
                            kpi: tile.key,
                            format,
                            language,
                          },
                          onProgress,
                          signal,
                        )
                      }
                    />
                  </span>
                }
                rowHeader={translate('app.stats.region')}
                rows={rows}
                rowKey={(c) => c.regionCode}
                rowLabel={(c) => c.name}
                rowLink={(c) => ({
                  pathname: '/command',
                  search: viewSearch({ ...state!, region: c.regionCode }),
                })}
                columns={[
                  {
                    key: 'rank',
                    label: translate('app.command_view.rank'),
                    value: (c) => (valueOf(c) === null ? '—' : String(rows.indexOf(c) + 1)),
                  },
                  ...shown.tiles
                    .filter((t) => (phone ? t.key === tile.key : t.area === tile.area))
                    .map((t) => ({
                      key: t.key,
                      label: t.label[language],
                      value: (c: CommandChild) =>
                        formatFigure(t.unit, c.figures.find((f) => f.key === t.key)?.value ?? null, locale),
                    })),
                ]}
              />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Form, useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ReactNode } from 'react';
import type { VillageIndicators } from '@qiangji/domain';
import { formatDay } from '../common/dates';
import { RegionInput } from '../common/RegionInput';
import { regionName, type RegionRef } from '../common/region-ref';
import { useJurisdiction } from '../common/use-jurisdiction';
import { FigureTable } from '../stats/FigureTable';
import { ReadProgress, StatsCard } from '../stats/StatsCard';
import { useStats } from '../stats/use-stats';
import { allows } from '../auth/actions';
import { IndicatorImportButton } from './IndicatorImportButton';
import {
  END_POSTING_FORM,
  INDICATORS_FORM,
  MEMBERS_FORM,
  ORGANIZATION_FORM,
  PAIRING_FORM,
  START_POSTING_FORM,
  type VillageContext,
} from './village-forms';
import { VillageWriteButton } from './VillageWriteButton';
import type { VisitRow } from './VisitList';

interface Indicator extends VillageIndicators {
  netAssets: number;
}

interface Village {
  code: string;
  adoptsModel: boolean;
  region: RegionRef;
  indicators: Indicator[];
  organizations: {
    id: string;
    kind: string;
    name: string;
    memberCount: number;
    dissolvedOn: string | null;
  }[];
  safetyRecords: { year: number; publicOrderCases: number; criminalCases: number }[];
  postings: {
    id: string;
    cadreName: string;
    role: string;
    state: string;
    version: number;
    startsOn: string;
    endsOn: string | null;
    handoverNote: string | null;
  }[];
}

/** Its yearly per-capita income as a line (recharts): the effect of the years, at a glance. */
const IncomeChart = ({ title, rows }: { title: string; rows: readonly Indicator[] }) => {
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <Box role="img" aria-label={title} sx={{ width: '100%', height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" fontSize={12} />
          <YAxis width={56} fontSize={12} tickFormatter={(v) => Number(v).toLocaleString(locale)} />
          <Tooltip formatter={(v) => Number(v).toLocaleString(locale)} />
          <Line dataKey="perCapitaNetIncome" name={title} stroke="#1976d2" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};

/** A posting's or a pairing's line: who, from when to when, and its note (the handover, the goals). */
const TermText = ({
  primary,
  term,
  note,
}: {
  primary: string;
  term: { startsOn: string; endsOn: string | null };
  note: string | null;
}) => {
  const [locale = 'zh-CN'] = useLocaleState();
  const span = `${formatDay(term.startsOn, locale)} — ${term.endsOn ? formatDay(term.endsOn, locale) : ''}`;
  return <ListItemText primary={primary} secondary={[span, note].filter(Boolean).join(' · ')} />;
};

/** The buttons of a section's writes, wrapping on a phone. */
const Writes = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
    {children}
  </Stack>
);

/**
 * 村情档案: a village's "1+3+N" organisations, yearly profile, safety, its cadres past and present (with their
 * handover notes) and its visits. Opens on the user's village (a cadre's jurisdiction) or the one in the URL.
 */
export const VillagePage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [search] = useSearchParams();
  const jurisdiction = useJurisdiction();
  const code = search.get('code') ?? (jurisdiction?.level === 'VILLAGE' ? jurisdiction.code : null);
  const village = useStats<Village>('visits', 'village', code ? { code } : null);
  const visits = useGetList<VisitRow & { id: string }>(
    'visits',
    { filter: { regionCode: code }, pagination: { page: 1, perPage: 20 } },
    { enabled: Boolean(code) },
  );
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.villages.village.${key}`, options);
  const count = (n: number) => n.toLocaleString(locale);
  const v = village.data && village.data.code === code ? village.data : null;
  const { permissions } = usePermissions();
  const writes = allows(permissions, 'village:write');
  const pairings = useGetList<{
    id: string;
    startsOn: string;
    endsOn: string | null;
    goals: string;
    workUnit: { name: string };
  }>(
    'pairings',
    { filter: { regionCode: code }, pagination: { page: 1, perPage: 20 } },
    { enabled: Boolean(code) },
  );
  // The page's writes, for those who may make them.
  const page: VillageContext | null =
    writes && v
      ? {
          village: v.code,
          endedPostings: v.postings.filter((p) => p.state === 'ENDED'),
          organizations: v.organizations.filter((o) => !o.dissolvedOn),
          recordedYears: v.indicators.map((i) => i.year),
        }
      : null;

  return (
    <StatsCard title="app.villages.village.title">
      <Form key={code ?? ''} record={{ code }}>
        <RegionInput
          source="code"
          label="app.villages.village.village"
          helperText={false}
          onChange={(next) => next && next !== code && navigate(`/village?code=${next}`)}
        />
      </Form>
      {!code && <Alert severity="info">{t('no_village')}</Alert>}
      <ReadProgress loading={Boolean(code) && village.isPending} error={village.error} />
      {v && (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography variant="h5" component="h1">
              {regionName(v.region)}
            </Typography>
            <Chip
              color={v.adoptsModel ? 'success' : 'default'}
              label={t(v.adoptsModel ? 'adopts' : 'not_adopts')}
            />
            <Button component={Link} to="/visits/create" variant="contained" size="small">
              {t('log_visit')}
            </Button>
            <Button
              component={Link}
              to={`/households?filter=${encodeURIComponent(JSON.stringify({ regionCode: v.code }))}`}
              size="small"
            >
              {t('households')}
            </Button>
          </Stack>

          <section>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {t('model')}
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {v.organizations.map((o) => (
                <Chip
                  key={o.id}
                  variant="outlined"
                  label={`${translate(`app.villages.organization_kind.${o.kind}`)} · ${o.name}${o.memberCount ? ` · ${t('members', { count: o.memberCount })}` : ''}${o.dissolvedOn ? ` · ${t('dissolved')}` : ''}`}
                />
              ))}
            </Stack>
            {page && (
              <Writes>
                <VillageWriteButton form={ORGANIZATION_FORM} page={page} />
                {page.organizations.length > 0 && <VillageWriteButton form={MEMBERS_FORM} page={page} />}
              </Writes>
            )}
          </section>

          {v.indicators.length > 0 && <IncomeChart title={t('income_trend')} rows={v.indicators} />}
          {page && (
            <Writes>
              <VillageWriteButton form={INDICATORS_FORM} page={page} />
              <IndicatorImportButton />
            </Writes>
          )}
          <FigureTable
            title={t('indicators')}
            rowHeader={translate('app.stats.year')}
            rows={[...v.indicators].reverse()}
            rowKey={(r) => String(r.year)}
            rowLabel={(r) => String(r.year)}
            columns={(
              [
                'households',
                'population',
                'cultivatedLandMu',
                'poorHouseholds',
                'perCapitaNetIncome',
                'netAssets',
                'householdsInOrganizations',
              ] as const
            ).map((key) => ({
              key,
              label: translate(`app.villages.indicator.${key}`),
              value: (r: Indicator) => count(r[key]),
              color:
                key === 'netAssets'
                  ? (r: Indicator) => (r.netAssets < 0 ? 'error.main' : undefined)
                  : undefined,
            }))}
          />
          <FigureTable
            title={t('safety')}
            rowHeader={translate('app.stats.year')}
            rows={[...v.safetyRecords].reverse()}
            rowKey={(r) => String(r.year)}
            rowLabel={(r) => String(r.year)}
            columns={[
              { key: 'publicOrder', label: t('public_order'), value: (r) => count(r.publicOrderCases) },
              { key: 'criminal', label: t('criminal'), value: (r) => count(r.criminalCases) },
            ]}
          />

          <section>
            <Typography variant="subtitle1" component="h2">
              {t('postings')}
            </Typography>
            <List dense>
              {v.postings.map((p) => (
                <ListItem
                  key={p.id}
                  disableGutters
                  secondaryAction={
                    page &&
                    p.state === 'ACTIVE' && (
                      <VillageWriteButton form={END_POSTING_FORM} page={{ ...page, posting: p }} />
                    )
                  }
                  sx={{
                    flexWrap: 'wrap',
                    '& .MuiListItemSecondaryAction-root': { position: 'static', transform: 'none' },
                  }}
                >
                  <TermText
                    primary={`${p.cadreName} · ${translate(`app.villages.posting_role.${p.role}`)}`}
                    term={p}
                    note={p.handoverNote && `${t('handover')}：${p.handoverNote}`}
                  />
                </ListItem>
              ))}
            </List>
            {page && (
              <Writes>
                <VillageWriteButton form={START_POSTING_FORM} page={page} />
              </Writes>
            )}
          </section>

          <section aria-label={translate('app.villages.form.pairings')}>
            <Typography variant="subtitle1" component="h2">
              {translate('app.villages.form.pairings')}
            </Typography>
            {pairings.data?.length === 0 && (
              <Typography color="text.secondary">{translate('app.villages.form.no_pairings')}</Typography>
            )}
            <List dense data-testid="village-pairings">
              {pairings.data?.map((p) => (
                <ListItem key={p.id} disableGutters>
                  <TermText primary={p.workUnit.name} term={p} note={p.goals} />
                </ListItem>
              ))}
            </List>
            {page && (
              <Writes>
                <VillageWriteButton form={PAIRING_FORM} page={page} />
              </Writes>
            )}
          </section>

          <section aria-label={t('visits')}>
            <Typography variant="subtitle1" component="h2">
              {t('visits')}
              {visits.total != null && ` (${count(visits.total)})`}
            </Typography>
            <Button
              component={Link}
              to={`/visits?filter=${encodeURIComponent(JSON.stringify({ regionCode: v.code }))}`}
              size="small"
            >
              {t('all_visits')}
            </Button>
            {visits.data?.length === 0 && <Typography color="text.secondary">{t('no_visits')}</Typography>}
            <List dense data-testid="village-visits">
              {visits.data?.map((visit) => (
                <ListItem
                  key={visit.id}
                  disableGutters
                  component={Link}
                  to={`/visits/${visit.id}/show`}
                  data-visit
                >
                  <ListItemText
                    primary={`${formatDay(visit.visitedOn, locale)} · ${translate(`app.villages.visit_purpose.${visit.purpose}`)} · ${visit.household?.address ?? ''}`}
                    secondary={[visit.findings, visit.cadreName].filter(Boolean).join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          </section>
        </>
      )}
    </StatsCard>
  );
};

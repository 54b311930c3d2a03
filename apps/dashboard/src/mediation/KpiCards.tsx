import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { formatPercent } from '@qiangji/domain';
import { useLocaleState, useTranslate } from 'react-admin';
import type { MediationStats } from './mediation-stats';

interface Kpi {
  key: string;
  value: string;
  detail?: string;
  color?: string;
}

/** One figure: a group named by its label, so the label and the value are read out together. */
const KpiCard = ({
  label,
  value,
  detail,
  color,
}: {
  label: string;
  value: string;
  detail?: string;
  color?: string;
}) => (
  <Card variant="outlined" role="group" aria-label={label} sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 600, color }} data-kpi-value>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </CardContent>
  </Card>
);

/** The headline figures of the article's kind: 受理, 调解成功, 调解率 (formatPercent), and what is still open. */
export const KpiCards = ({ stats }: { stats: MediationStats }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const count = (n: number) => n.toLocaleString(locale);
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.mediation.kpi.${key}`, options);
  const honouredRate = stats.followedUp > 0 ? stats.honoured / stats.followedUp : null;
  const { petitionBacklog: petitions, legalClinics: clinics } = stats;
  const kpis: Kpi[] = [
    { key: 'accepted', value: count(stats.accepted) },
    { key: 'mediated', value: count(stats.mediated) },
    {
      key: 'mediation_rate',
      value: formatPercent(stats.mediationRate),
      detail: t('failed_withdrawn', { failed: count(stats.failed), withdrawn: count(stats.withdrawn) }),
    },
    { key: 'open', value: count(stats.open) },
    { key: 'overdue', value: count(stats.overdue), color: stats.overdue > 0 ? 'error.main' : undefined },
    {
      key: 'median_days',
      value:
        stats.medianDaysToConclude === null
          ? '—'
          : t('days', {
              days: stats.medianDaysToConclude.toLocaleString(locale, { maximumFractionDigits: 1 }),
            }),
    },
    {
      key: 'honoured',
      value: `${count(stats.honoured)} / ${count(stats.followedUp)}`,
      detail: formatPercent(honouredRate),
    },
    {
      key: 'petition_rate',
      value: formatPercent(petitions.resolutionRate),
      detail: t('petition_detail', {
        resolved: count(petitions.resolved),
        backlog: count(petitions.backlog),
      }),
    },
    {
      key: 'legal_clinics',
      value: count(clinics.clinics),
      detail: t('clinic_detail', {
        people: count(clinics.peopleServed),
        disputes: count(clinics.disputesMediated),
        petitions: count(clinics.petitionsHandled),
      }),
    },
  ];
  return (
    <Grid container spacing={2}>
      {kpis.map((kpi) => (
        <Grid key={kpi.key} size={{ xs: 6, sm: 4, md: 4, lg: 'grow' }} sx={{ minWidth: { lg: '10rem' } }}>
          <KpiCard label={t(kpi.key)} value={kpi.value} detail={kpi.detail} color={kpi.color} />
        </Grid>
      ))}
    </Grid>
  );
};

import { formatPercent } from '@qiangji/domain';
import type { Kpi } from '../stats/KpiCards';
import type { MediationStats } from './mediation-stats';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The headline figures of the article's kind: 受理, 调解成功, 调解率 (formatPercent), and what is still open. */
export function mediationKpis(stats: MediationStats, translate: Translate, locale: string): Kpi[] {
  const count = (n: number) => n.toLocaleString(locale);
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.mediation.kpi.${key}`, options);
  const honouredRate = stats.followedUp > 0 ? stats.honoured / stats.followedUp : null;
  const { petitionBacklog: petitions, legalClinics: clinics } = stats;
  const kpis: Omit<Kpi, 'label'>[] = [
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
  return kpis.map((kpi) => ({ ...kpi, label: t(kpi.key) }));
}

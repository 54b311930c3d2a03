import { AdminContext, memoryStore } from 'react-admin';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { i18nProvider } from '../i18n/i18n-provider';
import { MediationFigures } from './MediationFigures';
import type { MediationFigures as Figures, MediationStats } from './mediation-stats';

const figures = (accepted: number, mediated: number): Figures => ({
  accepted,
  mediated,
  failed: 0,
  withdrawn: 0,
  open: accepted - mediated,
  overdue: 0,
  mediationRate: accepted ? mediated / accepted : null,
  medianDaysToConclude: accepted ? 3 : null,
  followedUp: 0,
  honoured: 0,
});

const stats = (accepted: number, mediated: number): MediationStats => ({
  ...figures(accepted, mediated),
  regionCode: '230129',
  from: '2012-01-01',
  to: '2012-12-31',
  region: { code: '230129', name: '延寿县', qualifiedName: '延寿县', level: 'COUNTY' },
  byType: accepted ? [{ type: 'LAND', ...figures(accepted, mediated) }] : [],
  byMonth: accepted ? [{ month: '2012-03', ...figures(accepted, mediated) }] : [],
  byChildRegion: [
    {
      regionCode: '230129100',
      region: { code: '230129100', name: '延寿镇', qualifiedName: '延寿镇', level: 'TOWNSHIP' },
      ...figures(accepted, mediated),
    },
  ],
  petitionBacklog: { backlog: 0, resolved: 0, resolutionRate: null },
  legalClinics: { clinics: 0, peopleServed: 0, disputesMediated: 0, petitionsHandled: 0 },
});

const render = (value: MediationStats) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} store={memoryStore({ locale: 'zh-CN' })}>
        <MediationFigures stats={value} drillDown={(code) => `/mediation?region=${code}`} />
      </AdminContext>
    </MemoryRouter>,
  );

describe('the mediation overview’s figures', () => {
  beforeAll(() => i18nProvider.changeLocale('zh-CN'));

  it('when the period has no accepted case, then a sentence says so and no chart or table is drawn', () => {
    const html = render(stats(0, 0));
    expect(html).toContain('所选期间没有受理案件');
    expect(html).not.toContain('aria-label="逐月受理与调解成功"');
    expect(html).not.toContain('aria-label="下级区域"');
    // The headline figures still say 0.
    expect(html).toContain('aria-label="受理"');
  });

  it('when the period has cases, then the trend and the child regions, which drill down, are shown', () => {
    const html = render(stats(12, 10));
    expect(html).not.toContain('所选期间没有受理案件');
    expect(html).toContain('aria-label="逐月受理与调解成功"');
    expect(html).toContain('aria-label="下级区域"');
    expect(html).toContain('href="/mediation?region=230129100"');
    expect(html).toContain('83.3%');
  });
});

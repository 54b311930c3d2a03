import { AdminContext, memoryStore, RecordContextProvider } from 'react-admin';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { i18nProvider } from '../i18n/i18n-provider';
import { AuditChanges } from './AuditChanges';

const render = (record: Record<string, unknown>) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} store={memoryStore({ locale: 'zh-CN' })}>
        <RecordContextProvider value={{ id: '1', roles: ['MEDIATOR'], ...record }}>
          <AuditChanges />
        </RecordContextProvider>
      </AdminContext>
    </MemoryRouter>,
  );

/** The table's rows as [field, before, after], read from the markup. */
const rows = (html: string) =>
  [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .slice(1)
    .map(([, row]) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(([, cell]) => cell));

describe('an audit event’s changes', () => {
  beforeAll(() => i18nProvider.changeLocale('zh-CN'));

  it('when a case moved on, then its fields and values are a table in words, not JSON', () => {
    const html = render({
      entityType: 'DisputeCase',
      changes: {
        state: { old: 'MEDIATOR_ASSIGNED', new: 'IN_MEDIATION' },
        risk: { new: 'HIGH' },
        threats: { old: false, new: true },
      },
    });
    expect(html).not.toContain('{&quot;');
    expect(rows(html)).toEqual([
      ['办理状态', '已指派调解员', '调解中'],
      ['风险等级', '—', '高'],
      ['有过激言行', '否', '是'],
    ]);
  });

  it('when a household’s address and tags changed, then the household’s field labels name them', () => {
    const html = render({
      entityType: 'Household',
      changes: {
        address: { old: '通江路1号', new: '通江路2号' },
        tags: { new: ['ELDERLY', 'FLOATING_POPULATION'] },
      },
    });
    expect(rows(html)).toEqual([
      ['地址', '通江路1号', '通江路2号'],
      ['标签', '—', '老年人、流动人口'],
    ]);
  });

  it('when a read was recorded, then its plain values (the ids returned, the field that read them) are rows too', () => {
    const html = render({ entityType: 'Visit', changes: { returned: ['v1', 'v2'], via: 'visit' } });
    expect(rows(html)).toEqual([
      ['returned', '—', 'v1、v2'],
      ['via', '—', 'visit'],
    ]);
  });

  it('when nothing changed, then it says so', () => {
    expect(render({ entityType: 'User', changes: null })).toContain('无');
  });
});

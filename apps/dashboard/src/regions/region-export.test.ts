import { createDataProvider, MAX_PAGE_SIZE } from '../data-provider';
import { GRAPHQL_RESOURCES } from '../features';
import { createGraphqlRequest } from '../graphql-client';
import { i18nProvider } from '../i18n/i18n-provider';
import { fakeFetch, ok } from '../test-support/fake-fetch';
import { regionCsv } from './region-export';
import type { RegionRecord } from './region-record';

const region = (code: string, name: string, level: RegionRecord['level'], parent?: string): RegionRecord => ({
  id: code,
  code,
  name,
  qualifiedName: level === 'GRID' && parent ? `${parent} · ${name}` : name,
  level,
  parentCode: parent ? code.slice(0, -3) : null,
  parent: parent ? { code: code.slice(0, -3), name: parent, qualifiedName: parent } : null,
});

describe('the region list’s export', () => {
  it('when exported in Chinese, then the bytes are UTF-8 with a BOM, Chinese headers and level names, CRLF', async () => {
    await i18nProvider.changeLocale('zh-CN');
    const csv = await regionCsv(
      [
        region('230100', '哈尔滨市', 'CITY'),
        region('230102010003', '上红社区', 'COMMUNITY', '通江街道'),
        region('230102010003001', '第1网格', 'GRID', '上红社区'),
        region('230125100201', '东升村, "示例"', 'VILLAGE', '宁远镇'),
      ],
      'zh',
      (field) => i18nProvider.translate(`app.regions.export_columns.${field}`),
    );
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.split('\r\n')).toEqual([
      '区划代码,名称,可区分的名称,层级,上级区划代码,上级区域',
      '230100,哈尔滨市,哈尔滨市,市,,',
      '230102010003,上红社区,上红社区,社区,230102010,通江街道',
      '230102010003001,第1网格,上红社区 · 第1网格,网格,230102010003,上红社区',
      // A comma or a quote in a name is quoted as CSV wants.
      '230125100201,"东升村, ""示例""","东升村, ""示例""",村,230125100,宁远镇',
      '',
    ]);
  });

  it('when the list holds more rows than a page, then every row is read, 200 at a time by cursor', async () => {
    const all = Array.from({ length: 450 }, (_, i) =>
      region(`230102010${String(i).padStart(3, '0')}`, `社区${i}`, 'COMMUNITY', '通江街道'),
    );
    const { fetchFn, sent } = fakeFetch((request) => {
      const start = request.variables.after ? Number(request.variables.after) : 0;
      const end = Math.min(start + Number(request.variables.first), all.length);
      return ok({
        page: {
          totalCount: all.length,
          pageInfo: { hasNextPage: end < all.length, endCursor: String(end) },
          edges: all.slice(start, end).map((node) => ({ node })),
        },
      });
    });
    const dataProvider = createDataProvider(GRAPHQL_RESOURCES, createGraphqlRequest('/graphql', fetchFn));
    const progress: number[] = [];
    const rows = await dataProvider.readAll(
      'regions',
      { filter: { withinCode: '230102' }, sort: { field: 'code', order: 'ASC' } },
      (read) => progress.push(read),
    );
    expect(rows.map((r) => r.code)).toEqual(all.map((r) => r.code));
    expect(sent.map((r) => [r.operation, r.variables.first, r.variables.after])).toEqual([
      ['RegionAll', MAX_PAGE_SIZE, null],
      ['RegionAll', MAX_PAGE_SIZE, '200'],
      ['RegionAll', MAX_PAGE_SIZE, '400'],
    ]);
    expect(sent[0].variables).toMatchObject({
      filter: { withinCode: '230102' },
      orderBy: { field: 'CODE', direction: 'ASC' },
    });
    expect(progress).toEqual([200, 400, 450]);
  });
});

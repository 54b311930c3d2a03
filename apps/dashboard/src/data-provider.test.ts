import { HttpError } from 'react-admin';
import { createDataProvider, MAX_PAGE_SIZE } from './data-provider';
import type { GraphqlRequest } from './graphql-client';
import { regionResource } from './regions/region-resource';

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

/** A fake API: records each operation and answers from `respond`. */
function fakeApi(respond: (call: Call) => unknown) {
  const calls: Call[] = [];
  const request: GraphqlRequest = async <T>(query: string, variables?: Record<string, unknown>) => {
    const call = { query, variables };
    calls.push(call);
    return respond(call) as T;
  };
  return { calls, dataProvider: createDataProvider({ regions: regionResource }, request) };
}

const region = (code: string) => ({
  id: code,
  code,
  name: `区划${code}`,
  level: 'STREET',
  parentCode: '230102',
});

/** A connection of `first` regions (fewer at the end of `total`), as the API pages it. */
function page({ variables }: Call, total: number) {
  const offset = Number(variables?.offset ?? 0);
  const count = Math.max(0, Math.min(Number(variables?.first), total - offset));
  const edges = Array.from({ length: count }, (_, i) => ({ node: region(String(230102001 + offset + i)) }));
  return { page: { totalCount: total, edges } };
}

describe('data provider', () => {
  it('when a list page is asked for, then it sends first/offset, the order and the mapped filter', async () => {
    const { calls, dataProvider } = fakeApi((call) => page(call, 60));
    const result = await dataProvider.getList('regions', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'name', order: 'DESC' },
      filter: { level: 'STREET', withinCode: ' 230102 ', nameContains: '' },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].query).toContain('regions(filter: $filter');
    expect(calls[0].variables).toEqual({
      filter: { level: ['STREET'], withinCode: '230102' },
      orderBy: { field: 'NAME', direction: 'DESC' },
      first: 25,
      offset: 50,
    });
    expect(result.total).toBe(60);
    expect(result.data.map((r) => r.id)).toEqual([
      '230102051',
      '230102052',
      '230102053',
      '230102054',
      '230102055',
      '230102056',
      '230102057',
      '230102058',
      '230102059',
      '230102060',
    ]);
  });

  it('when a column the API cannot order by is sorted, then the server default order is kept', async () => {
    const { calls, dataProvider } = fakeApi((call) => page(call, 1));
    await dataProvider.getList('regions', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'level', order: 'ASC' },
      filter: {},
    });
    expect(calls[0].variables?.orderBy).toBeNull();
  });

  it('when more rows than the API page cap are asked for, then they are read in several requests', async () => {
    const { calls, dataProvider } = fakeApi((call) => page(call, 450));
    const result = await dataProvider.getList('regions', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(calls.map((c) => [c.variables?.offset, c.variables?.first])).toEqual([
      [0, MAX_PAGE_SIZE],
      [200, MAX_PAGE_SIZE],
      [400, MAX_PAGE_SIZE],
    ]);
    expect(result.data).toHaveLength(450);
  });

  it('when an unmapped filter is used, then it fails instead of widening the list', async () => {
    const { dataProvider } = fakeApi((call) => page(call, 1));
    await expect(
      dataProvider.getList('regions', { pagination: { page: 1, perPage: 25 }, filter: { q: '通江' } }),
    ).rejects.toThrow('Unsupported regions filter: q.');
  });

  it('when one region is asked for, then it queries region(code) with the detail fields', async () => {
    const { calls, dataProvider } = fakeApi(() => ({ record: { ...region('230102'), ancestors: [] } }));
    const { data } = await dataProvider.getOne('regions', { id: 230102 });
    expect(calls[0].query).toContain('record: region(code: $id)');
    expect(calls[0].query).toContain('ancestors { id code name level }');
    expect(calls[0].variables).toEqual({ id: '230102' });
    expect(data.id).toBe('230102');
  });

  it('when the region does not exist, then getOne fails with NOT_FOUND', async () => {
    const { dataProvider } = fakeApi(() => ({ record: null }));
    await expect(dataProvider.getOne('regions', { id: '239999' })).rejects.toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });

  it('when several regions are asked for by id, then one regions(filter: {codes}) request fetches them', async () => {
    const { calls, dataProvider } = fakeApi(() => ({
      page: { totalCount: 2, edges: [region('230102'), region('230103')].map((node) => ({ node })) },
    }));
    const { data } = await dataProvider.getMany('regions', { ids: ['230102', '230103', '230102'] });
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toEqual({
      filter: { codes: ['230102', '230103'] },
      orderBy: null,
      first: 2,
      offset: 0,
    });
    expect(data.map((r) => r.id)).toEqual(['230102', '230103']);
  });

  it('when the children of a region are asked for, then the target becomes the parentCode filter', async () => {
    const { calls, dataProvider } = fakeApi((call) => page(call, 3));
    const result = await dataProvider.getManyReference('regions', {
      target: 'parentCode',
      id: '230102',
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(calls[0].variables).toEqual({
      filter: { parentCode: '230102' },
      orderBy: { field: 'CODE', direction: 'ASC' },
      first: 25,
      offset: 0,
    });
    expect(result.total).toBe(3);
  });

  it('when anything is written, then it fails as read-only without calling the API', async () => {
    const { calls, dataProvider } = fakeApi(() => ({}));
    const error = await dataProvider
      .update('regions', { id: '230102', data: { name: 'x' }, previousData: region('230102') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 405, body: { code: 'READ_ONLY' } });
    expect((error as Error).message).toMatch(/read-only/);
    expect(calls).toHaveLength(0);
  });

  it('when the resource has no mapping, then the error names it', async () => {
    const { dataProvider } = fakeApi(() => ({}));
    await expect(dataProvider.getOne('residents', { id: '1' })).rejects.toThrow('"residents"');
  });
});

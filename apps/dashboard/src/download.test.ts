import { createDataProvider } from './data-provider';
import { createDownload, fileNameOf, type DownloadProgress } from './download';
import { FEATURES, GRAPHQL_RESOURCES } from './features';
import { createGraphqlRequest } from './graphql-client';

const CSV = '\uFEFF编号,标题\r\n2012-000001,邻里纠纷\r\n2012-000002,土地纠纷\r\n';

function fileFetch(reply: () => Response) {
  const sent: { url: string; headers: Record<string, string>; body: Record<string, unknown> }[] = [];
  const fetchFn: typeof fetch = async (url, init) => {
    sent.push({
      url: String(url),
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: JSON.parse(String(init?.body)),
    });
    return reply();
  };
  return { fetchFn, sent };
}

const credentials = (token: string | null = 'token-1') => ({
  accessToken: async () => token,
  renew: async () => 'token-2',
});

describe('downloads from the API', () => {
  it('when a list is exported, then its filter and order go as the list sends them, the token in a header, never the URL', async () => {
    const { fetchFn, sent } = fileFetch(
      () =>
        new Response(CSV, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="_____-2026-12-01.csv"; filename*=UTF-8''${encodeURIComponent('纠纷案件-2026-12-01.csv')}`,
            'X-Total-Count': '2',
          },
        }),
    );
    const dataProvider = createDataProvider(
      GRAPHQL_RESOURCES,
      createGraphqlRequest('/graphql', fetchFn),
      createDownload(fetchFn, credentials(), (_code, message) => message),
    );
    const progress: DownloadProgress[] = [];
    const file = await dataProvider.exportList(
      'disputeCases',
      {
        filter: { regionCode: '230102', state: 'ACCEPTED', overdue: false },
        sort: { field: 'receivedAt', order: 'DESC' },
        format: 'csv',
        language: 'zh',
      },
      (p) => progress.push(p),
    );
    expect(sent).toEqual([
      {
        url: '/exports/disputeCases',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token-1' },
        body: {
          format: 'csv',
          language: 'zh',
          filter: { regionCode: '230102', state: ['ACCEPTED'] },
          orderBy: { field: 'RECEIVED_AT', direction: 'DESC' },
        },
      },
    ]);
    expect(file.fileName).toBe('纠纷案件-2026-12-01.csv');
    // The bytes as sent, byte-order mark included (Blob.text() would drop it).
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new TextEncoder().encode(CSV));
    expect(progress.at(-1)).toEqual({ rows: 2, total: 2, bytes: new TextEncoder().encode(CSV).length });
  });

  it('when the API refuses, then the error carries its code; a stale token is renewed once', async () => {
    let calls = 0;
    const { fetchFn, sent } = fileFetch(() =>
      ++calls === 1
        ? new Response('{}', { status: 401 })
        : new Response(JSON.stringify({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }), {
            status: 403,
            headers: { 'Content-Type': 'application/json' },
          }),
    );
    const download = createDownload(fetchFn, credentials(), (code) => `refused: ${code}`);
    await expect(download('/downloads/monthlyReport', { format: 'pdf' })).rejects.toMatchObject({
      message: 'refused: FORBIDDEN',
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(sent.map((s) => s.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('when the convenience map is exported, then its arguments go as the list field takes them', async () => {
    const { fetchFn, sent } = fileFetch(() => new Response(CSV, { headers: { 'Content-Type': 'text/csv' } }));
    const dataProvider = createDataProvider(
      GRAPHQL_RESOURCES,
      createGraphqlRequest('/graphql', fetchFn),
      createDownload(fetchFn, credentials(), (_code, message) => message),
    );
    const args = { communityCode: '230102010003', radiusMeters: 1000 };
    await dataProvider.exportField('nearby', { arguments: args, format: 'xlsx', language: 'zh' });
    expect(sent.map((s) => [s.url, s.body])).toEqual([
      ['/exports/nearby', { format: 'xlsx', language: 'zh', arguments: args }],
    ]);
  });

  it('when a resource has no export, then the data provider refuses to fetch one', async () => {
    const unexported = { ...GRAPHQL_RESOURCES, users: { ...GRAPHQL_RESOURCES.users, exportable: false } };
    const dataProvider = createDataProvider(unexported, createGraphqlRequest('/graphql', fetch));
    await expect(dataProvider.exportList('users', { format: 'csv', language: 'zh' })).rejects.toMatchObject({
      status: 405,
    });
  });

  it('when every list of the dashboard is shown, then each has the server export (导出)', () => {
    const lists = FEATURES.filter((f) => f.list).map((f) => [f.name, f.graphql.exportable]);
    expect(lists.length).toBeGreaterThanOrEqual(20);
    expect(lists).toEqual(lists.map(([name]) => [name, true]));
  });

  it('when an export is cancelled mid-file, then the download stops with the abort and nothing is saved', async () => {
    const cancel = new AbortController();
    let pulls = 0;
    const fetchFn: typeof fetch = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (++pulls === 2) cancel.abort();
          if (init?.signal?.aborted) controller.error(init.signal.reason);
          else controller.enqueue(new TextEncoder().encode('2012-000001,邻里纠纷\r\n'));
        },
      });
      return new Response(body, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'X-Total-Count': '9' },
      });
    };
    const download = createDownload(fetchFn, credentials(), (_code, message) => message);
    const progress: DownloadProgress[] = [];
    await expect(
      download('/exports/disputeCases', { format: 'csv' }, (p) => progress.push(p), cancel.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ rows: 0, total: 9 });
  });

  it('when the file name is read, then the UTF-8 form wins over the ASCII one', () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''%E6%9C%88%E6%8A%A5.pdf`)).toBe(
      '月报.pdf',
    );
    expect(fileNameOf('attachment; filename="a.csv"')).toBe('a.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});

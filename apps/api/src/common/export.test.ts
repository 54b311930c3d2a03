import { Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { regionTree } from '../test/factories';
import { organization } from '../test/mediation';
import { findPersonalData } from '../test/personal-data-guard';
import { household, resident, type TestResident } from '../test/people';
import { startTestApp, type SignedIn, type TestApp } from '../test/test-app';
import { ClientGone, neutralize, sheetWriter } from './export';

// A full garbage collection on demand, to measure what the server retains while it streams.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('the sheet writer', () => {
  const mark = { title: '测试', by: '测试', at: '2012-06-01 09:00', purpose: null };

  it('when the client is slower than the rows, then flush waits until it has read them', async () => {
    // A client that takes nothing until told to: its buffer is small, so the writer must wait for it.
    const held: (() => void)[] = [];
    const out = new Writable({ highWaterMark: 1024, write: (_chunk, _enc, done) => void held.push(done) });
    const writer = sheetWriter('csv', out, mark);
    for (let i = 0; i < 500; i++) writer.row([`第${i}行`, i, '=1+1']);
    let flushed = false;
    const flush = writer.flush().then(() => (flushed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(flushed).toBe(false);
    out._write = (_chunk, _enc, done) => void setImmediate(done);
    for (const done of held.splice(0)) done();
    await flush;
    expect(flushed).toBe(true);
  });

  it.each(['csv', 'xlsx'] as const)(
    'when the client has gone, then flush (%s) fails: no more rows are read',
    async (format) => {
      const out = new Writable({ write: (_chunk, _enc, done) => void setImmediate(done) });
      const writer = sheetWriter(format, out, mark);
      writer.row(['编号']);
      out.destroy();
      await expect(writer.flush()).rejects.toBeInstanceOf(ClientGone);
    },
  );
});

describe('exports of lists (CSV and XLSX, streamed)', () => {
  let app: TestApp;
  let district: string;
  let community: string;
  let otherCommunity: string;
  let committee: string;
  let supervisor: SignedIn;
  let officer: SignedIn;
  let gridWorker: SignedIn;
  let elsewhere: string;
  let people: TestResident[];
  let cases = 0;

  const post = (client: SignedIn | null, list: string, body: unknown, type = 'application/json') =>
    fetch(`${app.baseUrl}/exports/${list}`, {
      method: 'POST',
      headers: {
        'content-type': type,
        ...(client && { authorization: `Bearer ${client.accessToken}` }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** A CSV export's text: its UTF-8 byte-order mark checked (fetch's text() would drop it silently), then dropped. */
  const csvText = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder().decode(bytes);
  };
  /** Its rows, split naively: the test data holds no commas or quotes there. */
  const csvRows = async (res: Response) => (await csvText(res)).trimEnd().split('\r\n');

  async function insertCases(n: number, opts: { title?: string; state?: string; region?: string } = {}) {
    await app.db.query(
      `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
         origin_organization_id, people_involved, households_involved, risk, state, received_at, created_by)
       SELECT $1 || lpad(i::text, 7, '0'), 'WALK_IN', 'NEIGHBOURHOOD', $2, '测试用的纠纷。', $3, $4, $4, 2, 2, 'LOW',
         $5, timestamptz '2012-05-01 08:00+08' + i * interval '1 minute', 'test'
       FROM generate_series(1, $6::int) AS i`,
      [
        `X${++cases}-`,
        opts.title ?? '邻里纠纷',
        opts.region ?? community,
        committee,
        opts.state ?? 'RECEIVED',
        n,
      ],
    );
  }

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 1, communities: 2, grids: 0 });
    district = tree.districtCode;
    [community, otherCommunity] = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
    committee = await organization(app.db, community);
    elsewhere = (await regionTree(app.db, { streets: 1, communities: 1, grids: 0, name: '别区' }))
      .districtCode;
    [supervisor, officer, gridWorker] = await Promise.all([
      app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' }),
      app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district }),
      app.signIn({ roles: ['GRID_WORKER'], jurisdiction: district }),
    ]);
    await insertCases(3, { state: 'ACCEPTED' });
    await insertCases(2, { state: 'RECEIVED' });
    const home = await household(app, community);
    people = [];
    for (let i = 0; i < 3; i++) people.push(await resident(app, home.id, { tags: ['ELDERLY'] }));
  });
  afterAll(() => app.close());

  it('when a supervisor exports the case list with a filter, then a CSV with BOM, Chinese headers and labels, filtered', async () => {
    const res = await post(supervisor, 'disputeCases', {
      format: 'csv',
      filter: { regionCode: district, state: ['ACCEPTED'] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toMatch(
      /纠纷案件-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const [header, ...rows] = await csvRows(res);
    expect(header.split(',').slice(0, 5)).toEqual(['编号', '标题', '纠纷类型', '来源渠道', '状态']);
    expect(rows).toHaveLength(3);
    expect(rows[0].split(',').slice(2, 5)).toEqual(['邻里纠纷', '来访', '已受理']);
  });

  it('when a case list is exported, then one audit row says who, which list, the filter and how many rows', async () => {
    const [row] = await app.db.query(
      `SELECT actor_id, action, entity_type, changes FROM audit_event WHERE action = 'disputeCase.export' ORDER BY id LIMIT 1`,
    );
    expect(row).toMatchObject({
      actor_id: supervisor.userId,
      entity_type: 'DisputeCase',
      changes: { format: 'csv', rows: 3, filter: { regionCode: district, state: ['ACCEPTED'] } },
    });
  });

  it('when a cell begins with = + - @ or a tab, then CSV and XLSX neutralise it with an apostrophe', async () => {
    const titles = ['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\tcmd'];
    for (const title of titles) await insertCases(1, { title, region: otherCommunity });
    expect(titles.map(neutralize)).toEqual(titles.map((t) => `'${t}`));
    expect(neutralize(-2)).toBe(-2);
    const filter = { regionCode: otherCommunity };
    const csv = await (await post(supervisor, 'disputeCases', { format: 'csv', filter })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`,'+1+1,`);
    expect(csv).not.toMatch(/,[=+\-@\t]/);

    const res = await post(supervisor, 'disputeCases', { format: 'xlsx', filter });
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    const shown = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(2).value);
    expect(shown.sort()).toEqual(titles.map((t) => `'${t}`).sort());
    expect(sheet.getRow(2).getCell(1).formula).toBeUndefined();
  });

  it('when residents are exported, then masked; with a purpose by an officer, in clear and audited with the purpose', async () => {
    const masked = await csvText(
      await post(officer, 'residents', { format: 'csv', filter: { regionCode: district } }),
    );
    expect(findPersonalData(masked)).toEqual([]);
    expect(masked).toContain(people[0].maskedIdNumber);
    expect(masked.split('\r\n')[0]).toBe(
      '姓名,性别,出生,年龄,身份证号,联系电话,标签,所在区划,区划代码,登记时间',
    );

    const purpose = '核对低保名单';
    const clear = await (
      await post(officer, 'residents', { format: 'csv', purpose, filter: { tags: ['ELDERLY'] } })
    ).text();
    for (const p of people) expect(clear).toContain(p.idNumber);
    expect(clear).toContain(people[0].phone!);
    const [audit] = await app.db.query(
      `SELECT purpose, changes FROM audit_event WHERE action = 'resident.export' AND purpose IS NOT NULL`,
    );
    expect(audit).toMatchObject({
      purpose,
      changes: { rows: 3, revealed: ['idNumber', 'phone', 'birthDate'] },
    });
    expect(JSON.stringify(audit)).not.toContain(people[0].idNumber);
  });

  it('when an export would reveal without the right or the purpose, then it is refused before any row', async () => {
    const denied = await post(gridWorker, 'residents', { format: 'csv', purpose: '核对低保名单' });
    expect(denied.status).toBe(403);
    const short = await post(officer, 'residents', { format: 'csv', purpose: 'ab' });
    expect(await short.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'purpose' } }],
    });
    const lookup = await post(officer, 'residents', {
      format: 'csv',
      filter: { idNumber: people[0].idNumber, purpose: '核对身份' },
    });
    expect(lookup.status).toBe(400);
    const cases = await post(officer, 'disputeCases', { format: 'csv', purpose: '核对低保名单' });
    expect(cases.status).toBe(400);
  });

  it('when the request is not what an export takes, then the status and code say why', async () => {
    expect((await post(null, 'disputeCases', { format: 'csv' })).status).toBe(401);
    expect(
      (await post(supervisor, 'disputeCases', 'format=csv', 'application/x-www-form-urlencoded')).status,
    ).toBe(415);
    expect((await post(supervisor, 'nothing', { format: 'csv' })).status).toBe(404);
    const unknownField = await post(supervisor, 'disputeCases', { format: 'csv', filter: { role: 'x' } });
    expect(await unknownField.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'filter' } }],
    });
    const badEnum = await post(supervisor, 'disputeCases', { format: 'csv', filter: { state: ['NOPE'] } });
    expect(await badEnum.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'filter.state.0' } }],
    });
    expect((await post(supervisor, 'disputeCases', { format: 'pdf' })).status).toBe(400);
    const outside = await post(officer, 'disputeCases', { format: 'csv', filter: { regionCode: elsewhere } });
    expect(outside.status).toBe(403);
    const token = await post(supervisor, 'disputeCases', {
      format: 'csv',
      accessToken: supervisor.accessToken,
    });
    expect(token.status).toBe(400);
  });

  describe('a large export', () => {
    const ROWS = 100_000;
    let bigOfficer: SignedIn;
    beforeAll(async () => {
      const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 0, name: '大区' });
      const big = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      committee = await organization(app.db, big);
      await insertCases(ROWS, { region: big });
      district = tree.districtCode;
      bigOfficer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
    }, 120_000);

    /** The API's connections in a transaction, as the server's superuser sees them (the owner may not). */
    const openTransactions = async () => {
      const [{ name }] = await app.db.query('SELECT current_database() AS name');
      const client = new Client({ connectionString: process.env.QIANGJI_TEST_SERVER_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT count(*)::int AS open FROM pg_stat_activity
           WHERE datname = $1 AND usename = 'qiangji_api' AND xact_start IS NOT NULL`,
          [name],
        );
        return rows[0].open as number;
      } finally {
        await client.end();
      }
    };
    /**
     * None left open, waiting up to 10 s: the server's own short transactions (the rate limiter's merge) may be
     * running at the moment of a look, and on a loaded machine the abort takes a while to reach the server; a
     * transaction left open never ends.
     */
    const noneLeftOpen = async () => {
      for (const until = Date.now() + 10_000; Date.now() < until;)
        if ((await openTransactions()) === 0) return 0;
      return openTransactions();
    };

    it('when 100,000 cases are exported, then the first bytes come long before the end and memory stays bounded', async () => {
      const started = Date.now();
      // What the process holds (garbage collected first), not what it has allocated: a full collection per sample.
      const retained = () => (gc(), process.memoryUsage().heapUsed);
      const baseline = retained();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, retained())), 2000);
      const res = await post(supervisor, 'disputeCases', { format: 'csv', filter: { regionCode: district } });
      expect(res.headers.get('x-total-count')).toBe(String(ROWS));
      expect(res.headers.get('content-length')).toBeNull();
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let firstByteMs = 0;
      let lines = 0;
      let bytes = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          firstByteMs ||= Date.now() - started;
          bytes += value.length;
          lines += decoder.decode(value, { stream: true }).split('\r\n').length - 1;
        }
      } finally {
        clearInterval(sampler);
        await reader.cancel().catch(() => undefined);
      }
      const totalMs = Date.now() - started;
      expect(lines).toBe(ROWS + 1);
      // Rows are written as they are read: the first arrive in a small part of the whole export's time.
      expect(firstByteMs).toBeLessThan(totalMs / 4);
      // Far less than 100,000 rows held at once would take (their objects alone are over 100 MB).
      const grewBy = peak - baseline;
      console.log(
        `export of ${ROWS} cases: ${(bytes / 1e6).toFixed(1)} MB in ${totalMs} ms, first bytes after ${firstByteMs} ms, heap grew by at most ${(grewBy / 1e6).toFixed(1)} MB`,
      );
      expect(grewBy).toBeLessThan(40e6);
      expect(await openTransactions()).toBe(0);
    }, 120_000);

    it('when the client goes away mid-export, then the server stops and leaves no transaction open', async () => {
      const controller = new AbortController();
      const res = await fetch(`${app.baseUrl}/exports/disputeCases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor.accessToken}` },
        body: JSON.stringify({ format: 'xlsx', filter: { regionCode: district } }),
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      expect(await noneLeftOpen()).toBe(0);
    });

    it('when an unmasked export would hold more than 1,000 residents, then it is refused before any row', async () => {
      const [home] = await app.db.query(
        `INSERT INTO household (region_code, address) SELECT region_code, '测试路1号' FROM dispute_case
         WHERE region_path <@ (SELECT path FROM region WHERE code = $1) LIMIT 1 RETURNING id, region_code`,
        [district],
      );
      await app.db.query(
        `INSERT INTO resident (household_id, region_code, name, gender, birth_date, id_number_encrypted,
           id_number_hmac, id_number_masked)
         SELECT $1, $2, '居民' || i, 'MALE', date '1960-01-01', 'v1:x', md5('bulk' || i), '230102********0000'
         FROM generate_series(1, 1001) AS i`,
        [home.id, home.region_code],
      );
      const res = await post(bigOfficer, 'residents', {
        format: 'csv',
        purpose: '核对低保名单',
        filter: { regionCode: district },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { field: 'purpose' } }] });
      const masked = await post(bigOfficer, 'residents', { format: 'csv', filter: { regionCode: district } });
      expect(masked.headers.get('x-total-count')).toBe('1001');
      await masked.body?.cancel();
    });
  });
});

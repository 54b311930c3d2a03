import { addMonths, chinaMonth, formatPercent } from '@qiangji/domain';
import ExcelJS from 'exceljs';
import { seededDemo, type SignedIn, type TestApp } from '../../test/test-app';

const VIEW = `query($code: String, $from: String!, $to: String!) {
  commandView(regionCode: $code, from: $from, to: $to) {
    regionCode from to previousFrom previousTo region { code name }
    tiles { key area label { zh en } unit higherIsBetter value previous change sparkline { month value } }
    children { regionCode name centroid { lat lng } boundary figures { key value } }
    alerts { kind count regionCode subject resource filter }
  }
}`;

const STATS = `query($code: String!, $from: Date!, $to: Date!) {
  mediationStats(regionCode: $code, from: $from, to: $to) {
    accepted mediated open overdue mediationRate
    byMonth { month mediationRate }
    byChildRegion { regionCode accepted open overdue mediationRate }
    petitionBacklog { backlog resolved resolutionRate }
  }
}`;

const COUNT = `query($filter: DisputeCaseFilter) { disputeCases(filter: $filter, first: 1) { totalCount } }`;

interface Tile {
  key: string;
  label: { zh: string; en: string };
  unit: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  sparkline: { month: string; value: number | null }[];
}
interface View {
  regionCode: string;
  previousFrom: string;
  previousTo: string;
  tiles: Tile[];
  children: {
    regionCode: string;
    name: string;
    centroid: { lat: number; lng: number } | null;
    figures: { key: string; value: number | null }[];
  }[];
  alerts: {
    kind: string;
    count: number;
    regionCode: string;
    subject: string | null;
    resource: string;
    filter: Record<string, unknown>;
  }[];
}
interface Figures {
  accepted: number;
  open: number;
  overdue: number;
  mediationRate: number | null;
}
interface Stats extends Figures {
  byMonth: { month: string; mediationRate: number | null }[];
  byChildRegion: (Figures & { regionCode: string })[];
  petitionBacklog: { backlog: number; resolved: number; resolutionRate: number | null };
}

type ErrorBody = { errors: { extensions: Record<string, unknown> }[] };

/** The last day of a month, for mediationStats' days. */
const lastDay = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

describe('the command view over the demo data', () => {
  let app: TestApp;
  let supervisor: SignedIn;

  // The first file to ask seeds the demo: on a busy machine, a minute and more.
  beforeAll(async () => ({ app, supervisor } = await seededDemo()), 180_000);
  afterAll(() => app.close());

  const view = async (who: SignedIn, code: string | null, from: string, to: string) => {
    const res = await who.gql<{ commandView: View }>(VIEW, { code, from, to });
    expect(res.errors).toBeUndefined();
    return res.data!.commandView;
  };
  const stats = async (code: string, from: string, to: string) => {
    const res = await supervisor.gql<{ mediationStats: Stats }>(STATS, {
      code,
      from: `${from}-01`,
      to: lastDay(to),
    });
    expect(res.errors).toBeUndefined();
    return res.data!.mediationStats;
  };
  const tile = (v: View, key: string) => v.tiles.find((t) => t.key === key)!;
  const figure = (child: View['children'][number], key: string) =>
    child.figures.find((f) => f.key === key)!.value;

  it('when the city supervisor opens 2012, then the tiles show the article’s 95.7% and 80%, against 2011 and month by month', async () => {
    const v = await view(supervisor, null, '2012-01', '2012-12');
    expect(v).toMatchObject({ regionCode: '230100', previousFrom: '2011-01', previousTo: '2011-12' });
    // Grand mediation's tiles first; the other areas' follow (area-tiles.test.ts).
    expect(v.tiles.slice(0, 4).map((t) => [t.key, t.unit])).toEqual([
      ['mediationRate', 'PERCENT'],
      ['openDisputes', 'COUNT'],
      ['overdueDisputes', 'COUNT'],
      ['petitionResolutionRate', 'PERCENT'],
    ]);
    const rate = tile(v, 'mediationRate');
    expect(rate.value).toBeCloseTo(9_917 / 10_368, 12);
    expect(formatPercent(rate.value)).toBe('95.7%');
    expect(tile(v, 'petitionResolutionRate').value).toBe(0.8);
    expect([tile(v, 'openDisputes').value, tile(v, 'overdueDisputes').value]).toEqual([0, 0]);

    const [y2012, y2011] = [
      await stats('230100', '2012-01', '2012-12'),
      await stats('230100', '2011-01', '2011-12'),
    ];
    expect(rate.previous).toBeCloseTo(y2011.mediationRate!, 12);
    expect(rate.change).toBeCloseTo((y2012.mediationRate! - y2011.mediationRate!) * 100, 9);
    expect(tile(v, 'petitionResolutionRate').previous).toBe(y2011.petitionBacklog.resolutionRate);
    expect(rate.sparkline.map((p) => p.month)).toEqual(y2012.byMonth.map((m) => m.month));
    rate.sparkline.forEach((p, i) => expect(p.value).toBeCloseTo(y2012.byMonth[i].mediationRate!, 12));
  });

  it('when the last twelve months are shown, then open and overdue cases and every district agree with mediationStats, and the districts add up to the city', async () => {
    const to = chinaMonth();
    const from = addMonths(to, -11);
    const [v, s] = [await view(supervisor, '230100', from, to), await stats('230100', from, to)];
    expect(tile(v, 'openDisputes').value).toBe(s.open);
    expect(tile(v, 'overdueDisputes').value).toBe(s.overdue);
    expect(s.open).toBeGreaterThan(0);
    expect(s.overdue).toBeGreaterThan(0);
    expect(v.children).toHaveLength(18);
    expect(v.children.every((c) => c.centroid !== null)).toBe(true);
    expect(v.children.find((c) => c.regionCode === '230102')).toMatchObject({
      name: '道里区',
      centroid: { lat: 45.66, lng: 126.42 },
    });
    for (const child of v.children) {
      const scanned = s.byChildRegion.find((r) => r.regionCode === child.regionCode)!;
      expect([child.regionCode, figure(child, 'openDisputes'), figure(child, 'overdueDisputes')]).toEqual([
        child.regionCode,
        scanned.open,
        scanned.overdue,
      ]);
      if (scanned.mediationRate === null) expect(figure(child, 'mediationRate')).toBeNull();
      else expect(figure(child, 'mediationRate')).toBeCloseTo(scanned.mediationRate, 12);
    }
    for (const key of ['openDisputes', 'overdueDisputes'])
      expect(v.children.reduce((sum, c) => sum + figure(c, key)!, 0)).toBe(tile(v, key).value);
  });

  it('when drilled down to 道里区, a street and 上红社区, then each level’s tiles agree with a scan and its children add up to it', async () => {
    for (const code of ['230102', '230102010', '230102010003']) {
      const [v, s] = [
        await view(supervisor, code, '2012-01', '2013-06'),
        await stats(code, '2012-01', '2013-06'),
      ];
      expect([code, tile(v, 'openDisputes').value]).toEqual([code, s.open]);
      expect(tile(v, 'mediationRate').value).toBeCloseTo(s.mediationRate!, 12);
      const sum = v.children.reduce(
        (n, c) => n + (s.byChildRegion.find((r) => r.regionCode === c.regionCode)?.accepted ?? 0),
        0,
      );
      expect(sum).toBeLessThanOrEqual(s.accepted);
      for (const child of v.children) {
        const scanned = s.byChildRegion.find((r) => r.regionCode === child.regionCode);
        expect([child.regionCode, figure(child, 'openDisputes')]).toEqual([
          child.regionCode,
          scanned?.open ?? 0,
        ]);
      }
    }
    const quarter = await view(supervisor, '230102', '2012-04', '2012-06');
    const q = await stats('230102', '2012-04', '2012-06');
    expect(tile(quarter, 'petitionResolutionRate').value).toBe(q.petitionBacklog.resolutionRate);
  });

  it('when alerts are shown, then each count is what its list, filtered by its link, counts', async () => {
    const v = await view(supervisor, '230100', addMonths(chinaMonth(), -11), chinaMonth());
    const kinds = v.alerts.map((a) => a.kind);
    expect(kinds.slice(0, 2)).toEqual(['HIGH_RISK_DISPUTES', 'OVERDUE_DISPUTES']);
    expect(v.alerts[0].count).toBeGreaterThan(0);
    expect(v.alerts[1].count).toBeGreaterThan(0);
    // The cases' alerts here; those of applications and grid events are checked in area-tiles.test.ts.
    for (const alert of v.alerts.filter((a) => a.resource === 'disputeCases')) {
      const res = await supervisor.gql<{ disputeCases: { totalCount: number } }>(COUNT, {
        filter: alert.filter,
      });
      expect(res.errors).toBeUndefined();
      // A recurring place's list is its whole subtree: the cases placed on it, and any on its grid units.
      if (alert.kind.startsWith('RECURRING')) {
        expect(alert.count).toBeGreaterThanOrEqual(3);
        expect(res.data!.disputeCases.totalCount).toBeGreaterThanOrEqual(alert.count);
      } else expect([alert.kind, res.data!.disputeCases.totalCount]).toEqual([alert.kind, alert.count]);
    }
  });

  it('when a recurring-dispute alert of 2012 is followed, then its list (the place itself, regionOnly) counts exactly its cases', async () => {
    const v = await view(supervisor, '230100', '2012-01', '2012-12');
    const recurring = v.alerts.filter((a) => a.kind.startsWith('RECURRING'));
    expect(recurring.length).toBeGreaterThan(0);
    for (const alert of recurring) {
      expect(alert.filter).toMatchObject({ regionCode: alert.regionCode, regionOnly: true });
      const res = await supervisor.gql<{ disputeCases: { totalCount: number } }>(COUNT, {
        filter: alert.filter,
      });
      expect([alert.kind, alert.regionCode, res.data!.disputeCases.totalCount]).toEqual([
        alert.kind,
        alert.regionCode,
        alert.count,
      ]);
    }
  });

  it('when a district officer opens it, then it is its own district by default and the city is FORBIDDEN; a mediator may not open it; months are checked', async () => {
    const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: '230102' });
    const own = await view(officer, null, '2012-01', '2012-12');
    expect(own.regionCode).toBe('230102');
    const scanned = await stats('230102', '2012-01', '2012-12');
    expect(tile(own, 'mediationRate').value).toBeCloseTo(scanned.mediationRate!, 12);
    const city = await officer.gql(VIEW, { code: '230100', from: '2012-01', to: '2012-12' });
    expect(city.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const mediator = await app.signIn({ roles: ['MEDIATOR'], jurisdiction: '230102' });
    const refused = await mediator.gql(VIEW, { code: null, from: '2012-01', to: '2012-12' });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    for (const [from, to, field] of [
      ['2012-13', '2012-12', 'from'],
      ['2012-05', '2012-04', 'to'],
    ]) {
      const bad = await supervisor.gql(VIEW, { code: null, from, to });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  describe('the table of child regions as a file', () => {
    const download = (who: SignedIn | null, body: Record<string, unknown>) =>
      fetch(`${app.baseUrl}/downloads/commandViewRanking`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(who && { authorization: `Bearer ${who.accessToken}` }),
        },
        body: JSON.stringify(body),
      });
    const PERIOD = { from: '2012-01', to: '2012-12' };

    it('when the city’s districts are exported by the mediation rate, then the CSV ranks them as the domain does, with every tile’s figure, and is audited', async () => {
      const v = await view(supervisor, null, PERIOD.from, PERIOD.to);
      const res = await download(supervisor, { ...PERIOD, kpi: 'mediationRate', format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = bytes
        .subarray(3)
        .toString('utf8')
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(','));
      expect(header.slice(0, 3)).toEqual(['排名', '区域', '区划代码']);
      expect(header.slice(3)).toEqual(
        v.tiles.map((t) => `${t.label.zh}${t.unit === 'PERCENT' ? '（%）' : ''}`),
      );
      expect(rows).toHaveLength(v.children.length);
      const rates = rows.map((r) => r[3 + v.tiles.findIndex((t) => t.key === 'mediationRate')]);
      const expected = v.children
        .map((c) => figure(c, 'mediationRate'))
        .filter((x): x is number => x !== null)
        .sort((a, b) => b - a)
        .map((x) => String(Math.round(x * 1000) / 10));
      expect(rates.slice(0, expected.length)).toEqual(expected);
      expect(rows[0][0]).toBe('1');
      const daoli = rows.find((r) => r[2] === '230102')!;
      const child = v.children.find((c) => c.regionCode === '230102')!;
      expect(daoli[1]).toBe(child.name);
      const open = v.tiles.findIndex((t) => t.key === 'openDisputes');
      expect(Number(daoli[3 + open])).toBe(figure(child, 'openDisputes'));
      const [audit] = await app.db.query(
        `SELECT action, changes FROM audit_event WHERE action = 'commandView.export' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.changes).toMatchObject({ format: 'csv', rows: v.children.length, regionCode: '230100' });
    });

    it('when a district officer exports as a workbook, then it holds the district’s streets under bold headers', async () => {
      const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: '230102' });
      const v = await view(officer, null, PERIOD.from, PERIOD.to);
      const res = await download(officer, { ...PERIOD, format: 'xlsx' });
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(1).value).toBe('排名');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      const codes = Array.from(
        { length: sheet.rowCount - 1 },
        (_, i) => sheet.getRow(i + 2).getCell(3).value,
      );
      expect(codes.sort()).toEqual(v.children.map((c) => c.regionCode).sort());
    });

    it('when asked outside the jurisdiction, without a credential or for a tile that is not there, then refused', async () => {
      const officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: '230102' });
      expect((await download(officer, { ...PERIOD, regionCode: '230100', format: 'csv' })).status).toBe(403);
      expect((await download(null, { ...PERIOD, format: 'csv' })).status).toBe(401);
      const bad = await download(supervisor, { ...PERIOD, kpi: 'nothing', format: 'csv' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'kpi',
      });
      const month = await download(supervisor, { from: '2012-13', to: '2012-12', format: 'csv' });
      expect(((await month.json()) as ErrorBody).errors[0].extensions).toMatchObject({ field: 'from' });
    });
  });
});

import ExcelJS from 'exceljs';
import { pdfText } from '../../test/pdf-text';
import { regionTree } from '../../test/factories';
import { organization } from '../../test/mediation';
import { startTestApp, type SignedIn, type TestApp } from '../../test/test-app';

const MONTH = '2012-06';

const REPORT = `query($code: String!, $month: String!) {
  monthlyReport(regionCode: $code, month: $month) {
    regionCode month state version edition deadline overdue signedByName availableCommands
    sections { key title figures { key label value unit } }
    editions { edition signedByName sections { key figures { key value } } }
    timeline { command fromState toState actorName edition reason }
    children { regionCode state deadline overdue edition }
  }
}`;

interface Report {
  regionCode: string;
  state: string;
  version: number;
  edition: number;
  deadline: string;
  overdue: boolean;
  signedByName: string | null;
  availableCommands: string[];
  sections: { key: string; title: string; figures: { key: string; label: string; value: number | null }[] }[];
  editions: {
    edition: number;
    sections: { key: string; figures: { key: string; value: number | null }[] }[];
  }[];
  timeline: { command: string; fromState: string; toState: string; edition: number; reason: string | null }[];
  children: { regionCode: string; state: string; deadline: string; overdue: boolean; edition: number }[];
}

const SIGN = `mutation($input: SignMonthlyReportInput!) { signMonthlyReport(input: $input) { state version edition } }`;
const REOPEN = `mutation($input: ReopenMonthlyReportInput!) {
  reopenMonthlyReport(input: $input) { state version edition }
}`;

/** The value of a figure of a report: `mediation.accepted`. */
function figure(sections: Report['sections'] | Report['editions'][number]['sections'], path: string) {
  const [section, key] = path.split('.');
  return sections.find((s) => s.key === section)?.figures.find((f) => f.key === key)?.value;
}

describe('monthly reports signed off level by level', () => {
  let app: TestApp;
  let district: string;
  let street1: string;
  let street2: string;
  let community1: string;
  let community2: string;
  let grid1: string;
  let committee1: string;
  let communityStaff1: SignedIn;
  let communityStaff2: SignedIn;
  let streetOfficer1: SignedIn;
  let streetOfficer2: SignedIn;
  let districtOfficer: SignedIn;
  let cityAdmin: SignedIn;
  let supervisor: SignedIn;
  let cases = 0;

  async function acceptedCase(region: string, org: string, acceptedAt: string) {
    await app.db.query(
      `INSERT INTO dispute_case (number, channel, type, title, description, region_code, organization_id,
         origin_organization_id, people_involved, households_involved, risk, state, outcome, received_at,
         accepted_at, concluded_at, created_by)
       VALUES ($1, 'WALK_IN', 'LAND', '测试纠纷', '测试用的纠纷。', $2, $3, $3, 2, 2, 'LOW', 'CLOSED',
         'AGREEMENT_REACHED', $4::timestamptz, $4::timestamptz, $4::timestamptz + interval '3 days', 'test')`,
      [`2012-9${String(++cases).padStart(5, '0')}`, region, org, acceptedAt],
    );
  }

  const read = async (client: SignedIn, code: string, month = MONTH) => {
    const res = await client.gql<{ monthlyReport: Report }>(REPORT, { code, month });
    expect(res.errors).toBeUndefined();
    return res.data!.monthlyReport;
  };
  const sign = (client: SignedIn, code: string, expectedVersion: number) =>
    client.gql<{ signMonthlyReport: { state: string; version: number; edition: number } }>(SIGN, {
      input: { regionCode: code, month: MONTH, expectedVersion },
    });
  const reopen = (
    client: SignedIn,
    code: string,
    expectedVersion: number,
    reason = '数据有误，请核实后重报',
  ) =>
    client.gql<{ reopenMonthlyReport: { state: string; version: number; edition: number } }>(REOPEN, {
      input: { regionCode: code, month: MONTH, expectedVersion, reason },
    });

  beforeAll(async () => {
    app = await startTestApp();
    const tree = await regionTree(app.db, { streets: 2, communities: 1, grids: 1 });
    district = tree.districtCode;
    [street1, street2] = tree.rows.filter((r) => r.level === 'STREET').map((r) => r.code);
    [community1, community2] = [street1, street2].map(
      (street) => tree.rows.find((r) => r.level === 'COMMUNITY' && r.parentCode === street)!.code,
    );
    grid1 = tree.rows.find((r) => r.level === 'GRID' && r.parentCode === community1)!.code;
    committee1 = await organization(app.db, community1);
    await acceptedCase(community1, committee1, '2012-06-03T10:00:00+08:00');
    await acceptedCase(community1, committee1, '2012-06-30T23:30:00+08:00');
    // July in Harbin, though still June in UTC: not in June's report.
    await acceptedCase(community1, committee1, '2012-07-01T00:30:00+08:00');
    [
      communityStaff1,
      communityStaff2,
      streetOfficer1,
      streetOfficer2,
      districtOfficer,
      cityAdmin,
      supervisor,
    ] = await Promise.all([
      app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community1 }),
      app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community2 }),
      app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: street1 }),
      app.signIn({ roles: ['STREET_OFFICER'], jurisdiction: street2 }),
      app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district }),
      app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: '230100' }),
      app.signIn({ roles: ['SUPERVISOR'], jurisdiction: '230100' }),
    ]);
  });
  afterAll(() => app.close());

  it('when nobody has acted on a month, then each report is a draft with live figures, its deadline and late', async () => {
    const report = await read(streetOfficer1, street1);
    expect(report).toMatchObject({
      state: 'DRAFT',
      version: 0,
      edition: 0,
      deadline: '2012-07-03',
      overdue: true,
    });
    expect(report.sections.map((s) => s.key)).toEqual([
      'residents',
      'mediation',
      'petitions',
      'services',
      'grid',
      'security',
      'villages',
    ]);
    expect(figure(report.sections, 'mediation.accepted')).toBe(2);
    // The other areas' sections, from their modules' statistics: nothing happened there in this tree's June.
    for (const path of ['services.submitted', 'grid.reported', 'security.reportedCases', 'villages.visits'])
      expect([path, figure(report.sections, path)]).toEqual([path, 0]);
    expect(report.sections[1].figures[0].label).toBe('本月受理纠纷');
    // The street signs after its community, whose report holds the same cases and is due a day earlier.
    expect(report.availableCommands).toEqual([]);
    const community = await read(communityStaff1, community1);
    expect(community).toMatchObject({ state: 'DRAFT', deadline: '2012-07-02', availableCommands: ['SIGN'] });
    expect(figure(community.sections, 'mediation.accepted')).toBe(2);
    expect(community.children).toEqual([]);
    expect((await read(districtOfficer, district)).deadline).toBe('2012-07-05');
  });

  it('when a level signs before its children, then CONFLICT; a supervisor, another street or the street for its community cannot sign', async () => {
    const early = await sign(districtOfficer, district, 0);
    expect(early.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/2 child region/),
    });
    expect((await sign(streetOfficer1, street1, 0)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/1 child region/),
    });
    expect((await sign(streetOfficer1, community1, 0)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await sign(communityStaff2, community1, 0)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await sign(supervisor, street1, 0)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await sign(streetOfficer2, street1, 0)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await sign(cityAdmin, district, 0)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('when the communities and then the streets have signed, then the district signs, and the city sees which districts have not', async () => {
    for (const [staff, community] of [
      [communityStaff1, community1],
      [communityStaff2, community2],
    ] as const)
      expect((await sign(staff, community, 0)).data?.signMonthlyReport.state).toBe('SIGNED');
    expect((await read(streetOfficer1, street1)).children.map((c) => c.state)).toEqual(['SIGNED']);
    expect((await sign(streetOfficer1, street1, 0)).data?.signMonthlyReport).toEqual({
      state: 'SIGNED',
      version: 1,
      edition: 1,
    });
    // A second signature of the same edition is a step the machine does not have.
    expect((await sign(streetOfficer1, street1, 1)).errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    const before = await read(cityAdmin, '230100');
    expect(before.children.find((c) => c.regionCode === district)).toMatchObject({
      state: 'DRAFT',
      deadline: '2012-07-05',
      overdue: true,
    });
    expect((await sign(streetOfficer2, street2, 0)).data?.signMonthlyReport.state).toBe('SIGNED');
    const districtReport = await read(districtOfficer, district);
    expect(districtReport.children.map((c) => c.state)).toEqual(['SIGNED', 'SIGNED']);
    expect(districtReport.availableCommands).toEqual(['SIGN']);
    expect((await sign(districtOfficer, district, 0)).data?.signMonthlyReport.state).toBe('SIGNED');
    const after = await read(supervisor, '230100');
    expect(after.children.find((c) => c.regionCode === district)).toMatchObject({
      state: 'SIGNED',
      overdue: false,
    });
    expect(after.deadline).toBe('2012-07-08');
  });

  it('when a record changes after signing, then the signed figures stay; a reopening from above makes edition 2', async () => {
    await acceptedCase(community1, committee1, '2012-06-15T09:00:00+08:00');
    const signed = await read(streetOfficer1, street1);
    expect(figure(signed.sections, 'mediation.accepted')).toBe(2);

    // The street's own officer cannot reopen, and the district cannot while its own report is signed.
    expect((await reopen(streetOfficer1, street1, 1)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await reopen(districtOfficer, street1, 1)).errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/reopen that one first/),
    });
    expect((await reopen(cityAdmin, district, 1)).data?.reopenMonthlyReport).toEqual({
      state: 'REOPENED',
      version: 2,
      edition: 1,
    });
    expect((await reopen(districtOfficer, street1, 1, 'x')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect((await reopen(districtOfficer, street1, 0)).errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await reopen(districtOfficer, street1, 1)).data?.reopenMonthlyReport.state).toBe('REOPENED');

    const reopened = await read(streetOfficer1, street1);
    expect(reopened.state).toBe('REOPENED');
    expect(figure(reopened.sections, 'mediation.accepted')).toBe(3);
    // The district cannot sign again while a street is reopened.
    expect((await sign(districtOfficer, district, 2)).errors?.[0].extensions.code).toBe('CONFLICT');

    expect((await sign(streetOfficer1, street1, 2)).data?.signMonthlyReport).toEqual({
      state: 'SIGNED',
      version: 3,
      edition: 2,
    });
    const twice = await read(streetOfficer1, street1);
    expect(twice.editions.map((e) => [e.edition, figure(e.sections, 'mediation.accepted')])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(twice.timeline.map((e) => [e.command, e.fromState, e.toState, e.edition, e.reason])).toEqual([
      ['SIGN', 'DRAFT', 'SIGNED', 1, null],
      ['REOPEN', 'SIGNED', 'REOPENED', 1, '数据有误，请核实后重报'],
      ['SIGN', 'REOPENED', 'SIGNED', 2, null],
    ]);
  });

  it('when reports are signed and reopened, then each step is audited with the reason', async () => {
    const rows: { action: string; purpose: string | null; changes: Record<string, { new: unknown }> }[] =
      await app.db.query(
        `SELECT action, purpose, changes FROM audit_event WHERE entity_type = 'MonthlyReport' ORDER BY id`,
      );
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(5).fill('monthlyReport.sign'),
      'monthlyReport.reopen',
      'monthlyReport.reopen',
      'monthlyReport.sign',
    ]);
    expect(rows[6].changes.reason.new).toBe('数据有误，请核实后重报');
  });

  it('when a report is read outside the jurisdiction or for a month not begun, then FORBIDDEN or BAD_USER_INPUT', async () => {
    const outside = await streetOfficer2.gql(REPORT, { code: street1, month: MONTH });
    expect(outside.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const future = await streetOfficer1.gql(REPORT, { code: street1, month: '2999-01' });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    const grid = await streetOfficer1.gql(REPORT, { code: grid1, month: MONTH });
    expect(grid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });

  describe('files', () => {
    const download = (client: SignedIn, body: Record<string, unknown>) =>
      fetch(`${app.baseUrl}/downloads/monthlyReport`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` },
        body: JSON.stringify(body),
      });

    it('when the PDF is downloaded, then its text holds the Chinese title, labels and figures', async () => {
      const res = await download(districtOfficer, {
        regionCode: street1,
        month: MONTH,
        format: 'pdf',
        edition: 1,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
      const text = await pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain('2012年6月 基层社会治理月报');
      expect(text).toContain('矛盾纠纷调解');
      expect(text).toContain('本月受理纠纷');
      expect(text).toContain('实有人口登记');
      expect(text).toMatch(/第1版/);
    });

    it('when the workbook is downloaded, then it holds the edition’s figures and the children’s sign-off', async () => {
      const res = await download(districtOfficer, {
        regionCode: district,
        month: MONTH,
        format: 'xlsx',
        edition: 1,
      });
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      const sheet = workbook.getWorksheet('月报')!;
      const rows = sheet
        .getSheetValues()
        .filter((r) => Array.isArray(r))
        .map((r) => r.slice(1));
      expect(rows.find((r) => r[0] === '本月受理纠纷')?.[3]).toBe(2);
      const children = workbook.getWorksheet('下级签发')!;
      expect(children.getRow(2).getCell(2).value).toBe('已签发');
    });

    it('when a download is asked for without a credential, as a form, or outside the jurisdiction, then refused', async () => {
      const anonymous = await fetch(`${app.baseUrl}/downloads/monthlyReport`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ regionCode: street1, month: MONTH, format: 'pdf' }),
      });
      expect(anonymous.status).toBe(401);
      const form = await fetch(`${app.baseUrl}/downloads/monthlyReport`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Bearer ${streetOfficer1.accessToken}`,
        },
        body: `regionCode=${street1}&month=${MONTH}&format=pdf`,
      });
      expect(form.status).toBe(415);
      const outside = await download(streetOfficer2, { regionCode: street1, month: MONTH, format: 'pdf' });
      expect(outside.status).toBe(403);
    });
  });
});

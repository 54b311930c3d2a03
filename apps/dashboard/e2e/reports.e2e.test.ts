import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { DEMO_PASSWORD, signIn } from './sign-in';
import { browserSuite, scrollWidth } from './suite';

const DAOLI = '230102';
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');
const SHANGHONG = '230102010003';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SIGNER_PASSWORD = 'region-officer-1';

/** Last month in Harbin: the month the report page opens on. */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const [year, month] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

describe('monthly reports and exports in the browser', () => {
  const suite = browserSuite({ acceptDownloads: true });
  let page: Page;
  beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

  /** One GraphQL request with a token (or none), as a district system would send it. */
  async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(`${suite.baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  const login = async (username: string, password = DEMO_PASSWORD) =>
    (
      await gql<{ login: { accessToken: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
        { u: username, p: password },
      )
    ).login.accessToken;

  async function open(username: string) {
    page = await suite.open(DESKTOP);
    await signIn(page, suite.baseUrl(), username);
  }

  /** The regions directly under `code`. */
  const childrenOf = async (code: string, token: string) =>
    (
      await gql<{ regions: { edges: { node: { code: string } }[] } }>(
        `query($p: String!) { regions(first: 200, filter: { parentCode: $p }) { edges { node { code } } } }`,
        { p: code },
        token,
      )
    ).regions.edges.map((e) => e.node.code);

  /** The region's own officer (an account made by the administrator) signs its report of the month over the API. */
  async function signThrough(admin: string, code: string, role: string, month: string) {
    const username = `signer${code}`;
    await gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          username,
          displayName: `${code}工作人员`,
          password: SIGNER_PASSWORD,
          roles: [role],
          jurisdictionCode: code,
        },
      },
      admin,
    );
    await gql(
      `mutation($input: SignMonthlyReportInput!) { signMonthlyReport(input: $input) { state } }`,
      { input: { regionCode: code, month, expectedVersion: 0 } },
      await login(username, SIGNER_PASSWORD),
    );
  }

  it('when every street of 道里区 has signed last month after its communities, then its district officer signs it off in the browser', async () => {
    const admin = await login('admin');
    const streets = await childrenOf(DAOLI, admin);
    expect(streets.length).toBeGreaterThan(1);
    const month = lastMonth();

    // 上红社区's staff signs on a phone: the lowest level that signs, with nothing below it to wait for.
    page = await suite.open(PHONE);
    await signIn(page, suite.baseUrl(), 'shanghong');
    await withScreenshotOnFailure(page, 'report-sign-community', async () => {
      await page.goto(`${suite.baseUrl()}/#/reports`);
      await page.getByRole('heading', { level: 1, name: /上红社区/ }).waitFor();
      await page.getByText('本级为最基层报送单位').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.getByRole('button', { name: '审核签发' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '审核签发' }).click();
      await page.getByText('第 1 版', { exact: true }).waitFor();
      // The state's chip fades from late's red to signed's green: the screenshot waits for it.
      await page.waitForFunction(() => document.getAnimations().length === 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'report-community-390.png'), fullPage: true });
    });
    await page.context().close();

    for (const street of streets) {
      for (const community of await childrenOf(street, admin))
        if (community !== SHANGHONG) await signThrough(admin, community, 'COMMUNITY_STAFF', month);
      await signThrough(admin, street, 'STREET_OFFICER', month);
    }

    await open('daoli');
    await withScreenshotOnFailure(page, 'report-sign', async () => {
      await page.getByRole('menuitem', { name: '月报审签' }).click();
      await page.waitForURL(/#\/reports/);
      await page.getByRole('heading', { level: 1, name: /道里区/ }).waitFor();
      const children = page.getByRole('table', { name: '下级单位签发情况' });
      await children.waitFor();
      expect(await children.locator('tbody tr').count()).toBe(streets.length);
      expect(await children.locator('tbody tr[data-state="SIGNED"]').count()).toBe(streets.length);
      await page.getByRole('heading', { name: '矛盾纠纷调解' }).waitFor();

      await page.getByRole('button', { name: '审核签发' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('签发后本月数字冻结').waitFor();
      await dialog.getByRole('button', { name: '审核签发' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('第 1 版', { exact: true }).waitFor();
      await page.getByText(/^签发：道里区工作人员/).waitFor();
      expect(await page.getByRole('button', { name: '审核签发' }).count()).toBe(0);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载 PDF' }).click();
      const pdf = await download;
      expect(pdf.suggestedFilename()).toMatch(/^月报-.*道里区.*\.pdf$/);
      expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    });

    // The city sends the district's report back and the district signs it again: two editions, the first one
    // still readable and downloadable as it was signed.
    const reopened = await gql<{ monthlyReport: { version: number } }>(
      `query($m: String!) { monthlyReport(regionCode: "${DAOLI}", month: $m) { version } }`,
      { m: month },
      admin,
    );
    await gql(
      `mutation($input: ReopenMonthlyReportInput!) { reopenMonthlyReport(input: $input) { state } }`,
      {
        input: {
          regionCode: DAOLI,
          month,
          expectedVersion: reopened.monthlyReport.version,
          reason: '请补报',
        },
      },
      admin,
    );
    await withScreenshotOnFailure(page, 'report-editions', async () => {
      await page.reload();
      await page.getByRole('button', { name: '审核签发' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '审核签发' }).click();
      await page.getByText('第 2 版', { exact: true }).waitFor();
      const editions = page.locator('section[aria-labelledby="report-editions"] [data-edition]');
      expect(await editions.count()).toBe(2);
      await page.getByRole('button', { name: '查看第 1 版' }).click();
      await page.getByText(/正在查看第 1 版/).waitFor();
      expect(page.url()).toMatch(/edition=1/);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '第 1 版 Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/^月报-.*道里区.*\.xlsx$/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'report-editions.png') });
      await page.getByRole('button', { name: '返回当前' }).click();
      await page.getByText(/正在查看/).waitFor({ state: 'detached' });
    });

    // The city sees the district signed.
    const supervisor = await login('supervisor');
    const city = await gql<{ monthlyReport: { children: { regionCode: string; state: string }[] } }>(
      `query($m: String!) { monthlyReport(regionCode: "230100", month: $m) { children { regionCode state } } }`,
      { m: month },
      supervisor,
    );
    expect(city.monthlyReport.children.find((c) => c.regionCode === DAOLI)?.state).toBe('SIGNED');
  });

  it('when a supervisor exports the case list of 道里区, then the downloaded CSV holds exactly those cases, in Chinese', async () => {
    const supervisor = await login('supervisor');
    const { disputeCases } = await gql<{ disputeCases: { totalCount: number } }>(
      `query($f: DisputeCaseFilter) { disputeCases(first: 1, filter: $f) { totalCount } }`,
      { f: { regionCode: DAOLI } },
      supervisor,
    );
    await open('supervisor');
    await withScreenshotOnFailure(page, 'export-cases', async () => {
      await page.getByRole('menuitem', { name: '矛盾纠纷' }).click();
      await page.waitForURL(/#\/disputeCases/);
      // The list filtered to 道里区, as a drill-down link opens it.
      const filter = encodeURIComponent(JSON.stringify({ regionCode: DAOLI }));
      await page.goto(`${suite.baseUrl()}/#/disputeCases?filter=${filter}`);
      await page.getByRole('button', { name: '导出' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^纠纷案件-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile((await file.path())!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
      expect(header.split(',').slice(0, 3)).toEqual(['编号', '标题', '纠纷类型']);
      // Every case the filter selects, not only the page shown.
      expect(disputeCases.totalCount).toBeGreaterThan(25);
      expect(rows).toHaveLength(disputeCases.totalCount);
      expect(rows.every((row) => row.includes(',230102'))).toBe(true);
      expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
      await page.getByText(/已导出/).waitFor();
    });
  });

  it('when a supervisor exports the stationed cadres (a new list), then the server CSV downloads with phones masked', async () => {
    await open('supervisor');
    await withScreenshotOnFailure(page, 'export-cadres', async () => {
      await page.goto(`${suite.baseUrl()}/#/stationedCadres`);
      await page.getByRole('button', { name: '导出' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^驻村干部-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile((await file.path())!, 'utf8');
      const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
      expect(header.startsWith('姓名,联系电话,派出单位')).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
    });
  });
});

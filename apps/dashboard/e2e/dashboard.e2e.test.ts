import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite, scrollWidth } from './suite';

/** The sign-in form's budget on a first visit, from the start of navigation. */
const FIRST_PAINT_BUDGET_MS = 2_000;
const PHONE = { width: 390, height: 844 };

/** The dashboard's error page (ra-chinese's `ra.page.error`'s text). */
const ERROR_PAGE = '客户端出错';

/** Lists whose rows carry fewer fields than the record's page reads, each with the title of its records. */
const SHOWN_FROM_LISTS = [
  { resource: 'gridEvents', title: /^网格事件 WG\d{4}-\d{6}$/ },
  { resource: 'serviceApplications', title: /^办件 \S+$/ },
  { resource: 'visits', title: /^走访记录 \d{4}-\d{2}-\d{2}$/ },
  { resource: 'assistances', title: /^帮扶 \S/ },
  { resource: 'disputeCases', title: /^矛盾纠纷 \d{4}-\d{6}$/ },
  { resource: 'communityProfiles', title: /^社区 \S/ },
  { resource: 'stationedCadres', title: /^驻村干部 \S/ },
];

/** The record query a show page sends: the only one whose variables are just the record's id. */
const isRecordQuery = (postData: string | null) => {
  const variables = (JSON.parse(postData ?? '{}') as { variables?: Record<string, unknown> }).variables;
  return Object.keys(variables ?? {}).join() === 'id';
};

describe('the dashboard in the browser', () => {
  const suite = browserSuite();
  const open = (viewport = { width: 1366, height: 900 }) => suite.open(viewport);

  beforeAll(async () => {
    // The server's first answers (and Chromium's first page) are not what a visitor waits for.
    const warm = await open();
    await warm.goto(`${suite.baseUrl()}/#/login`);
    await warm.getByRole('textbox', { name: '用户名' }).waitFor({ timeout: 90_000 });
    await warm.context().close();
  });

  it('when a signed-out visitor opens /, then the sign-in form shows within 2 s after a handful of history entries', async () => {
    const page = await open();
    await withScreenshotOnFailure(page, 'first-visit', async () => {
      await page.goto(`${suite.baseUrl()}/`);
      await page.getByRole('textbox', { name: '用户名' }).waitFor();
      const { shownAfter, entries } = await page.evaluate(() => ({
        shownAfter: performance.now(),
        entries: history.length,
      }));
      expect(page.url()).toMatch(/#\/login$/);
      // It used to push #/login some 2,600 times over 10–13 s of blank page.
      expect(entries).toBeLessThanOrEqual(3);
      expect(shownAfter).toBeLessThan(FIRST_PAINT_BUDGET_MS);
    });
  });

  it('when a second tab opens the dashboard, then it is signed in already, with the same account', async () => {
    const page = await open();
    await withScreenshotOnFailure(page, 'second-tab', async () => {
      await signIn(page, suite.baseUrl(), 'shanghong');
      const second = await page.context().newPage();
      await second.goto(`${suite.baseUrl()}/#/residents`);
      await second.getByText('shanghong · ').waitFor();
      await expect(second.getByRole('textbox', { name: '用户名' }).count()).resolves.toBe(0);
      // Signing out in one tab signs out both, as the API revoked the session for both.
      await second.getByRole('button', { name: '个人资料' }).click();
      await second.getByRole('menuitem', { name: '退出登录' }).click();
      await second.getByRole('textbox', { name: '用户名' }).waitFor();
      await page.reload();
      await page.getByRole('textbox', { name: '用户名' }).waitFor();
    });
  });

  it('when a mediator uses a phone, then the cases are a simple list, nothing scrolls sideways and the title shows', async () => {
    const page = await open(PHONE);
    await withScreenshotOnFailure(page, 'phone-cases', async () => {
      await signIn(page, suite.baseUrl(), 'mediator');
      await page.goto(`${suite.baseUrl()}/#/disputeCases`);
      // A row is a link with the case's number and title, not a table cell.
      const rows = page.getByRole('link', { name: /^\d{4}-\d{6} / });
      await rows.first().waitFor();
      await expect(page.getByRole('table').count()).resolves.toBe(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      const title = await page.locator('#react-admin-title').boundingBox();
      const language = await page.getByRole('button', { name: '语言' }).boundingBox();
      expect(title!.width).toBeGreaterThan(60);
      expect(title!.x + title!.width).toBeLessThanOrEqual(language!.x);
      await expect(page.locator('#react-admin-title').textContent()).resolves.toContain('矛盾纠纷');
    });
  });

  it('when a mediator opens a case on a phone, then each step is a labelled button and the page fits the width', async () => {
    const page = await open(PHONE);
    await withScreenshotOnFailure(page, 'phone-case', async () => {
      await signIn(page, suite.baseUrl(), 'mediator');
      const inMediation = encodeURIComponent(JSON.stringify({ state: ['IN_MEDIATION'] }));
      await page.goto(`${suite.baseUrl()}/#/disputeCases?filter=${inMediation}`);
      await page
        .getByRole('link', { name: /^\d{4}-\d{6} / })
        .first()
        .click();
      await page.waitForURL(/#\/disputeCases\/[^/]+\/show$/);
      const record = page.getByRole('button', { name: '记录调解', exact: true });
      await record.waitFor();
      for (const name of ['记录调解', '达成协议', '调解不成', '撤回']) {
        const button = page.getByRole('button', { name, exact: true });
        // Its label is on the button, not only in a tooltip; once these were empty 24 px squares.
        await expect(button.textContent()).resolves.toBe(name);
        const box = await button.boundingBox();
        expect(box!.width).toBeGreaterThan(40);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      // And the step works there.
      await record.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: '地点' }).fill('双金村村委会');
      await dialog.getByRole('textbox', { name: '参加人员' }).fill('敖亚斌、王某、李某');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('已记录调解').first().waitFor();
    });
  });

  it('when a grid worker signs in, then the home page is its grid, not the whole city', async () => {
    const page = await open(PHONE);
    await withScreenshotOnFailure(page, 'grid-home', async () => {
      await signIn(page, suite.baseUrl(), 'grid');
      await page.getByRole('link', { name: '上红社区居委会 · 第1网格', exact: true }).waitFor();
      await expect(page.getByRole('list', { name: '下辖区、县（市）' }).count()).resolves.toBe(0);
      await page.getByRole('navigation', { name: '工作入口' }).getByRole('link', { name: '居民' }).click();
      await page.waitForURL(/#\/residents/);
      // The list starts in the grid: its region filter shows the grid by its qualified name, once read.
      const filter = await page.getByRole('combobox', { name: '所属区域' }).elementHandle();
      await page.waitForFunction((input) => (input as HTMLInputElement).value !== '', filter);
      await expect(filter!.inputValue()).resolves.toBe('上红社区居委会 · 第1网格');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });
  });

  it('when the supervisor clicks the first seeded row of each list, then its record shows under its title and no error page', async () => {
    const page = await open();
    await signIn(page, suite.baseUrl(), 'supervisor');
    for (const { resource, title } of SHOWN_FROM_LISTS) {
      await withScreenshotOnFailure(page, `show-${resource}`, async () => {
        await page.goto(`${suite.baseUrl()}/#/${resource}`);
        const firstRow = page.locator('tbody tr').first();
        await firstRow.waitFor();
        // The list's rows fill react-admin's record cache; the page must still ask for, and render, the record.
        const recordQuery = page.waitForResponse(
          (response) => response.url().endsWith('/graphql') && isRecordQuery(response.request().postData()),
        );
        await firstRow.locator('td').first().click();
        await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show$`));
        expect((await (await recordQuery).json()).errors).toBeUndefined();
        const heading = page.locator('#react-admin-title');
        await heading.filter({ hasText: title }).waitFor();
        expect((await heading.textContent())?.trim()).toMatch(title);
        expect(await page.getByText(ERROR_PAGE).count()).toBe(0);
      });
    }
  });
});

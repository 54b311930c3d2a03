import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApi, type RunningApi } from './api-server';
import { launchChromium, withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';

const UI_TIMEOUT_MS = 30_000;
const DESKTOP = { width: 1366, height: 900 };
/** The dashboard's error page (ra-chinese's `ra.page.error`'s text). */
const ERROR_PAGE = '客户端出错';

/** Lists whose rows carry fewer fields than the record's page reads, each with the title of its records. */
const LISTS = [
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

describe('the record pages opened from their lists in the browser', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('when the supervisor clicks the first seeded row of each list, then its record shows under its title and no error page', async () => {
    context = await browser!.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await signIn(page, api!.baseUrl, 'supervisor');
    for (const { resource, title } of LISTS) {
      await withScreenshotOnFailure(page, `show-${resource}`, async () => {
        await page.goto(`${api!.baseUrl}/#/${resource}`);
        const firstRow = page.locator('tbody tr').first();
        await firstRow.waitFor();
        // The list's rows fill react-admin's record cache; the page must still ask for, and render, the record.
        const recordQuery = page.waitForResponse(
          (response) => response.url().endsWith('/graphql') && isRecordQuery(response.request().postData()),
        );
        await firstRow.click();
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

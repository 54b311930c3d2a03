import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { startApi, type ApiOptions, type RunningApi } from './api-server';
import { launchChromium } from './browser';

const UI_TIMEOUT_MS = 30_000;

/**
 * A `describe`'s API and Chromium, started once, and a fresh context for each `open`: a new browser, so the
 * previous user's session is gone; it is closed after each test.
 */
export function browserSuite(contextOptions: BrowserContextOptions = {}, apiOptions: ApiOptions = {}) {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    api = await startApi(apiOptions);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(async () => {
    await context?.close();
  });

  return {
    baseUrl: () => api!.baseUrl,
    async open(viewport: { width: number; height: number }): Promise<Page> {
      context = await browser!.newContext({ viewport, locale: 'zh-CN', ...contextOptions });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      return page;
    },
  };
}

/** How wide the page is laid out: more than the window means it scrolls sideways. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

/** Picks an option of a react-admin select or autocomplete by its label, after typing `search` if given. */
export async function pick(scope: Page | Locator, label: string, option: string | RegExp, search?: string) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  if (search) await input.fill(search);
  // The options open in a popup at the page's root, outside a dialog that holds the input.
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).first().click();
}

import { startApi, type RunningApi } from './api-server';
import { launchChromium } from './browser';
import { signIn } from './sign-in';
import type { Browser } from 'playwright-core';

describe('screenshots', () => {
  let api: RunningApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await api.stop();
  });
  it.each([
    ['yishan', 390, 844],
    ['supervisor', 1366, 900],
    ['supervisor', 390, 844],
  ])('%s at %i', async (user, width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, api.baseUrl, user);
    const shots: [string, string][] = [
      ['village', user === 'yishan' ? '/#/village' : '/#/village?code=230128101201'],
      ['overview', '/#/cadres?region=230128&from=2009-01-01&to=2012-12-31'],
      ['create', '/#/visits/create'],
      ['visits', '/#/visits'],
      ['assistances', '/#/assistances'],
      ['cadres', '/#/stationedCadres'],
    ];
    for (const [name, url] of shots) {
      await page.goto(`${api.baseUrl}${url}`);
      await page.waitForTimeout(3500);
      await page.screenshot({ path: `/tmp/shots/${user}-${width}-${name}.png`, fullPage: true });
    }
    await context.close();
  });
});

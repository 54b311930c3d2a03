import type { Browser } from 'playwright-core';
import { startApi, type RunningApi } from './api-server';
import { launchChromium } from './browser';
import { signIn } from './sign-in';

describe('probe', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });
  it('cadre page', async () => {
    for (const user of ['yishan', 'admin']) {
      const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text().slice(0, 600)));
      page.on('response', async (r) => {
        if (r.url().includes('graphql')) {
          const body = await r.text().catch(() => '');
          if (body.includes('"errors"')) console.log('GQL', body.slice(0, 600));
        }
      });
      await signIn(page, api!.baseUrl, user);
      await page.goto(`${api!.baseUrl}/#/stationedCadres?filter=${encodeURIComponent(JSON.stringify({ q: '高德明' }))}`);
      await page.getByText('高德明').first().click();
      await page.waitForTimeout(3000);
      console.log(user, page.url());
      await page.screenshot({ path: `/tmp/v2-shots/cadre-show-${user}.png`, fullPage: true });
      await context.close();
    }
  }, 300_000);
});

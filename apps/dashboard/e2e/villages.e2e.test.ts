import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite } from './suite';

/** The greenhouse household of the demo's 依山村 (apps/api village.seed.ts). */
const STORY_HOUSEHOLD = '依山村一组12号';

describe('a stationed cadre’s visit on a phone', () => {
  // No locale asked for, as before the suite: the dashboard is in Chinese whatever the browser prefers.
  const suite = browserSuite({ hasTouch: true, locale: undefined });
  let page: Page;

  beforeEach(async () => {
    page = await suite.open({ width: 390, height: 844 });
  });

  it('when yishan logs a visit and the network drops while it is sent, then it is sent again when back and the village shows it once', async () => {
    await withScreenshotOnFailure(page, 'village-visit', async () => {
      await signIn(page, suite.baseUrl(), 'yishan');
      // The home page starts with the households due; a tap opens the form on one.
      await page.getByTestId('visits-due').getByText(STORY_HOUSEHOLD).click();
      await page.waitForURL(/#\/visits\/create\?householdId=/);
      await page.getByRole('combobox', { name: '走访住户' }).click();
      await page.getByRole('option', { name: STORY_HOUSEHOLD }).click();
      const findings = `大棚蔬菜长势良好，联系收购商 ${Date.now()}`;
      await page.getByRole('textbox', { name: '走访情况' }).fill(findings);

      // The connection drops while the visit is on its way: the API stores it, its answer never arrives.
      let dropped = false;
      let attempts = 0;
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('logVisit')) return route.continue();
        attempts++;
        if (dropped) return route.continue();
        dropped = true;
        await route.fetch();
        await page.context().setOffline(true);
        await route.abort('internetdisconnected');
      });
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('网络不通').waitFor();
      await page.getByText('1 条走访待发送').waitFor();

      await page.context().setOffline(false);
      await page.getByText('走访已登记').waitFor();
      expect(attempts).toBeGreaterThanOrEqual(2);
      await expect(page.getByText('条走访待发送').count()).resolves.toBe(0);

      await page.getByRole('link', { name: '查看本村' }).click();
      await page.waitForURL(/#\/village\?code=230128101201/);
      const visits = page.getByTestId('village-visits');
      await visits.getByText(findings).first().waitFor();
      await expect(visits.getByText(findings).count()).resolves.toBe(1);
    });
  });
  it('when the city admin pairs a work unit with 依山村 in the village page’s form, then the page lists the pairing', async () => {
    await withScreenshotOnFailure(page, 'village-pairing', async () => {
      await signIn(page, suite.baseUrl(), 'admin');
      await page.goto(`${suite.baseUrl()}/#/village?code=230128101201`);
      await page.getByRole('button', { name: '新增包村单位' }).click();
      const dialog = page.getByRole('dialog', { name: '新增包村单位' });
      await dialog.getByRole('combobox', { name: '单位' }).fill('卫生局');
      await page.getByRole('option').first().click();
      const goals = `建卫生室，培训村医 ${Date.now()}`;
      await dialog.getByRole('textbox', { name: '帮扶目标' }).fill(goals);
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.getByText('已保存').waitFor();
      await page.getByTestId('village-pairings').getByText(goals).waitFor();
    });
  });
});

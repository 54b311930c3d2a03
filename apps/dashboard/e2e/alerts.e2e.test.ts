import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite } from './suite';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');

interface AlertLink {
  text: string;
  href: string;
  count: number;
}

describe('the command view’s alerts and the grid-unit list in the browser', () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

  async function open(viewport: { width: number; height: number }, username: string) {
    page = await suite.open(viewport);
    await signIn(page, suite.baseUrl(), username);
  }

  /** Every alert the view shows for a region in 2012 (behind 显示全部预警 too), with its link and its count. */
  async function alertsOf(region: string, name: string): Promise<AlertLink[]> {
    await page.goto(`${suite.baseUrl()}/#/command?region=${region}&from=2012-01&to=2012-12`);
    await page.getByRole('heading', { name: new RegExp(`${name}.* 基层治理态势`) }).waitFor();
    const alerts = page.getByRole('region', { name: '预警' });
    await alerts.getByRole('link').first().waitFor();
    const all = alerts.getByRole('button', { name: /^显示全部预警/ });
    if (await all.count()) await all.click();
    const links = await alerts
      .getByRole('link')
      .evaluateAll((as) =>
        as.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
      );
    return links.map((l) => ({ ...l, count: Number(/：([\d,]+) 件$/.exec(l.text)![1].replaceAll(',', '')) }));
  }

  /**
   * Opens the alert's list afresh, through the router of the page already loaded: first a page that is no list,
   * since a list of the same resource on screen would show its old total until the new one comes. Returns what it
   * shows of the alert's filter fields, and its total.
   */
  async function follow(alert: AlertLink) {
    expect(alert.href).toMatch(/^#\/[a-zA-Z]+\?filter=/);
    await page.evaluate(() => (location.hash = '#/no-list'));
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await page.evaluate((href) => (location.hash = href), alert.href);
    const filter = JSON.parse(new URL(alert.href.slice(1), 'http://x').searchParams.get('filter')!);
    const total = page.getByText(/^第 \d+–\d+ 条，共 \d+ 条$/);
    await total.waitFor({ timeout: 90_000 });
    const shown = Number(/共 (\d+) 条/.exec((await total.textContent())!)![1]);
    const hidden = [];
    for (const key of Object.keys(filter))
      if (!(await page.locator(`form .filter-field[data-source="${key}"]`).isVisible())) hidden.push(key);
    return { alert: alert.text, list: alert.href.split('?')[0], total: shown, hidden };
  }

  /** What each alert's list should show: the alert's count, every filter field in view. */
  const expected = (alert: AlertLink) => ({
    alert: alert.text,
    list: alert.href.split('?')[0],
    total: alert.count,
    hidden: [],
  });

  it('when a supervisor follows every alert of the city and of 道里区 in 2012, then each list shows the alert’s filter and its count', async () => {
    await open(DESKTOP, 'supervisor');
    await withScreenshotOnFailure(page, 'alerts', async () => {
      const followed: string[] = [];
      for (const [region, name] of [
        ['230100', '哈尔滨市'],
        ['230102', '道里区'],
      ]) {
        const alerts = await alertsOf(region, name);
        expect(alerts.length).toBeGreaterThan(0);
        const answers = [];
        for (const alert of alerts) answers.push(await follow(alert));
        expect(answers).toEqual(alerts.map(expected));
        followed.push(...answers.map((a) => a.list));
      }
      // The grid units without reports are an ordinary list now, like every other alert's.
      expect(followed).toContain('#/gridUnits');
    });
  });

  it('when the grid-unit list opens from the alert, then a row opens the unit’s page with its boundary map; an old link redirects', async () => {
    await open(DESKTOP, 'supervisor');
    await withScreenshotOnFailure(page, 'grid-units-row', async () => {
      const [units] = (await alertsOf('230102', '道里区')).filter((a) => a.href.startsWith('#/gridUnits'));
      expect(await follow(units)).toEqual(expected(units));
      await page.locator('tbody tr').first().click();
      await page.waitForURL(/#\/grid-units\?code=\d{15}$/);
      await page.getByRole('heading', { name: '网格边界' }).waitFor();
      // The alert's old URL, bookmarked: the same list with the same filter.
      const filter = JSON.parse(new URL(units.href.slice(1), 'http://x').searchParams.get('filter')!);
      await page.goto(
        `${suite.baseUrl()}/#/grid-units?${new URLSearchParams({ region: filter.regionCode, from: filter.unreportedFrom, to: filter.unreportedTo })}`,
      );
      await page.waitForURL(/#\/gridUnits\?filter=/);
      await page.getByText(new RegExp(`共 ${units.count} 条`)).waitFor();
    });
  });

  it.each([
    ['supervisor', DESKTOP],
    ['supervisor', PHONE],
    ['shanghong', DESKTOP],
    ['shanghong', PHONE],
  ])(
    'when %s opens the grid-unit list from the menu, then it fits the screen (%o)',
    async (username, viewport) => {
      await open(viewport, username);
      await withScreenshotOnFailure(page, `grid-units-${username}-${viewport.width}`, async () => {
        if (viewport === PHONE) await page.getByRole('button', { name: '打开菜单' }).click();
        await page.getByRole('menuitem', { name: '网格', exact: true }).click();
        await page.waitForURL(/#\/gridUnits/);
        await page.getByRole('button', { name: '导出' }).waitFor();
        await page
          .getByText(/^第\d+网格$/)
          .first()
          .waitFor();
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await page.screenshot({
          path: path.join(SCREENSHOTS, `grid-units-${username}-${viewport.width}.png`),
          fullPage: viewport === PHONE,
        });
      });
    },
  );
});

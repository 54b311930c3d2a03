import path from 'node:path';
import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite } from './suite';

const DESKTOP = { width: 1366, height: 900 };
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');
/** Harbin's district boundaries (DataV, GCJ-02): third-party data, read where it lies, never copied. */
const BOUNDARIES = path.resolve(__dirname, '../../../../shared/data/harbin-districts.geojson');

/**
 * The command view's map once an operator has imported the districts' boundaries (`npm run db:import --
 * boundaries`, run here on this file's copy of the database before the API starts), the view driven from the
 * keyboard alone, and the charts' library loaded with it only.
 */
describe('the command view with imported boundaries, and from the keyboard', () => {
  const suite = browserSuite({}, { cli: [['import', 'boundaries', BOUNDARIES]] });
  let page: Page;

  const heading = (region: string) => page.getByRole('heading', { name: `${region} 基层治理态势` });

  async function city2012() {
    page = await suite.open(DESKTOP);
    await signIn(page, suite.baseUrl(), 'supervisor');
    await heading('哈尔滨市').waitFor();
    await page.goto(`${suite.baseUrl()}/#/command?region=230100&from=2012-01&to=2012-12&kpi=mediationRate`);
    await heading('哈尔滨市').waitFor();
  }

  it('when boundaries were imported, then the city’s districts are polygons coloured by the KPI, named, and a click on one drills down', async () => {
    await city2012();
    await withScreenshotOnFailure(page, 'command-map-polygons', async () => {
      const map = page.getByRole('region', { name: '哈尔滨市下级区域：调解率' });
      await map.getByRole('img', { name: '哈尔滨市下级区域：调解率' }).waitFor();
      // Every district of the official list has its polygon; the demo's places without one keep their marks.
      const polygons = Number(await map.getAttribute('data-polygons'));
      expect(polygons).toBeGreaterThanOrEqual(18);
      await map.locator('svg text', { hasText: /^道里区$/ }).waitFor();
      // Polygons are SVG paths filled from the legend's scale, not the grey of a region without a figure.
      const fills = await map
        .locator('svg path')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')).filter(Boolean));
      expect(new Set(fills).size).toBeGreaterThan(3);
      await map.screenshot({ path: path.join(SCREENSHOTS, 'command-view-polygons-1366.png') });

      // The city's urban districts are small beside its counties, their names close together: a county's is clicked.
      await map.locator('svg text', { hasText: /^通河县$/ }).click();
      await page.waitForURL(/region=230128&/);
      await heading('通河县').waitFor();
      // Its townships have no imported boundaries: marks at their sketched centroids.
      const county = page.getByRole('region', { name: '通河县下级区域：调解率' });
      expect(Number(await county.getAttribute('data-polygons'))).toBe(0);
      expect(Number(await county.getAttribute('data-marks'))).toBeGreaterThan(0);
    });
  });

  it('when a supervisor uses only the keyboard, then the KPI, a district and the trail back are all reachable', async () => {
    await city2012();
    await withScreenshotOnFailure(page, 'command-keyboard', async () => {
      /** Tabs until the focus is on a `tag` with this text (inside the group named `group`); at most 200 presses. */
      const tabTo = async (target: { tag: string; text?: string; group?: string }) => {
        for (let i = 0; i < 200; i++) {
          await page.keyboard.press('Tab');
          const found = await page.evaluate(({ tag, text, group }) => {
            const el = document.activeElement;
            if (!el || el.tagName !== tag) return false;
            if (text !== undefined && el.textContent !== text) return false;
            return group === undefined || el.closest('[role=group]')?.getAttribute('aria-label') === group;
          }, target);
          if (found) return;
        }
        throw new Error(`Tab never reached ${JSON.stringify(target)}`);
      };
      // A tile's button puts its KPI on the map and the table.
      await tabTo({ tag: 'BUTTON', group: '未办结纠纷' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/kpi=openDisputes/);
      await page.getByRole('table', { name: '下级区域排名：未办结纠纷' }).waitFor();
      // The ranked table names every district, each a link into the same view.
      await tabTo({ tag: 'A', text: '道里区' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/region=230102&/);
      await heading('道里区').waitFor();
      // Back up through the trail, the KPI kept.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo({ tag: 'A', text: '哈尔滨市' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/region=230100&.*kpi=openDisputes/);
      await heading('哈尔滨市').waitFor();
    });
  });

  it('when a district officer signs in, then ECharts is not loaded until the command view is opened', async () => {
    page = await suite.open(DESKTOP);
    const charts: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/(echarts|zrender)-[\w-]+\.js$/.test(request.url())) charts.push(request.url());
    });
    await withScreenshotOnFailure(page, 'command-chunks', async () => {
      await signIn(page, suite.baseUrl(), 'daoli');
      await page.getByRole('menuitem', { name: '矛盾纠纷', exact: true }).click();
      await page.waitForURL(/#\/disputeCases/);
      await page.getByRole('table').first().waitFor();
      expect(charts).toEqual([]);
      await page.getByRole('menuitem', { name: '指挥调度' }).click();
      await heading('道里区').waitFor();
      await page.getByRole('img', { name: /道里区下级区域/ }).waitFor();
      expect(charts.map((url) => url.match(/(echarts|zrender)-/)![1]).sort()).toEqual(['echarts', 'zrender']);
    });
  });
});

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite } from './suite';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The screenshots docs/ shows of the command view, taken here so they show what the code does. */
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');

describe('the command view in the browser', () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

  async function open(viewport: { width: number; height: number }) {
    page = await suite.open(viewport);
  }

  /** Picks an option of a select by its label (a select's name is its label, then the value it shows). */
  async function pick(label: string, option: string) {
    await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    // The menu fades out after the click: a screenshot taken meanwhile shows its options over the page.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    // Its backdrop and paper fade a moment longer (MUI's leaving transition is 195 ms).
    await page.waitForTimeout(400);
  }

  const tile = (name: string) => page.getByRole('group', { name, exact: true });
  const heading = (region: string) => page.getByRole('heading', { name: `${region} 基层治理态势` });

  /** The supervisor's home, then the year 2012: the article's year. */
  async function city2012() {
    await signIn(page, suite.baseUrl(), 'supervisor');
    await heading('哈尔滨市').waitFor();
    await pick('年度', '2012年');
    await page.waitForURL(/from=2012-01&to=2012-12/);
    await tile('调解率').getByText('95.7%', { exact: true }).waitFor();
  }

  it('when a supervisor signs in, then the home page is the command view; 2012 shows the article’s figures, the map drills from the city to a community, the ranked table and an alert’s case list export as they count', async () => {
    await open(DESKTOP);
    await withScreenshotOnFailure(page, 'command-view', async () => {
      await city2012();
      await tile('信访积案化解率').getByText('80.0%', { exact: true }).waitFor();
      await tile('调解率')
        .getByText(/较上年同期 [+−±]\d+\.\d 个百分点/)
        .waitFor();
      // The other areas, each under its name: the article's figures over the seeded data.
      for (const area of ['矛盾纠纷大调解', '单位包村、干部驻村', '社区公共服务', '网格化管理', '公共安全'])
        await page.getByRole('heading', { name: area, exact: true }).waitFor();
      await tile('“1+3+N”模式推广率').getByText('20.5%', { exact: true }).waitFor();
      // Declared like the others, the new tile shows without a change here: a share of the poor households' months.
      await tile('贫困户按期走访率')
        .locator('[data-kpi-value]', { hasText: /^\d+\.\d%$/ })
        .waitFor();
      await tile('发案总量').getByText('72,180', { exact: true }).waitFor();
      await tile('发案总量').getByText('较上年同期 −19.8%', { exact: true }).waitFor();
      await tile('群众安全感满意度').getByText('92.9%', { exact: true }).waitFor();
      await tile('群众安全感满意度').getByText('较上年同期 +0.4 个百分点', { exact: true }).waitFor();
      // The seed's grid events and zero reports are recent: in 2012 every unit-day of the valid units is a gap.
      await tile('网格日报覆盖缺口（网格·日）')
        .locator('[data-kpi-value]', { hasText: /^[1-9][\d,]*$/ })
        .waitFor();

      await pick('地图指标', '未办结纠纷');
      await page.getByRole('heading', { name: '哈尔滨市下级区域：未办结纠纷' }).waitFor();
      await pick('地图指标', '调解率');
      await page.waitForURL(/kpi=mediationRate/);
      const map = page.getByRole('region', { name: '哈尔滨市下级区域：调解率' });
      await map.getByRole('img', { name: '哈尔滨市下级区域：调解率' }).waitFor();
      // From the top: a full-page shot of a scrolled page draws the fixed app bar halfway down.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => window.scrollY === 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'command-view-1366.png'), fullPage: true });

      // 道里区's mark on the map: ECharts draws its label as SVG text, where a click lands on the mark's item.
      await map.locator('svg text', { hasText: /^道里区$/ }).click();
      await page.waitForURL(/region=230102&/);
      await heading('道里区').waitFor();
      // The ranked table exports as the server makes it: its streets, ranked, every tile's figure.
      const ranking = page.getByRole('table', { name: '下级区域排名：调解率' });
      const streets = await ranking.locator('tbody tr').count();
      await page.getByRole('button', { name: '导出' }).click();
      const rankingFile = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      const saved = await rankingFile;
      expect(saved.suggestedFilename()).toMatch(/^下级区域排名-.*道里区.*\.csv$/);
      const [rankingHeader, ...rankingRows] = (await readFile((await saved.path())!, 'utf8'))
        .slice(1)
        .trimEnd()
        .split('\r\n');
      expect(rankingHeader.split(',').slice(0, 4)).toEqual(['排名', '区域', '区划代码', '调解率（%）']);
      expect(rankingRows).toHaveLength(streets);
      expect(rankingRows[0].startsWith('1,')).toBe(true);
      // Streets and communities have sketched centroids near their parent's: the map drills on.
      const districtMap = page.getByRole('region', { name: '道里区下级区域：调解率' });
      await districtMap.locator('svg text', { hasText: /^通江街道$/ }).click();
      await page.waitForURL(/region=230102010&/);
      await page.getByRole('heading', { name: /通江街道 基层治理态势/ }).waitFor();
      const streetMap = page.getByRole('region', { name: /通江街道下级区域：调解率/ });
      await streetMap.locator('svg text', { hasText: /社区/ }).first().waitFor();
      await streetMap.screenshot({ path: path.join(SCREENSHOTS, 'command-view-street-map-1366.png') });
      // Labels that would overlap are left out on the map; the ranked table names every community.
      await page
        .getByRole('table', { name: '下级区域排名：调解率' })
        .getByRole('link', { name: /上红社区/ })
        .click();
      await page.waitForURL(/region=230102010003&/);
      await page.getByRole('heading', { name: /上红社区.* 基层治理态势/ }).waitFor();
      await tile('调解率').locator('[data-kpi-value]').waitFor();

      // The trail climbs back, with the period and the KPI kept.
      await page
        .getByRole('navigation', { name: '区划层级' })
        .getByRole('link', { name: '哈尔滨市' })
        .click();
      await page.waitForURL(/region=230100&from=2012-01&to=2012-12&kpi=mediationRate/);
      await tile('调解率').getByText('95.7%', { exact: true }).waitFor();

      // An alert opens the case list, filtered as the alert counts, and the supervisor exports it from there.
      const alerts = page.getByRole('region', { name: '预警' });
      const alert = alerts.getByRole('link', { name: /^高风险纠纷：/ });
      const count = Number((await alert.textContent())!.match(/(\d+)\s*件/)![1]);
      expect(count).toBeGreaterThan(0);
      await alert.click();
      await page.waitForURL(/#\/disputeCases\?filter=/);
      await page.getByRole('button', { name: '导出' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      const text = await readFile((await (await download).path())!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
      expect(header.split(',').slice(0, 2)).toEqual(['编号', '标题']);
      expect(rows).toHaveLength(count);
    });
  });

  it('when 通河县 is opened for 2009–2012, then its farmers’ income grew 18.1% a year; printed, the view is its tiles, map and table without the menu', async () => {
    await open(DESKTOP);
    await withScreenshotOnFailure(page, 'command-view-tonghe', async () => {
      await signIn(page, suite.baseUrl(), 'supervisor');
      await heading('哈尔滨市').waitFor();
      await page.goto(`${suite.baseUrl()}/#/command?region=230128&from=2009-01&to=2012-12`);
      await heading('通河县').waitFor();
      await tile('农民人均纯收入年均增长').getByText('18.1%', { exact: true }).waitFor();

      await page.emulateMedia({ media: 'print' });
      for (const hidden of [
        page.locator('header').first(),
        page.getByRole('menuitem', { name: '指挥调度' }),
        page.getByRole('button', { name: '打印' }),
        page.getByRole('button', { name: '导出' }),
        page.getByRole('combobox', { name: /^地图指标/ }),
      ])
        expect(await hidden.isVisible()).toBe(false);
      for (const shown of [
        tile('农民人均纯收入年均增长'),
        page.getByRole('img', { name: /通河县下级区域/ }),
        page.getByRole('table', { name: /下级区域排名/ }),
      ])
        expect(await shown.isVisible()).toBe(true);
      // Across the page: the menu's room is not kept empty.
      expect((await page.locator('.RaLayout-content').boundingBox())!.x).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'command-view-print.png'), fullPage: true });
    });
  });

  it('when a supervisor opens it on a phone, then the tiles, the map and the table fit the screen', async () => {
    await open(PHONE);
    await withScreenshotOnFailure(page, 'command-view-phone', async () => {
      await city2012();
      await page.getByRole('img', { name: /哈尔滨市下级区域/ }).waitFor();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'command-view-390.png'), fullPage: true });
    });
  });
});

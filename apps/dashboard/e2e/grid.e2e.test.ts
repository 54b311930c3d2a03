import { gridUnitCode } from '@qiangji/domain';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite, scrollWidth } from './suite';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** 中医街84号, in 上红社区's first grid unit, where the demo grid worker patrols. */
const STREET = { latitude: 45.7732, longitude: 126.6169 };
const SHANGHONG = '230102010003';

describe('the grid-event closed loop in the browser', () => {
  const suite = browserSuite({ geolocation: STREET, permissions: ['geolocation'] });
  let page: Page;

  async function open(viewport: { width: number; height: number }, username: string) {
    page = await suite.open(viewport);
    await signIn(page, suite.baseUrl(), username);
  }

  const phone = () => (page.viewportSize()?.width ?? DESKTOP.width) < 600;

  /** A step: its button (in the bottom bar on a phone), its dialog (the whole screen on a phone), then the new state. */
  async function step(
    command: string,
    state: string,
    fill: (dialog: Locator) => Promise<void> = async () => {},
  ) {
    const scope = phone() ? page.getByRole('toolbar', { name: '办理操作' }) : page;
    await scope.getByRole('button', { name: command, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (phone()) {
      const box = (await dialog.boundingBox())!;
      expect([box.width, box.height]).toEqual([PHONE.width, PHONE.height]);
    }
    await fill(dialog);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(state, { exact: true }).first().waitFor();
  }

  const showEvent = async (id: string) => {
    await page.goto(`${suite.baseUrl()}/#/gridEvents/${id}/show`);
    await page
      .getByText(/^WG\d{4}-\d{6}$/)
      .first()
      .waitFor();
  };

  it('when a grid worker reports on a phone and the street closes the loop, then each step lands and the evaluation shows', async () => {
    let id = '';
    await open(PHONE, 'grid');
    await withScreenshotOnFailure(page, 'grid-report-phone', async () => {
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '网格事件' }).click();
      await page.waitForURL(/#\/gridEvents/);
      await page.getByRole('link', { name: '新建' }).click();
      await page.waitForURL(/#\/gridEvents\/create$/);
      await page.getByRole('combobox', { name: '事件类别' }).click();
      await page.getByRole('option', { name: '消防隐患' }).click();
      await page.getByRole('textbox', { name: '事件描述' }).fill('三单元楼道堆放纸箱，堵塞消防通道');
      await page.getByRole('textbox', { name: '照片' }).fill('photos/e2e/stairwell.jpg');
      await page.getByRole('button', { name: '使用手机定位' }).click();
      await page.getByTestId('position').getByText('45.77320, 126.61690', { exact: false }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/#\/gridEvents\/[^/]+\/show$/);
      await page.getByText('已上报', { exact: true }).first().waitFor();
      id = decodeURIComponent(page.url().match(/gridEvents\/([^/]+)\/show/)![1]);
    });
    await page.context().close();

    await open(DESKTOP, 'tongjiang');
    await withScreenshotOnFailure(page, 'grid-dispatch', async () => {
      await showEvent(id);
      await step('立案', '已立案');
      await step('派遣', '已派遣', (d) =>
        d.getByRole('textbox', { name: '承办部门或人员' }).fill('道里区消防救援站'),
      );
      await step('开始处置', '处置中');
      await step('处置完毕', '已处置', (d) =>
        d.getByRole('textbox', { name: '处置结果' }).fill('纸箱已清走，通道畅通'),
      );
    });
    await page.context().close();

    await open(PHONE, 'grid');
    await withScreenshotOnFailure(page, 'grid-verify-phone', async () => {
      await showEvent(id);
      await step('核查通过', '已核查');
    });
    await page.context().close();

    await open(DESKTOP, 'tongjiang');
    await withScreenshotOnFailure(page, 'grid-close', async () => {
      await showEvent(id);
      await step('结案', '已结案');
    });
    await page.context().close();

    await open(PHONE, 'grid');
    await withScreenshotOnFailure(page, 'grid-evaluate-phone', async () => {
      await showEvent(id);
      await step('评价', '已评价', (d) => d.getByRole('radio', { name: '满意', exact: true }).check());
      await expect(page.getByTestId('evaluation').textContent()).resolves.toBe('满意');
      // The loop has ended: no step is left for the bar at the bottom.
      await expect(page.getByRole('button', { name: '评价', exact: true }).count()).resolves.toBe(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });
  });

  it('when a supervisor opens the public-security overview for 2012, then the article’s fall of 19.8% shows', async () => {
    await open(DESKTOP, 'supervisor');
    await withScreenshotOnFailure(page, 'security-overview', async () => {
      await page.goto(`${suite.baseUrl()}/#/security?region=230100&from=2012-01-01&to=2012-12-31`);
      await page.getByRole('group', { name: '发案总量' }).getByText('72,180').waitFor();
      await page.getByRole('group', { name: '发案总量' }).getByText('同比 -19.8%').waitFor();
      await page.getByRole('group', { name: '公众安全感满意度' }).getByText('92.9%').waitFor();
    });
  });

  it.each([
    ['phone', PHONE],
    ['desktop', { width: 1366, height: 900 }],
  ] as const)(
    'when a supervisor opens a grid unit on a %s, then its imported boundary is drawn without tiles, and a unit without one says so',
    async (name, viewport) => {
      await open(viewport, 'supervisor');
      await withScreenshotOnFailure(page, `grid-unit-${name}`, async () => {
        await page.goto(`${suite.baseUrl()}/#/grid-units?code=${gridUnitCode(SHANGHONG, 1)}`);
        const map = page.getByTestId('grid-unit-map');
        await map.waitFor();
        // The polygon as a vector on a plain background: no tile was asked for.
        await expect(map.locator('path.leaflet-interactive').count()).resolves.toBe(1);
        await expect(map.locator('img.leaflet-tile').count()).resolves.toBe(0);
        const box = (await map.boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(viewport.width);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({
          path: path.join(tmpdir(), `qiangji-grid-unit-${viewport.width}.png`),
          fullPage: true,
        });
        // Its second unit has no boundary imported: a sentence, no map.
        await page.goto(`${suite.baseUrl()}/#/grid-units?code=${gridUnitCode(SHANGHONG, 2)}`);
        await page.getByText('该网格尚未导入边界，暂无地图；导入边界后在此显示。').waitFor();
        await expect(page.getByTestId('grid-unit-map').count()).resolves.toBe(0);
      });
    },
  );
});

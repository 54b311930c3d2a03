import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { menuEntries, signIn } from './sign-in';
import { browserSuite, pick, scrollWidth } from './suite';

/** 上红社区, the article's smart community, where the demo's `shanghong` account works. */
const SHANGHONG = '230102010003';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('public services in the browser', () => {
  const suite = browserSuite();
  let page: Page;
  const phone = () => (page.viewportSize()?.width ?? DESKTOP.width) < 600;

  /** A step's button (in the bar at the bottom on a phone), its dialog, confirmed, and the new state shown. */
  async function step(
    command: string,
    state: string,
    fill: (dialog: Locator) => Promise<void> = async () => {},
  ) {
    const scope = phone() ? page.getByRole('toolbar', { name: '办理操作' }) : page;
    await scope.getByRole('button', { name: command, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(state, { exact: true }).first().waitFor();
  }

  /**
   * The article's story at the window: the senior citizen card (老年证) lost while travelling, the son applying for
   * his mother with his real name; the worker accepts, books the on-site appointment, handles it and completes it.
   */
  async function seniorCard() {
    await signIn(page, suite.baseUrl(), 'shanghong');
    if (phone()) await page.getByRole('button', { name: '打开菜单' }).click();
    else
      expect(await menuEntries(page)).toEqual(
        expect.arrayContaining(['办件', '服务事项', '政策公开', '社区']),
      );
    await page.getByRole('menuitem', { name: '办件' }).click();
    await page.waitForURL(/#\/serviceApplications/);
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/serviceApplications\/create$/);
    await pick(page, '受理点', new RegExp(SHANGHONG), SHANGHONG);
    await pick(page, '服务事项', '老年证办理（补办）', '老年证');
    const resident = page.getByRole('combobox', { name: '申请人（实名）' });
    await resident.click();
    await page.getByRole('option').first().click();
    // The item's own form, drawn from its schema: a choice that is required, a date, a yes/no.
    await pick(page, '办理原因', '遗失补办');
    await page.getByLabel('遗失地点').fill('北京');
    await page.getByRole('checkbox', { name: '居民身份证 *' }).check();
    await page.getByRole('checkbox', { name: '户口簿 *' }).check();
    await page.getByRole('checkbox', { name: '近期一寸免冠照片 *' }).check();
    await page.getByRole('textbox', { name: '代办人姓名' }).fill('宋建国');
    await page.getByRole('textbox', { name: '与申请人关系' }).fill('儿子');
    await page.getByRole('textbox', { name: '代办人身份证号' }).fill('23010219700101001X');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/serviceApplications\/[^/]+\/show$/);
    await page.getByText('已提交', { exact: true }).first().waitFor();
    // The son's ID number comes back masked, and the answers under the form's own labels.
    await page.getByText(/宋建国（儿子）230102\*+001X/).waitFor();
    await page.getByText('遗失补办', { exact: true }).waitFor();

    await step('受理', '已受理');
    await step('预约现场办理', '已预约', async (dialog) => {
      await dialog.getByRole('combobox', { name: '预约时段' }).click();
      await page.getByRole('option').first().click();
    });
    await step('现场办理', '已现场办理');
    await step('办结', '已办结');
    await expect(page.getByRole('button', { name: '受理', exact: true }).count()).resolves.toBe(0);
    for (const command of ['受理', '预约现场办理', '现场办理', '办结'])
      await page
        .getByText(new RegExp(`^${command} → `))
        .first()
        .waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  it('when a community worker takes the senior-card application from submitted to completed, then each step shows', async () => {
    page = await suite.open(DESKTOP);
    await withScreenshotOnFailure(page, 'services-senior-card', seniorCard);
  });

  it('when the worker does the same on a phone, then every step is within reach and nothing scrolls sideways', async () => {
    page = await suite.open(PHONE);
    await withScreenshotOnFailure(page, 'services-senior-card-phone', seniorCard);
  });

  it('when 上红社区’s page is opened without a tile server, then the 1,000 m map draws the circle and the points', async () => {
    page = await suite.open(DESKTOP);
    await withScreenshotOnFailure(page, 'services-community-map', async () => {
      await signIn(page, suite.baseUrl(), 'supervisor');
      await page.goto(`${suite.baseUrl()}/#/communityProfiles/${SHANGHONG}/show`);
      const map = page.getByTestId('convenience-map');
      await map.waitFor();
      const list = page.getByRole('list', { name: '1000米便民服务地图' });
      await list.getByText(/ 米$/).first().waitFor();
      const points = await list.getByRole('listitem').count();
      expect(points).toBeGreaterThanOrEqual(20);
      // Vectors only: the circle, the centre and one marker per point; no tile was asked for.
      await expect(map.locator('path.leaflet-interactive').count()).resolves.toBe(points + 2);
      await expect(map.locator('img.leaflet-tile').count()).resolves.toBe(0);
      await page.getByText('中心社区', { exact: true }).waitFor();
      await page.getByText('便民助老', { exact: true }).waitFor();
      await page.screenshot({
        path: path.join(tmpdir(), 'qiangji-services-community-1366.png'),
        fullPage: true,
      });
    });
  });
});

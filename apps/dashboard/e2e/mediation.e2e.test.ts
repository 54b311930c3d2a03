import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { menuEntries, signIn } from './sign-in';
import { browserSuite, pick, scrollWidth } from './suite';

/** 双金村 of 延寿镇, whose committee the seed heads with 敖亚斌 (the article's village). */
const VILLAGE = '230129100204';
const VILLAGE_MEDIATOR = '敖亚斌';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');

/** Today in Harbin, as the dashboard writes a day: 2026年5月14日. */
function chineseToday(): string {
  const today = new Date(Date.now() + 8 * 3600_000);
  return `${today.getUTCFullYear()}年${today.getUTCMonth() + 1}月${today.getUTCDate()}日`;
}

describe('grand mediation in the browser', () => {
  const suite = browserSuite();
  let page: Page;
  beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));
  const phone = () => (page.viewportSize()?.width ?? DESKTOP.width) < 600;

  /**
   * A step's button. On a phone it sits in the bar at the bottom of the screen, within reach however far the
   * page is scrolled, and the page never scrolls sideways.
   */
  async function stepButton(command: string): Promise<Locator> {
    if (!phone()) return page.getByRole('button', { name: command, exact: true });
    const button = page
      .getByRole('toolbar', { name: '办理操作' })
      .getByRole('button', { name: command, exact: true });
    await button.waitFor();
    for (const top of [0, 'end'] as const) {
      await page.evaluate((y) => window.scrollTo(0, y === 'end' ? document.body.scrollHeight : y), top);
      const box = (await button.boundingBox())!;
      expect([command, box.y >= 0 && box.y + box.height <= PHONE.height]).toEqual([command, true]);
      // A finger's target, not a pointer's.
      expect(box.height).toBeGreaterThanOrEqual(36);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    return button;
  }

  /** Opens a step's dialog; on a phone it takes the whole screen. */
  async function openStep(command: string): Promise<Locator> {
    await (await stepButton(command)).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (phone()) {
      const box = (await dialog.boundingBox())!;
      expect([box.width, box.height]).toEqual([PHONE.width, PHONE.height]);
    }
    return dialog;
  }

  /** Presses a command button of the case page, fills its dialog, confirms, and waits for the new state. */
  async function step(
    command: string,
    state: string,
    fill: (dialog: Locator) => Promise<void> = async () => {},
  ) {
    const dialog = await openStep(command);
    await fill(dialog);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('group', { name: '案件状态' }).getByText(state, { exact: true }).waitFor();
  }

  /** Registers a case in the article's village through the form, from the menu, as a mediator would. */
  async function register(title: string) {
    if (phone()) await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '矛盾纠纷' }).click();
    await page.waitForURL(/#\/disputeCases/);
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/#\/disputeCases\/create$/);
    await pick(page, '纠纷类型', '土地纠纷');
    await page.getByRole('textbox', { name: '案由' }).fill(title);
    await page
      .getByRole('textbox', { name: '纠纷简要情况' })
      .fill('村民将屯内约百米机耕路翻耕种地，邻户农机无法通行。');
    await pick(page, '发生地', new RegExp(VILLAGE), VILLAGE);
    const names = page.getByRole('textbox', { name: '姓名' });
    await names.nth(0).fill('王某');
    await names.nth(1).fill('李某');
    await page.getByRole('textbox', { name: '联系电话' }).nth(0).fill('13800001234');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/disputeCases\/[^/]+\/show$/);
  }

  /**
   * Intake to closed: every step through its dialog, a reassignment of the same mediator refused in words, and
   * the timeline telling the whole story, oldest first, with the days written as everywhere else.
   */
  async function takeCaseToClosed(title: string) {
    await register(title);
    const status = page.getByRole('group', { name: '案件状态' });
    await status.getByText('已登记', { exact: true }).waitFor();
    // The contact comes back masked.
    await page.getByRole('cell', { name: '138****1234' }).waitFor();

    await step('受理', '已受理');
    await step('指派调解员', '已指派调解员', (dialog) =>
      pick(dialog, '调解员', VILLAGE_MEDIATOR, VILLAGE_MEDIATOR.slice(0, 1)),
    );
    // The same mediator again changes nothing: the API refuses it, and the dialog says why under the field.
    const again = await openStep('指派调解员');
    await again.getByText(`现任调解员：${VILLAGE_MEDIATOR}`).waitFor();
    await pick(again, '调解员', VILLAGE_MEDIATOR, VILLAGE_MEDIATOR.slice(0, 1));
    await again.getByRole('button', { name: '确定' }).click();
    await again.getByText('该调解员已是本案的调解员，无需重复指派').waitFor();
    await again.getByRole('button', { name: '取消' }).click();
    await again.waitFor({ state: 'detached' });

    await step('记录调解', '调解中', async (dialog) => {
      await dialog.getByRole('textbox', { name: '地点' }).fill('双金村村委会');
      await dialog.getByRole('textbox', { name: '参加人员' }).fill(`${VILLAGE_MEDIATOR}、王某、李某`);
    });
    await expect(status.getByText('正常', { exact: true }).count()).resolves.toBe(1);
    await step('达成协议', '达成协议', async (dialog) => {
      await dialog
        .getByRole('textbox', { name: '协议内容' })
        .fill('李某十日内恢复机耕路原状，王某不再追究。');
      await dialog.getByRole('textbox', { name: '签字人' }).fill('王某、李某');
    });
    // Concluded: the follow-up has a date, but the domain never counts a concluded case late, so no chip.
    await expect(status.textContent()).resolves.not.toMatch(/正常|即将超期|已超期/);
    await step('回访', '回访中', (dialog) => dialog.getByRole('radio', { name: '是' }).check());
    await step('结案', '已结案');

    // Closed: no step is left, and the timeline tells the whole story, oldest first.
    await expect(page.getByRole('button', { name: '受理', exact: true }).count()).resolves.toBe(0);
    const timeline = page.getByRole('region', { name: '办理过程' });
    const steps = await timeline.getByRole('heading', { level: 3 }).allTextContents();
    expect(steps).toEqual(['登记', '受理', '指派调解员', '记录调解', '达成协议', '回访', '结案']);
    await timeline.getByText(`调解员：${VILLAGE_MEDIATOR}`).waitFor();
    await timeline.getByText('地点：双金村村委会').waitFor();
    await timeline.getByText('是否履行：是').waitFor();
    // The session's day as every page writes days (2026年5月14日), and the person who took the steps by name.
    await timeline.getByText(`日期：${chineseToday()}`).first().waitFor();
    await timeline.getByText(`签订日期：${chineseToday()}`).waitFor();
    await expect(timeline.getByText(/ · 延寿镇调解员$/).count()).resolves.toBe(steps.length);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  it('when a mediator takes a case from intake to closed, then each step shows its state and the timeline lists them all', async () => {
    page = await suite.open(DESKTOP);
    await withScreenshotOnFailure(page, 'mediation-case', async () => {
      await signIn(page, suite.baseUrl(), 'mediator');
      const menu = await menuEntries(page);
      expect(menu).toEqual(expect.arrayContaining(['矛盾纠纷', '大调解概况', '调解组织', '调解员']));
      await takeCaseToClosed('金圣屯机耕路占用纠纷');

      // 打印案卷: on paper the case file is the record alone, no bar, menu or button, across the page's width.
      await page.emulateMedia({ media: 'print' });
      for (const hidden of [
        page.locator('header').first(),
        page.getByRole('menuitem', { name: '矛盾纠纷' }),
        page.getByRole('button', { name: '打印案卷' }),
      ])
        expect(await hidden.isVisible()).toBe(false);
      await expect(
        page.getByRole('heading', { level: 1, name: /金圣屯机耕路占用纠纷/ }).isVisible(),
      ).resolves.toBe(true);
      const timeline = page.getByRole('region', { name: '办理过程' });
      await expect(timeline.getByRole('heading', { name: '结案', level: 3 }).isVisible()).resolves.toBe(true);
      const card = (await page.locator('.RaLayout-content').boundingBox())!;
      expect(card.x).toBeLessThanOrEqual(1);
      expect(card.width).toBeGreaterThanOrEqual(DESKTOP.width - 2);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'case-file-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    });
  });

  it('when a mediator takes a case from intake to closed on a phone, then every step is within reach and every dialog fits the screen', async () => {
    page = await suite.open(PHONE);
    await withScreenshotOnFailure(page, 'mediation-case-phone', async () => {
      await signIn(page, suite.baseUrl(), 'mediator');
      await takeCaseToClosed('金圣屯水渠堵塞纠纷');
      // Closed: the bar at the bottom is gone with the last step.
      await expect(page.getByRole('toolbar', { name: '办理操作' }).isVisible()).resolves.toBe(false);
    });
  });

  it('when a supervisor opens the overview, then it shows this year, offers the years with cases, and 2012 the article’s figures', async () => {
    page = await suite.open(DESKTOP);
    await withScreenshotOnFailure(page, 'mediation-overview', async () => {
      await signIn(page, suite.baseUrl(), 'supervisor');
      await page.getByRole('menuitem', { name: '大调解概况' }).click();
      await page.waitForURL(/#\/mediation/);
      // This year in Harbin, whose cases the seed plays up to today.
      const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
      await page.getByRole('heading', { name: `哈尔滨市 ${thisYear}年大调解工作` }).waitFor();
      const year = page.getByRole('combobox', { name: '年度' });
      await expect(year.textContent()).resolves.toBe(`${thisYear}年`);
      await year.click();
      const offered = await page.getByRole('option').allTextContents();
      // The years with accepted cases, newest first: not every year since 2012.
      expect(offered[0]).toBe(`${thisYear}年`);
      expect(offered).toEqual(expect.arrayContaining(['2013年', '2012年', '2011年', '2009年']));
      expect(offered).not.toContain('2010年');
      await page.getByRole('option', { name: '2012年' }).click();
      await page.waitForURL(/from=2012-01-01&to=2012-12-31/);
      const kpi = (name: string) => page.getByRole('group', { name, exact: true });
      await kpi('受理').getByText('10,368', { exact: true }).waitFor();
      await kpi('调解成功').getByText('9,917', { exact: true }).waitFor();
      await kpi('调解率').getByText('95.7%', { exact: true }).waitFor();
      await page.getByRole('heading', { name: /哈尔滨市/ }).waitFor();

      const districts = page.getByRole('table', { name: '下级区域' });
      await districts.getByRole('link', { name: '延寿县', exact: true }).click();
      await page.waitForURL(/#\/mediation\?region=230129&/);
      await page.getByRole('heading', { name: /延寿县/ }).waitFor();
      // Its towns now, and the trail leads back up to the city.
      await page.getByRole('table', { name: '下级区域' }).getByRole('link', { name: '延寿镇' }).waitFor();
      await page
        .getByRole('navigation', { name: '区划层级' })
        .getByRole('link', { name: '哈尔滨市' })
        .waitFor();
    });
  });
});

import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { menuEntries, signIn } from './sign-in';
import { browserSuite } from './suite';

/** 上红社区 lies in 道里区 (230102): the seeded residents' ID numbers start with its code, the rest masked. */
const MASKED_ID = /^230102\*{8}\d{3}[\dX]$/;
const FULL_ID = /^230102\d{11}[\dX]$/;

describe('residents in the browser', () => {
  // No locale asked for, as before the suite: the dashboard is in Chinese whatever the browser prefers.
  const suite = browserSuite({ locale: undefined });
  let page: Page;

  beforeEach(async () => {
    // A fresh context per test: a new browser, so the previous user's session is gone.
    page = await suite.open({ width: 1280, height: 900 });
  });

  /** Opens 居民 from the menu and waits for the masked ID numbers of the first page. */
  async function openResidents(): Promise<string[]> {
    await page.getByRole('menuitem', { name: '居民' }).click();
    await page.waitForURL(/#\/residents/);
    const masked = page.getByRole('cell', { name: MASKED_ID });
    await masked.first().waitFor();
    return masked.allTextContents();
  }

  it('when community staff reveal a resident with a purpose, then the full ID number shows in the dialog only', async () => {
    await withScreenshotOnFailure(page, 'reveal', async () => {
      await signIn(page, suite.baseUrl(), 'shanghong');
      const maskedIds = await openResidents();
      expect(maskedIds.length).toBeGreaterThan(0);
      // Nothing unmasked on the list.
      await expect(page.getByRole('cell', { name: FULL_ID }).count()).resolves.toBe(0);

      await page.getByRole('cell', { name: MASKED_ID }).first().click();
      await page.waitForURL(/#\/residents\/[^/]+\/show$/);
      const masked = (await page.getByText(MASKED_ID).first().textContent())!;

      await page.getByRole('button', { name: '查看完整信息' }).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: '查看', exact: true });
      // A purpose shorter than MIN_PURPOSE_LENGTH (4) cannot be sent.
      await dialog.getByRole('textbox', { name: '查看事由' }).fill('核实');
      await expect(confirm.isDisabled()).resolves.toBe(true);
      await dialog.getByRole('textbox', { name: '查看事由' }).fill('核实低保申请材料');
      await confirm.click();

      const full = dialog.getByText(FULL_ID);
      await full.waitFor();
      const idNumber = (await full.textContent())!;
      expect(idNumber).toHaveLength(18);
      // The same person: the masked number's visible ends match.
      expect(idNumber.slice(0, 6)).toBe(masked.slice(0, 6));
      expect(idNumber.slice(-4)).toBe(masked.slice(-4));

      // Shown in the dialog only: closed, the page holds the masked number again and nowhere the full one.
      await dialog.getByRole('button', { name: '关闭' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(idNumber);
    });
  });

  it('when a supervisor opens a resident, then there is no Reveal button and no user or API-key menu', async () => {
    await withScreenshotOnFailure(page, 'supervisor', async () => {
      await signIn(page, suite.baseUrl(), 'supervisor');
      const menu = await menuEntries(page);
      expect(menu).toEqual(expect.arrayContaining(['行政区划', '居民', '住户']));
      for (const hidden of ['用户', 'API 密钥', '审计日志']) expect(menu).not.toContain(hidden);

      await openResidents();
      await page.getByRole('cell', { name: MASKED_ID }).first().click();
      await page.waitForURL(/#\/residents\/[^/]+\/show$/);
      await page.getByText(MASKED_ID).first().waitFor();
      await expect(page.getByRole('button', { name: '查看完整信息' }).count()).resolves.toBe(0);
      // SUPERVISOR reads and changes nothing.
      await expect(page.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    });
  });
});

import type { Page } from 'playwright-core';

/** The seeded demo accounts' password (apps/api access.seed.ts). */
export const DEMO_PASSWORD = 'qiangji-demo';

// The first page load parses the whole 1 MB bundle before the login form appears; on a busy CI machine
// that alone has taken 25 s, far beyond the per-step timeout.
const FIRST_LOAD_TIMEOUT_MS = 90_000;

/** Signs in on the login page as a user would, and waits until the signed-in layout shows who it is. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const usernameInput = page.getByRole('textbox', { name: '用户名' });
  await usernameInput.waitFor({ timeout: FIRST_LOAD_TIMEOUT_MS });
  await usernameInput.fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // The user menu shows "username · jurisdiction" once the session is established; on a phone it is an icon.
  const phone = (page.viewportSize()?.width ?? 1280) < 600;
  await (phone ? page.getByRole('button', { name: '个人资料' }) : page.getByText(`${username} · `)).waitFor();
}

/** The names of the sidebar's entries, e.g. ['首页', '行政区划', '居民', '住户']. */
export async function menuEntries(page: Page): Promise<string[]> {
  await page.getByRole('menuitem', { name: '首页' }).waitFor();
  return (await page.getByRole('menuitem').allTextContents()).map((text) => text.trim());
}

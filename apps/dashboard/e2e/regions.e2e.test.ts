import type { Page } from 'playwright-core';
import { withScreenshotOnFailure } from './browser';
import { signIn } from './sign-in';
import { browserSuite } from './suite';

/** 哈尔滨市's 18 districts, counties and county-level cities, in code order, as seeded by the API. */
const HARBIN_DISTRICTS = [
  '道里区',
  '南岗区',
  '道外区',
  '平房区',
  '松北区',
  '香坊区',
  '呼兰区',
  '阿城区',
  '双城区',
  '依兰县',
  '方正县',
  '宾县',
  '巴彦县',
  '木兰县',
  '通河县',
  '延寿县',
  '尚志市',
  '五常市',
];

describe('region drill-down in the browser', () => {
  // No locale asked for: the dashboard is in Chinese whatever the browser prefers.
  const suite = browserSuite({ locale: undefined });
  let page: Page;

  beforeEach(async () => {
    // A fresh context per test: react-admin keeps the locale and list state in localStorage.
    page = await suite.open({ width: 1280, height: 900 });
    // The API answers anonymous callers with 401 only; a city supervisor sees the whole region tree.
    await signIn(page, suite.baseUrl(), 'supervisor');
  });

  it('when an official opens the dashboard, then 哈尔滨市 and its 18 districts and counties show in Chinese', async () => {
    await withScreenshotOnFailure(page, 'home', async () => {
      await page.goto(`${suite.baseUrl()}/`);
      const districts = page.getByRole('list', { name: '下辖区、县（市）' });
      await districts.getByText(HARBIN_DISTRICTS[0], { exact: true }).waitFor();
      const shown: string[] = [];
      for (const name of HARBIN_DISTRICTS) {
        if (await districts.getByRole('link').getByText(name, { exact: true }).isVisible()) shown.push(name);
      }
      expect(shown).toEqual(HARBIN_DISTRICTS);
      await expect(districts.getByRole('link').count()).resolves.toBe(HARBIN_DISTRICTS.length);
      await page.getByRole('link', { name: '哈尔滨市', exact: true }).waitFor();
    });
  });

  it('when the official clicks 道里区, then its streets show under a breadcrumb from 哈尔滨市', async () => {
    await withScreenshotOnFailure(page, 'drill-down', async () => {
      await page.goto(`${suite.baseUrl()}/`);
      // The home page's tiles of the districts (the command view above them has its own links to 道里区).
      await page
        .getByRole('list', { name: '下辖区、县（市）' })
        .getByRole('link')
        .filter({ hasText: '道里区' })
        .click();
      await page.waitForURL(/#\/regions\/230102\/show$/);
      const breadcrumb = page.getByRole('navigation', { name: '区划层级' });
      await breadcrumb.getByRole('link', { name: '哈尔滨市' }).waitFor();
      await expect(breadcrumb.getByText('道里区', { exact: true }).isVisible()).resolves.toBe(true);
      await page.getByRole('cell', { name: '通江街道', exact: true }).waitFor();
    });
  });
});

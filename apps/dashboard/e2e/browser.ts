import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; the flags keep it quiet and offline in CI containers. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Runs a test's steps; if one fails, saves what the page looked like and names the file in the error. */
export async function withScreenshotOnFailure(
  page: Page,
  name: string,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const file = path.join(tmpdir(), `qiangji-e2e-${name}-${Date.now()}.png`);
    const saved = await page.screenshot({ path: file, fullPage: true }).then(
      () => `screenshot: ${file}`,
      (screenshotError: Error) => `no screenshot: ${screenshotError.message}`,
    );
    // Jest prints the stack, which was fixed when the error was made, so a new error carries the file name.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n(${saved})`, { cause: error });
  }
}

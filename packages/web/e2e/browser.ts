// Launches the machine's Chromium (Debian package) through playwright-core for the browser tests.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD } from '../../server/test/harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumMissing(): string | false {
  return fs.existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** A 2×2 PNG: a real image by its magic bytes (what the upload check asks) that a browser can draw. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

/** Signs a test staff account (password PASSWORD) in through the login page and waits for the console. */
export async function signIn(page: Page, baseUrl: string, workspace: string, username: string): Promise<Page> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-workspace').fill(workspace);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('member-search').waitFor();
  return page;
}

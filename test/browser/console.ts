import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Runtime } from '../../infra/local/runtime';
import { startTestRuntime } from '../support/runtime';

export const DEMO = 'bqlkkt-phuquoc';
/** A common phone's screen. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const SCREENSHOTS = 'test-artifacts/screenshots';

/** Debian's chromium, headless, with everything that would call out to the network turned off. */
const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync', '--metrics-recording-only', '--no-first-run'],
  });

export interface ConsoleSession {
  readonly runtime: Runtime;
  readonly browser: Browser;
  /** A fresh browser context (its own session storage) signed in as this user, on the console's home page. */
  signIn(role: string, memberId?: string, viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

/** The local runtime with the demo seeded at `now` (clock frozen), serving the console built for this run. */
const startConsole = async (now: Date): Promise<ConsoleSession> => {
  const runtime = await startTestRuntime(now, { seed: true, web: inject('webDist') });
  const browser = await launch();
  return {
    runtime,
    browser,
    async signIn(role, memberId, viewport = DESKTOP) {
      const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'vi-VN' });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(runtime.url);
      await page.getByLabel('Vai trò').selectOption(role);
      if (memberId) await page.getByLabel('Người dùng').selectOption(memberId);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      return page;
    },
    async stop() {
      await browser.close();
      await runtime.stop();
    },
  };
};

/** On a phone the menu is folded: opens it, to choose a page from it. */
export const openMenu = (page: Page) => page.locator('details.menu > summary').click();

/** Checks the page fits a phone's width: wide tables scroll within it, the page never sideways. */
export const fitsPhone = async (page: Page) => {
  // Evaluated in the page (a string: the tests are type-checked without the DOM library).
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
};

/** The whole page, or with `fullPage: false` what the screen shows (a modal dialog covers the screen, not the page). */
export const screenshot = async (page: Page, name: string, { fullPage = true } = {}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
};

/** The console for one describe block, started (at `now`, demo seeded) before its tests and stopped after them. */
export const consoleAt = (now: Date) => {
  let session: ConsoleSession | undefined;
  beforeAll(async () => {
    session = await startConsole(now);
  });
  afterAll(() => session?.stop());
  return () => session!;
};

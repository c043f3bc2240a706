import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  smallPhone: { width: 360, height: 740 },
} as const;

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: keyof typeof VIEWPORTS = 'desktop',
  locale = 'ru-RU',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[viewport],
    locale,
    isMobile: viewport !== 'desktop',
    hasTouch: viewport !== 'desktop',
    acceptDownloads: true,
  });
  // No map tiles or other outside requests in tests: the closed network would only slow pages down.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core on the current page: no WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page, exclude: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
  await expectLabelsContainVisibleText(page);
}

/**
 * WCAG 2.5.3 (label in name): every control named by aria-label contains its visible text. axe-core
 * marks this rule experimental, so the tag run leaves it out; it is asked for by name here, on every
 * page `expectAccessible` checks.
 */
export async function expectLabelsContainVisibleText(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
}

/** Staff sign-in through the real form. */
export async function signInStaff(page: Page, login: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Логин|Login/).fill(login);
  await page.getByLabel(/Пароль|Password/).fill(password);
  await page.getByRole('button', { name: /^(Войти|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Citizen sign-in through the embedded demo OpenID provider (the ЕСИА stand-in). */
export async function signInCitizen(page: Page, sub = 'esia-1000001', returnTo = '/my'): Promise<void> {
  await page.goto(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('link', { name: /Госуслуги|Gosuslugi/ }).click();
  await page.locator(`input[name="sub"][value="${sub}"]`).check();
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(returnTo));
}

/**
 * How far the page is wider than the phone's layout viewport, in CSS pixels (≤ 0: no sideways scroll).
 * A mobile Chromium zooms a too-wide page out, and `innerWidth` grows with it, so `scrollWidth −
 * innerWidth` reads 0; the layout viewport (`clientWidth`) stays the device's width.
 */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    'Math.max(document.documentElement.scrollWidth, window.innerWidth) - document.documentElement.clientWidth',
  );
}

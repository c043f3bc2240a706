import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signInCitizen,
  signInStaff,
} from './support/browser.js';

describe('platform: home, languages, sign-in', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the home page in Russian on desktop and phone, accessible, and switches to English', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await newContext(browser, server.url, viewport);
      const page = await context.newPage();
      await page.goto('/');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
      await page.getByRole('heading', { level: 1, name: /Детский сад — понятно и честно/ }).waitFor();
      await expect.poll(() => page.getByText('Демо-область').first().isVisible()).toBe(true);
      await expectAccessible(page);
      await screenshot(page, `home-${viewport}`);
      if (viewport === 'phone') {
        const menu = page.getByRole('button', { name: /Меню|Menu/ });
        if (await menu.isVisible()) await menu.click();
      }
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kindergarten, clearly and fairly' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      if (viewport === 'desktop') await screenshot(page, 'home-desktop-en');
      await context.close();
    }
  });

  it('accepts every demo staff login through the API, and a head and an officer through the form', async () => {
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as {
      demoLogins: { login: string; password: string }[];
    };
    expect(region.demoLogins.length).toBeGreaterThan(5);
    for (const demo of region.demoLogins) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: demo.login, password: demo.password }),
      });
      expect(res.status, demo.login).toBe(200);
    }
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const officer = region.demoLogins.find((l) => l.login.startsWith('officer-'))!;
    await signInStaff(page, officer.login, officer.password);
    await page.getByRole('button', { name: /Выйти/ }).waitFor();
    await screenshot(page, 'officer-signed-in');
    await context.close();
  });

  it('signs a citizen in through the demo Госуслуги provider', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000001', '/account');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByText(/Смирнова/).count()).toBeGreaterThan(0);
    await screenshot(page, 'citizen-account-phone');
    await context.close();
  });
});

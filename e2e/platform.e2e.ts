import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  expectAccessible,
  expectLabelsContainVisibleText,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
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
      await page.getByRole('heading', { level: 1, name: 'Услуги для семей региона' }).waitFor();
      await expect.poll(() => page.getByText('Демо-область').first().isVisible()).toBe(true);
      await expectAccessible(page);
      // The brand link is named by what it shows: product and region.
      await page.getByRole('link', { name: 'Открытый регион Демо-область', exact: true }).waitFor();
      await expectLabelsContainVisibleText(page);
      await screenshot(page, `home-${viewport}`);
      if (viewport === 'phone') {
        const menu = page.getByRole('button', { name: /Меню|Menu/ });
        if (await menu.isVisible()) await menu.click();
      }
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Services for the region’s families' }).waitFor();
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

  it('is usable on a 360 px phone: no sideways scroll, skip link, accessible login page', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-phone-360');
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        page.evaluate<boolean>(
          "document.activeElement?.textContent?.includes('Перейти к содержимому') ?? false",
        ),
      )
      .toBe(true);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'login-phone-360');
    // Wrong passwords in a row: the second failure makes the next try wait, said in Russian.
    await page.getByLabel('Логин', { exact: true }).fill('no-such-login-e2e');
    await page.getByLabel('Пароль', { exact: true }).fill('wrong');
    const submit = page.getByRole('button', { name: 'Войти' });
    await submit.click();
    await page.getByText('Неверный логин или пароль').waitFor();
    const second = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
    await submit.click();
    expect((await second).status()).toBe(401);
    await submit.click();
    await page.getByText(/Несколько неудачных попыток подряд\. Подождите \d+ с/).waitFor();
    // The button rests for the wait, so impatient clicks are not counted as more failures.
    expect(await submit.isDisabled()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('lets the auditor read and verify the audit log; account and notifications pass axe', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInStaff(page, 'auditor'); // lands on the audit log, the auditor's home
    await page.goto('/account');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Журнал аудита' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Журнал аудита' }).waitFor();
    const auditTable = page.getByRole('table', { name: /Записи журнала аудита/ });
    await auditTable.waitFor();
    // Focus goes to the page heading after in-app navigation.
    await expect
      .poll(() => page.evaluate<string>("document.activeElement?.outerHTML.slice(0, 80) ?? ''"))
      .toMatch(/data-page-heading/);
    // The unfiltered table already has rows: wait for the filtered answer, then for it on screen.
    await page.getByLabel('Действие').fill('auth.login');
    const filtered = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/audit/events' && r.url().includes('action=auth.login'),
    );
    await page.getByRole('button', { name: 'Показать' }).click();
    await filtered;
    await expect
      .poll(async () => (await auditTable.getByRole('row').allInnerTexts()).slice(1))
      .toSatisfy((rows: string[]) => rows.length > 0 && rows.every((r) => r.includes('auth.login')));
    await page.getByRole('button', { name: 'Проверить цепочку' }).click();
    await page.getByText(/Цепочка цела/).waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    await screenshot(page, 'staff-audit-desktop');
    for (const path of ['/account', '/notifications']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page);
    }
    // Sign out: the staff-only page now asks to sign in. The app goes home once the server has
    // ended the session; leaving earlier could cancel the sign-out request.
    await page.getByRole('button', { name: /Выйти/ }).first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/staff/audit');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel(/Пароль|Password/).waitFor();
    expect(await auditTable.count()).toBe(0);
    await context.close();
  });
});

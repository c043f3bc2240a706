import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
  signInCitizen,
  signInStaff,
} from './support/browser.js';

/** The menu button is the header's only control with aria-expanded. */
const menuHasFocus = (page: Page) =>
  page.evaluate<boolean>(
    "document.activeElement?.closest('header')?.querySelector('[aria-expanded]') === document.activeElement",
  );

describe('portal: the home page of every family service', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each service with its live figure on a 360 px phone and on desktop, in Russian and English', async () => {
    const summary = (await (await fetch(`${server.url}/api/kindergartens/summary`)).json()) as {
      items: { freePlaces: number }[];
    };
    const free = summary.items.reduce((sum, m) => sum + m.freePlaces, 0);
    expect(free).toBeGreaterThan(0);
    for (const viewport of ['smallPhone', 'desktop'] as const) {
      const context = await newContext(browser, server.url, viewport);
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Услуги для семей региона' }).waitFor();
      const card = (title: string) =>
        page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      // The figure is the public summary's total, formatted for the language.
      const figure = async (title: string, label: string) => {
        const match = new RegExp(`${label}: ([\\d\\s,]+)`).exec(await card(title).innerText());
        return match ? Number(match[1]!.replace(/\D/g, '')) : null;
      };
      await expect.poll(() => figure('Детские сады', 'Свободных мест')).toBe(free);
      await page.getByRole('heading', { level: 2, name: 'Новости' }).waitFor();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, `portal-home-${viewport}-ru`);

      if (viewport === 'smallPhone') await page.getByRole('button', { name: 'Меню' }).click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Services for the region’s families' }).waitFor();
      await expect.poll(() => figure('Kindergartens', 'Free places')).toBe(free);
      if (viewport === 'smallPhone') {
        // The language switch lives in the menu on a phone: close it before the picture.
        await page.keyboard.press('Escape');
      }
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, `portal-home-${viewport}-en`);
      await context.close();
    }
  });

  it('searches across services and the kindergartens by name', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: 'Что вы ищете?' });
    await search.fill('очередь');
    const results = page.getByRole('region', { name: 'Результаты поиска' });
    await results.getByRole('link', { name: 'Детские сады' }).waitFor();

    const list = (await (await fetch(`${server.url}/api/kindergartens?pageSize=1`)).json()) as {
      items: { id: number; nameRu: string }[];
    };
    const name = list.items[0]!.nameRu;
    await search.fill(name);
    await results.getByRole('link', { name }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-search-phone');
    await results.getByRole('link', { name }).first().click();
    await page.waitForURL((url) => url.pathname === `/kindergartens/${list.items[0]!.id}`);

    await page.goto('/');
    await search.fill('жжжжжж');
    await page.getByRole('status').filter({ hasText: 'ничего не нашлось' }).waitFor();
    await context.close();
  });

  it('opens the menu by keyboard on a 360 px phone and closes it with Escape', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const menu = page.getByRole('button', { name: 'Меню' });
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await menuHasFocus(page)) break;
    }
    expect(await menuHasFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await nav.getByRole('link', { name: 'Детские сады' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-menu-phone-360');
    // The next Tab goes into the menu, not past it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("document.activeElement?.closest('nav') != null")).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menuHasFocus(page)).toBe(true);
    await context.close();
  });

  it('puts a parent’s requests first and a staff member’s work of their roles', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000001', '/my');
    await page.goto('/');
    const family = page.getByRole('region', { name: 'Мои заявления' });
    await family.waitFor();
    await family.getByRole('link', { name: 'Направления' }).waitFor();
    // The block shows what the platform's registry holds for this parent: their open requests.
    const open = await page.evaluate<{
      total: number;
      items: { module: string; kind: string; reference: string | null }[];
    }>("fetch('/api/my/requests?state=open&pageSize=5').then((r) => r.json())");
    if (open.total === 0) await family.getByText('Открытых заявлений нет').waitFor();
    // Each service names its own kinds of request.
    const KIND_NAMES: Record<string, string> = {
      'kindergarten/kindergarten.application': 'Заявление в детский сад',
      'feedback/appeal': 'Обращение',
      'feedback/message': 'Сообщение о проблеме',
    };
    for (const item of open.items) {
      const name = KIND_NAMES[`${item.module}/${item.kind}`];
      expect(name, `${item.module}/${item.kind}`).toBeDefined();
      const reference = (item.reference ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await family.getByRole('link', { name: new RegExp(`${name}, №\\s${reference}`) }).waitFor();
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-home-parent-phone');
    await context.close();

    const staff = await newContext(browser, server.url);
    const officerPage = await staff.newPage();
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as {
      demoLogins: { login: string; password: string }[];
    };
    const officer = region.demoLogins.find((l) => l.login.startsWith('officer-'))!;
    await signInStaff(officerPage, officer.login, officer.password);
    await officerPage.goto('/');
    const work = officerPage.getByRole('region', { name: 'Ваша работа' });
    await work.getByRole('link', { name: 'Комплектование' }).waitFor();
    expect(await work.getByRole('link', { name: 'Журнал аудита' }).count()).toBe(0);
    await expectAccessible(officerPage);
    await screenshot(officerPage, 'portal-home-officer-desktop');
    await staff.close();
  });
});

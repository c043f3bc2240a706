import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, screenshot } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

describe('catalog: a parent on a phone finds free places for a 3-year-old near an address', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters, measures distance from an address, opens a kindergarten and sees groups and charts', async () => {
    // An address on a street where kindergartens stand (what a parent would type).
    const sample = (await (
      await fetch(`${server.url}/api/kindergartens?age=3&freeOnly=true&pageSize=1`)
    ).json()) as { items: { address: string }[] };
    const address = sample.items[0]!.address.replace(/\d+[а-я]?$/u, '12');

    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await page.goto('/kindergartens');
    await page.getByRole('heading', { level: 1, name: 'Детские сады' }).waitFor();
    await page.getByLabel('Возраст ребёнка').selectOption('3');
    await page.getByLabel('Только со свободными местами').check();
    await page.getByLabel('Адрес, от которого считать расстояние').fill(address);
    await page.getByRole('button', { name: 'Найти адрес' }).click();
    await page.getByText(/Расстояние считается от:/).waitFor();
    // The address lands on top of the filters ticked before it, not instead of them.
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toMatchObject({ age: '3', freeOnly: 'true', sort: 'distance' });
    const firstCard = page.locator('ul[aria-label="Детские сады"] > li').first();
    await firstCard.getByText(/свободно для детей 3 лет/).waitFor();
    await firstCard.getByText(/км/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-phone-list');

    // Search as you type narrows the same list.
    const name = (await firstCard.getByRole('heading').innerText()).trim();
    const word = name.match(/«([^»]+)»/)?.[1]?.slice(0, 4) ?? name.slice(0, 4);
    // The first card already contains the word: wait for the narrowed answer and its count on
    // screen, or the click below could land on the list as it was before the search.
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/kindergartens' && url.searchParams.get('q') === word.trim();
    });
    // Letter by letter, as a parent types: none may be lost while the URL catches up.
    const search = page.getByLabel('Название или адрес');
    await search.pressSequentially(word);
    expect(await search.inputValue()).toBe(word);
    const { total } = (await (await searched).json()) as { total: number };
    await page.getByText(`Найдено: ${total}`, { exact: true }).waitFor();
    await expect
      .poll(() => page.locator('ul[aria-label="Детские сады"] > li').first().innerText())
      .toContain(word);

    await page.locator('ul[aria-label="Детские сады"] > li').first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Группы и свободные места' }).waitFor();
    await page.locator('[data-testid="history-chart"] svg').first().waitFor();
    const rows = page.locator('section[aria-labelledby="kg-groups"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'catalog-phone-kindergarten');

    // The map works without tiles (outside requests are blocked in tests): markers still show.
    await page.goto('/kindergartens?view=map&age=3&freeOnly=true');
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await screenshot(page, 'catalog-phone-map');
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
  signInCitizen,
} from './support/browser.js';

describe('contests: a citizen votes, keeps the receipt and finds it in the log; results only after the close', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 360 px phone: the ballot, the vote, the receipt, the receipt found; a second vote refused', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000001', '/contests/smart-2026');
    await page.getByRole('heading', { name: 'Смарт Диалог 2026', level: 1 }).waitFor();
    expect(await page.getByText('Итоги скрыты от всех, включая организатора').count()).toBe(1);
    const first = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2 }) })
      .first();
    await first.getByRole('radio').first().check();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page), 'no sideways scroll').toBeLessThanOrEqual(0);
    await screenshot(page, 'contests-ballot-small-phone');
    await first.getByRole('button', { name: 'Проголосовать' }).click();
    await page.getByText('Ваш голос учтён').waitFor();
    const receipt = (await page.getByTestId('receipt').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page);
    expect(await sidewaysOverflow(page), 'no sideways scroll').toBeLessThanOrEqual(0);
    await screenshot(page, 'contests-receipt-small-phone');

    // Later, on the public page: the receipt is in the log.
    await page.goto(`${server.url}/contests/smart-2026/receipt`);
    await page.getByLabel('Код квитанции (64 символа)').fill(receipt);
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText(/Голос есть в журнале, строка \d+/).waitFor();
    await screenshot(page, 'contests-receipt-found-small-phone');
    await page.getByLabel('Код квитанции (64 символа)').fill('ab'.repeat(32));
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Голоса с таким кодом в журнале нет.').waitFor();

    // The same nomination again (a fresh page): refused, the vote stands.
    await page.goto(`${server.url}/contests/smart-2026`);
    const again = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2 }) })
      .first();
    await again.getByRole('radio').last().check();
    await again.getByRole('button', { name: 'Проголосовать' }).click();
    await page
      .getByText(/already voted|уже/i)
      .first()
      .waitFor();
    await context.close();
  });

  it('on a desktop: the published contest shows results and votes by region, with the open files', async () => {
    const context = await newContext(browser, server.url, 'desktop');
    const page = await context.newPage();
    await page.goto(`${server.url}/contests/smart-2025`);
    await page.getByRole('heading', { name: 'Итоги', level: 2 }).waitFor();
    await page.getByTestId('regions').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('regions').locator('tbody tr').count()).toBe(10);
    expect(await page.getByRole('link', { name: 'votes.jsonl' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'contests-results-desktop');
    const res = await fetch(`${server.url}/open-data/contests/smart-2026/results.json`);
    expect(res.status).toBe(404);
    await context.close();
  });
});

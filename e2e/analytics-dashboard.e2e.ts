import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { expectAccessible, launchBrowser, newContext, screenshot, signInStaff } from './support/browser.js';

describe('analytics: a regional administrator drills down, changes the scenario and downloads the XLSX', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('dashboard → municipality → scenario → XLSX with the same numbers as the screen', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInStaff(page, 'admin', 'demo');
    await page.goto('/staff/analytics');
    await page.getByRole('heading', { level: 1, name: 'Аналитика и прогноз' }).waitFor();
    const actual = page.locator('[data-indicator="actualDemand"] span').first();
    await actual.waitFor();
    await page.getByTestId('municipality-chart').locator('svg').waitFor();
    await page.getByTestId('forecast-chart').locator('svg').waitFor();
    // The 12-month series is 13 days of history on one PGlite connection: shown when ready, not awaited.
    await page
      .getByRole('img', { name: 'Динамика за 12 месяцев' })
      .locator('svg')
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await expectAccessible(page, ['.leaflet-container']);
    await screenshot(page, 'analytics-region');

    // Drill down: the first municipality of the table.
    const table = page.getByRole('table', { name: 'По муниципалитетам' });
    const first = table.getByRole('button').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect.poll(() => page.getByTestId('focus-name').textContent()).toBe(name);
    const kindergartens = page.getByRole('table', { name: 'Детские сады' });
    await kindergartens.getByRole('rowheader').first().waitFor();
    await screenshot(page, 'analytics-municipality');

    // Scenario: without the kindergartens being built.
    await page.getByTestId('scenario-select').selectOption('without');
    await page.getByTestId('forecast-chart').locator('svg').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'analytics-scenario-without-planned');

    // The XLSX of this view holds the numbers on the screen.
    const shown = Number(
      (await page.locator('[data-indicator="actualDemand"] span').first().textContent())!.replace(/\s/g, ''),
    );
    const placed = Number(
      (await page.locator('[data-indicator="placed"] span').first().textContent())!.replace(/\s/g, ''),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-xlsx').click(),
    ]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as never);
    const ws = wb.getWorksheet('ФГИС ДДО')!;
    const row = ws.getRow(3);
    expect(row.getCell(1).value).toBe(name);
    expect(row.getCell(2).value).toBe(shown);
    expect(row.getCell(6).value).toBe(placed);
    expect(wb.getWorksheet('85-К')!.rowCount).toBeGreaterThan(3);

    // The drill-down is a step of the history: «back» returns to the region.
    await page.goBack();
    await expect.poll(() => page.getByTestId('focus-name').textContent()).toBe('Регион');
    await context.close();
  });

  it('public statistics on a phone: the same aggregates as the dashboard, accessible', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await page.goto('/statistics');
    await page.getByRole('heading', { level: 1, name: 'Статистика' }).waitFor();
    await page.getByTestId('band-chart').locator('svg').waitFor();
    const api = (await (await fetch(`${server.url}/api/public/statistics`)).json()) as {
      region: { actualDemand: number };
    };
    const shown = Number(
      (await page.locator('[data-indicator="actualDemand"] span').first().textContent())!.replace(/\s/g, ''),
    );
    expect(shown).toBe(api.region.actualDemand);
    await expectAccessible(page);
    await screenshot(page, 'statistics-phone');

    // A date typed key by key ends as in a plain date field: neither the URL catching up nor a
    // half-typed moment (which the browser reports as empty) may put the old date back.
    const date = page.getByRole('textbox', { name: 'Дата' });
    const keys = '03152025';
    const plain = await context.newPage();
    await plain.setContent(`<input type="date" value="${await date.inputValue()}">`);
    await plain.locator('input').focus();
    await plain.locator('input').press('Backspace');
    await plain.locator('input').pressSequentially(keys);
    const typed = await plain.locator('input').inputValue();
    await plain.close();
    await date.focus();
    await date.press('Backspace');
    expect(await date.inputValue()).toBe('');
    await date.pressSequentially(keys);
    expect(await date.inputValue()).toBe(typed);
    // Two quick choices of the age bands: the second one stays, and both filters reach the URL.
    const ages = page.getByTestId('ages-select');
    await ages.selectOption('0-3');
    await ages.selectOption('3-7');
    expect(await ages.inputValue()).toBe('3-7');
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toMatchObject({ date: typed, ages: '3-7' });
    await context.close();
  });
});

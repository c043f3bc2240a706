import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../src/app/testing/test-images.js';
import { parseCsv } from '../src/modules/kindergarten/open-data/csv.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  SCREENSHOT_DIR,
  screenshot,
  signInStaff,
} from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

describe('catalog staff: a head changes a group capacity, an officer adds a construction project', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('updates the public page and open data, and the audit chain records it', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInStaff(page, 'head-k0001');
    await page.goto('/staff/kindergarten');
    await page.getByRole('heading', { level: 2, name: 'Группы' }).waitFor();
    const group = page.locator('li[data-group-id]').first();
    const groupId = Number(await group.getAttribute('data-group-id'));
    const groupName = (await group.getByRole('heading').innerText()).trim();
    const capacityField = group.getByLabel(`Мест в группе: ${groupName}`);
    const capacity = Number(await capacityField.inputValue());
    const freeBefore = Number(await group.getByTestId('group-free').innerText());
    const next = capacity < 60 ? capacity + 1 : capacity - 1;
    await expectAccessible(page);

    // Bad input first: a negative capacity is refused with the field named, nothing changes.
    await capacityField.fill('-3');
    await group.getByRole('button', { name: `Сохранить группу «${groupName}»` }).click();
    await page
      .getByRole('alert')
      .getByText(/Capacity must be between 0 and 60/)
      .waitFor();

    await capacityField.fill(String(next));
    await group.getByRole('button', { name: `Сохранить группу «${groupName}»` }).click();
    const freeAfter = Math.max(0, freeBefore + (next - capacity));
    await expect
      .poll(async () =>
        Number(await page.locator(`li[data-group-id="${groupId}"]`).getByTestId('group-free').innerText()),
      )
      .toBe(freeAfter);
    await screenshot(page, 'catalog-head-groups');

    // A photo: chosen, previewed, captioned, uploaded; it shows in the list and then on the public page.
    const photoForm = page.locator('form', {
      has: page.getByRole('button', { name: 'Загрузить фотографию' }),
    });
    await photoForm
      .getByLabel('Файл фотографии')
      .setInputFiles({ name: 'playground.png', mimeType: 'image/png', buffer: pngImage(320, 240) });
    await photoForm.getByRole('img', { name: 'Выбранная фотография' }).waitFor();
    await photoForm.getByLabel('Что на фото (прочитает программа для незрячих)').fill('Прогулочная площадка');
    await photoForm.getByRole('button', { name: 'Загрузить фотографию' }).click();
    await page.locator('li[data-photo-id]').getByRole('img', { name: 'Прогулочная площадка' }).waitFor();
    await expectAccessible(page);
    await page
      .locator('section', { has: page.getByRole('heading', { level: 2, name: 'Фотографии' }) })
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'catalog-head-photos.png') });

    const publicHref = await page.getByRole('link', { name: 'Публичная страница' }).getAttribute('href');
    await page.goto(publicHref!);
    const row = page.locator('section[aria-labelledby="kg-groups"] tbody tr', { hasText: groupName });
    await expect.poll(() => row.innerText()).toContain(String(next));
    const photo = page.locator('section[aria-labelledby="kg-photos"]').getByRole('img', {
      name: 'Прогулочная площадка',
    });
    await photo.scrollIntoViewIfNeeded();
    await expect
      .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await screenshot(page, 'catalog-head-public-page');

    const csv = parseCsv(await (await fetch(`${server.url}/open-data/vacancies.csv`)).text());
    const header = csv[0]!;
    const line = csv.find((r) => r[header.indexOf('group_id')] === String(groupId))!;
    expect(line[header.indexOf('capacity')]).toBe(String(next));
    expect(line[header.indexOf('free_places')]).toBe(String(freeAfter));

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'auditor', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const events = (await (
      await fetch(`${server.url}/api/audit/events?action=catalog.group.updated&subjectId=${groupId}`, {
        headers: { cookie },
      })
    ).json()) as { items: { summary: { changes: { capacity: { from: number; to: number } } } }[] };
    expect(events.items).toHaveLength(1);
    expect(events.items[0]!.summary.changes.capacity).toEqual({ from: capacity, to: next });
    const verdict = (await (
      await fetch(`${server.url}/api/audit/verify`, { headers: { cookie } })
    ).json()) as {
      ok: boolean;
    };
    expect(verdict.ok).toBe(true);
    await context.close();
  });

  it('lets a municipal officer add a kindergarten under construction with a progress note', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInStaff(page, 'officer-severskiy');
    await page.goto('/staff/catalog');
    await page.getByRole('heading', { level: 2, name: 'Добавить детский сад или стройку' }).waitFor();
    await expectAccessible(page);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Добавить', exact: true }) });
    await form.getByLabel('Код').fill('E2E-NEW-1');
    await form.getByLabel('Название').fill('Детский сад в мкр. Солнечный (строится)');
    await form.getByLabel('Адрес').fill('г. Северск, мкр. Солнечный, 3');
    await form.getByLabel('Дата открытия').fill('2027-09-01');
    await form.getByLabel('Проектная мощность').fill('220');
    await form.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page.waitForURL(/\/staff\/catalog\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'Ход строительства' }).waitFor();
    await page.getByLabel('Готовность, %').fill('35');
    await page.getByLabel('Что сделано').fill('Залит фундамент, возводятся стены');
    await page.getByRole('button', { name: 'Добавить запись' }).click();
    await page.getByText('35 % — Залит фундамент, возводятся стены').waitFor();
    await page.getByRole('link', { name: 'Публичная страница' }).click();
    await page.getByRole('heading', { level: 2, name: 'Строительство' }).waitFor();
    await page.getByText('Залит фундамент, возводятся стены').waitFor();
    await page.getByText('220').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-officer-construction');
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { expectAccessible, launchBrowser, newContext, screenshot, signInCitizen } from './support/browser.js';

describe('«Моя семья»: a parent sees where each child attends, adds a child, invites the second parent', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 360 px phone: attendance, a refused and a fixed certificate, the new child, health facts with consent, an invitation', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    // The demo mother whose older child already attends a kindergarten (the queue's children).
    await signInCitizen(page, 'esia-1000003', '/my/family');
    await page.getByRole('heading', { name: 'Моя семья', level: 1 }).waitFor();
    const cards = page.locator('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Детский сад\s/);
    // Her older children go to school: the same page shows the school with the class.
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Школа № \d+/);
    await expectAccessible(page);
    await screenshot(page, 'family-small-phone');

    await page.getByRole('button', { name: 'Добавить ребёнка' }).click();
    const form = page.getByRole('form', { name: 'Новый ребёнок' });
    await form.getByLabel('Фамилия').fill('Попова');
    await form.getByLabel('Имя', { exact: true }).fill('Варвара');
    await form.getByLabel('Дата рождения').fill('2017-03-08');
    await form.getByLabel('Пол').selectOption('f');
    await form.getByLabel(/^Свидетельство о рождении/).fill('ST-АБ 123456');
    await form.getByRole('button', { name: 'Добавить' }).click();
    // The server's field error shows at the field and marks it invalid.
    const certificate = form.getByLabel(/^Свидетельство о рождении/);
    await expect.poll(() => certificate.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'family-add-child-error-small-phone');
    await certificate.fill('iv-пв 778899');
    await form.getByRole('button', { name: 'Добавить' }).click();
    await page.getByText('Ребёнок добавлен. Варвара').waitFor();
    const varvara = cards.filter({ hasText: 'Попова Варвара' });
    await varvara.waitFor();
    expect(await varvara.textContent()).toContain('IV-ПВ 778899');

    // Health facts: refused without consent, kept with it.
    await varvara.getByRole('button', { name: 'Изменить сведения о здоровье' }).click();
    await varvara.getByRole('button', { name: 'Добавить сведение' }).click();
    await varvara.getByLabel('Уточнение (тип ОВЗ, аллерген)').fill('арахис');
    await varvara.getByRole('button', { name: 'Сохранить' }).click();
    const consent = varvara.getByLabel(/даю согласие/);
    await expect.poll(() => consent.getAttribute('aria-invalid')).toBe('true');
    await consent.check();
    await varvara.getByRole('button', { name: 'Сохранить' }).click();
    await varvara.getByText('Сведения сохранены.').waitFor();
    expect(await varvara.textContent()).toMatch(/Пищевая аллергия: арахис \(согласие от/);

    await varvara.getByRole('button', { name: 'Создать код приглашения' }).click();
    const code = (await varvara.getByTestId('invitation-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await varvara.getByRole('button', { name: 'Скопировать' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'family-invitation-small-phone');

    // The second parent: another demo citizen, whose two children come from Госуслуги.
    const other = await (await newContext(browser, server.url, 'desktop')).newPage();
    await signInCitizen(other, 'esia-1000004', '/my/family');
    await other.locator('article').filter({ hasText: 'Васильева Алиса' }).waitFor();
    expect(await other.locator('article').filter({ hasText: 'из Госуслуг' }).count()).toBe(2);
    await other.getByLabel('Код от второго родителя').fill(code);
    await other.getByRole('button', { name: 'Принять приглашение' }).click();
    await other.getByText('Приглашение принято').waitFor();
    await other.locator('article').filter({ hasText: 'Попова Варвара' }).waitFor();
    await expectAccessible(other);
    await screenshot(other, 'family-desktop');
  });

  it('in English: the family of a parent whose toddler is in the queue', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    // The language the header's switch remembers.
    await context.addInitScript({ content: "localStorage.setItem('open-region.locale', 'en')" });
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000002', '/my/family');
    await page.getByRole('heading', { name: 'My family', level: 1 }).waitFor();
    await page.locator('article').first().waitFor();
    expect(await page.locator('main').textContent()).toMatch(
      /Where the child attends.*Applications and requests.*Kindergarten application.*Legal representatives/s,
    );
    await expectAccessible(page);
    await screenshot(page, 'family-en-small-phone');
  });
});

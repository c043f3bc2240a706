import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../src/app/testing/test-images.js';
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

describe('feedback: a parent reports a problem from a kindergarten page, the ЦУР operator answers, the parent rates', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let first: { kindergartenId: number; number: string; appealId: string } | null = null;

  it('files an appeal on a 360 px phone, gets it answered at the desk, and sends a poor answer back', async () => {
    const { items } = (await (await fetch(`${server.url}/api/kindergartens?pageSize=1`)).json()) as {
      items: { id: number; nameRu: string }[];
    };
    const kindergarten = items[0]!;
    const parent = await newContext(browser, server.url, 'smallPhone');
    const page = await parent.newPage();
    await signInCitizen(page, 'esia-1000002', `/kindergartens/${kindergarten.id}`);
    await page.getByRole('link', { name: 'Сообщить о проблеме в этом детском саду' }).click();
    const form = page.getByRole('form', { name: 'Новое обращение' });
    await form.waitFor();
    // The kindergarten and the topic come filled in from the page the parent was on.
    await expect
      .poll(() => form.getByRole('group', { name: 'Организация' }).textContent())
      .toContain(kindergarten.nameRu);
    await expect.poll(() => form.getByLabel(/^Тема/).inputValue()).toBe('education.kindergartens');
    await form.getByRole('button', { name: 'Отправить' }).click();
    // Nothing is sent without the text; the field says what it needs.
    const text = form.getByLabel(/^Текст/);
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'feedback-new-missing-text-phone');
    await text.fill('В младшей группе третий день холодно, батареи еле тёплые. Просим проверить отопление.');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'radiator.png',
      mimeType: 'image/png',
      buffer: pngImage(40, 30),
    });
    await form.getByRole('button', { name: 'Отправить' }).click();
    await page.waitForURL(/\/feedback\/appeals\/\d+$/);
    const appealId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /^№ FB-/ }).waitFor();
    const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('№ ', '');
    await page.getByText('Зарегистрировано', { exact: true }).first().waitFor();
    await page.getByRole('img', { name: 'Фотографии 1' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'feedback-appeal-registered-phone');
    // It is a request of the family: the home page lists it among the open ones.
    await page.goto('/feedback/appeals');
    await page.getByRole('link', { name: `Обращение, № ${number}` }).waitFor();

    // The ЦУР operator finds it, sees the classifier's suggestion, takes it and answers.
    const desk = await newContext(browser, server.url);
    const operator = await desk.newPage();
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as {
      demoLogins: { login: string; password: string }[];
    };
    const login = region.demoLogins.find((l) => l.login === 'cur-operator')!;
    await signInStaff(operator, login.login, login.password);
    await operator.goto('/staff/feedback');
    await operator.getByRole('heading', { level: 1, name: 'Обращения: рабочее место' }).waitFor();
    await operator.getByRole('table').waitFor();
    await expectAccessible(operator);
    await screenshot(operator, 'feedback-desk');
    await operator.goto(`/staff/feedback/appeals/${appealId}`);
    await operator.getByRole('heading', { level: 2, name: 'Подсказка классификатора' }).waitFor();
    // The classifier's top 3, best first: the text is about heating in a kindergarten.
    const suggestions = operator
      .getByRole('region', { name: 'Подсказка классификатора' })
      .getByRole('listitem');
    await expect.poll(() => suggestions.count()).toBe(3);
    await expect.poll(() => suggestions.first().textContent()).toMatch(/^(Отопление|Детские сады) — \d+\s%$/);
    await operator.getByRole('button', { name: 'Взять в работу' }).click();
    const answer = operator.getByRole('form', { name: 'Ответ' });
    await answer
      .getByLabel('Текст ответа')
      .fill('Проверили: в группе заменён кран на стояке, температура 22 °C. Устранено.');
    await answer.getByRole('button', { name: 'Отправить ответ' }).click();
    await operator.getByText('Дан ответ').first().waitFor();
    await expectAccessible(operator);
    await screenshot(operator, 'feedback-desk-answered');
    // The ЦУР dashboard counts it, and its XLSX carries the same figures.
    await operator.getByRole('link', { name: 'Панель ЦУР' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Обращения: панель ЦУР' }).waitFor();
    const summary = operator.getByRole('list', { name: 'Итоги за период' });
    await expect.poll(() => summary.getByRole('listitem').count()).toBe(8);
    await operator.getByRole('heading', { level: 2, name: 'По темам' }).waitFor();
    await expectAccessible(operator);
    await screenshot(operator, 'feedback-dashboard');
    const xlsxUrl = await operator.getByRole('link', { name: 'Скачать XLSX' }).getAttribute('href');
    const xlsx = await operator.request.get(xlsxUrl!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await desk.close();

    // The parent reads the answer and rates it 2: it goes back for rework.
    await page.goto(`/feedback/appeals/${appealId}`);
    await page.getByText('Устранено.', { exact: false }).waitFor();
    const rate = page.getByRole('form', { name: 'Оцените ответ' });
    await rate.getByLabel('Оценка').selectOption('2');
    await rate.getByRole('button', { name: 'Оценить' }).click();
    await page.getByText('Спасибо, оценка сохранена.').waitFor();
    await page.getByText('Ответ не принят').first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'feedback-rated-phone');
    await parent.close();
    first = { kindergartenId: kindergarten.id, number, appealId };
  });

  it('offers the open similar appeal to another parent, who joins it; the operator sees them linked', async () => {
    expect(first, 'the first journey filed an appeal').not.toBeNull();
    const { kindergartenId, number, appealId } = first!;
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000003', `/feedback/new`);
    await page.goto(`/feedback/new?organisationId=${kindergartenId}&category=education.kindergartens`);
    const form = page.getByRole('form', { name: 'Новое обращение' });
    await form.waitFor();
    await form
      .getByLabel(/^Текст/)
      .fill('Холодно в младшей группе, батареи чуть тёплые, проверьте отопление');
    const similar = page.getByRole('region', { name: 'Похожие обращения' });
    await similar.getByText(`№ ${number}`, { exact: false }).waitFor();
    // Only what anyone may see: the number, topic, status and limit — not the other parent's text.
    expect(await similar.textContent()).not.toContain('третий день');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'feedback-similar-phone');
    await similar.getByRole('button', { name: 'Присоединиться к обращению' }).first().click();
    await page.getByText(`Вы присоединяетесь к обращению № ${number}.`).waitFor();
    await form.getByRole('button', { name: 'Отправить' }).click();
    await page.waitForURL(/\/feedback\/appeals\/\d+$/);
    await page.getByText(`Присоединено к обращению № ${number}`).waitFor();
    const own = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('№ ', '');
    expect(own).not.toBe(number);
    await context.close();

    const desk = await newContext(browser, server.url);
    const operator = await desk.newPage();
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as {
      demoLogins: { login: string; password: string }[];
    };
    const login = region.demoLogins.find((l) => l.login === 'cur-operator')!;
    await signInStaff(operator, login.login, login.password);
    await operator.goto(`/staff/feedback/appeals/${appealId}`);
    const duplicates = operator.getByRole('region', { name: 'Дубликаты' });
    await duplicates.getByRole('link', { name: `№ ${own}` }).waitFor();
    await expectAccessible(operator);
    await screenshot(operator, 'feedback-desk-duplicates');
    await desk.close();
  });

  it('shows the frequent topics to anyone, in English too', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await page.goto('/feedback');
    await page.getByRole('heading', { level: 1, name: 'Обращения граждан' }).waitFor();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Меню' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: "Citizens' appeals" }).waitFor();
    await page.getByRole('columnheader', { name: 'Share' }).waitFor();
    await screenshot(page, 'feedback-topics-phone-en');
    await context.close();
  });
});

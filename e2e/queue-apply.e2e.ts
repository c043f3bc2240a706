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

// A tiny valid PDF: the server sniffs the content, not the name.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('queue: a parent applies on a phone, an officer verifies the benefit, the parent sees why the position changed', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('applies, verifies, explains and emails', async () => {
    const parentContext = await newContext(browser, server.url, 'phone');
    const parent = await parentContext.newPage();
    await signInCitizen(parent, 'esia-1000004', '/my');
    await parent.goto('/my/apply');
    await parent.getByRole('heading', { name: 'Ребёнок', exact: true }).waitFor();
    await parent.getByLabel('Фамилия').fill('Тестова');
    await parent.getByLabel('Имя', { exact: true }).fill('Алиса');
    await parent.getByLabel('Дата рождения').fill('2024-05-10');
    await parent.getByLabel(/Свидетельство о рождении/).fill('E2E-ЖЖ 700001');
    await expectAccessible(parent);
    await screenshot(parent, 'queue-apply-child-phone');
    await parent.getByRole('button', { name: 'Далее' }).click();

    await parent.getByRole('heading', { name: 'Заявитель и адрес' }).waitFor();
    await parent.getByLabel('ФИО заявителя').fill('Тестова Мария Ивановна');
    await parent.getByLabel('Муниципалитет').selectOption({ label: 'Северский городской округ' });
    await parent.getByLabel('Адрес проживания').fill('г. Северск, ул. Тестовая, 1');
    await parent.getByLabel('Желаемая дата').fill('2026-09-01');
    await parent.getByRole('button', { name: 'Далее' }).click();

    await parent.getByRole('heading', { name: 'Детские сады', exact: true }).waitFor();
    await parent
      .getByRole('button', { name: /^Добавить:/ })
      .first()
      .click();
    await parent
      .getByRole('button', { name: /^Добавить:/ })
      .first()
      .click();
    await screenshot(parent, 'queue-apply-kindergartens-phone');
    await parent.getByRole('button', { name: 'Далее' }).click();

    await parent.getByRole('heading', { name: 'Льготы и отправка' }).waitFor();
    await parent.getByLabel('Льгота').selectOption('military');
    await parent
      .locator('#benefit-document')
      .setInputFiles({ name: 'spravka.pdf', mimeType: 'application/pdf', buffer: PDF });
    await parent.getByText(/Загружен: spravka\.pdf/).waitFor();
    await parent.getByRole('button', { name: 'Отправить заявление' }).click();
    await parent.waitForURL(/\/my\/applications\//);
    const applicationId = parent.url().split('/').pop()!;
    await parent
      .getByTestId('positions')
      .getByText(/место \d+ из \d+/)
      .first()
      .waitFor({ timeout: 30_000 });
    const before = await parent
      .getByTestId('positions')
      .getByText(/место \d+ из \d+/)
      .first()
      .textContent();
    await screenshot(parent, 'queue-application-before-phone');

    const officerContext = await newContext(browser, server.url, 'phone');
    const officer = await officerContext.newPage();
    await signInStaff(officer, 'officer-severskiy');
    await officer.goto(`/staff/applications/${applicationId}`);
    await officer.getByRole('button', { name: 'Подтвердить' }).click();
    await officer.getByText('подтверждена').first().waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'queue-officer-verified-phone');
    await officer.goto('/staff/applications');
    await officer.getByRole('button', { name: 'Зарегистрировать бумажное заявление' }).click();
    await officer.getByLabel('Фамилия ребёнка').waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'queue-officer-desk-phone');

    // The recalculation runs in the background; the page explains the change since submission.
    await expect
      .poll(
        async () => {
          await parent.reload();
          await parent
            .getByTestId('positions')
            .getByText(/место \d+ из \d+/)
            .first()
            .waitFor();
          return parent.getByText('Ваше право: первоочередное').first().isVisible();
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toBe(true);
    const after = await parent
      .getByTestId('positions')
      .getByText(/место \d+ из \d+/)
      .first()
      .textContent();
    const n = (s: string | null) => Number(/место (\d+)/.exec(s ?? '')![1]);
    expect(n(after)).toBeLessThan(n(before));
    await parent
      .getByTestId('why-changed')
      .getByText(/ваша льгота подтверждена/)
      .waitFor();
    await expectAccessible(parent);
    await parent.getByTestId('why-changed').scrollIntoViewIfNeeded();
    await screenshot(parent, 'queue-application-after-phone');

    await expect
      .poll(
        () =>
          server.mail.some(
            (mail) => /решение по льготе/.test(mail.subject) && mail.text.includes('подтверждена'),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await parentContext.close();
    await officerContext.close();
  });

  it('shows the public queue and looks up a position on a phone without personal data', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await page.goto('/queue');
    await page.getByRole('heading', { level: 1, name: 'Очередь в детские сады' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'queue-public-phone');
    await page.getByLabel('Номер заявления').fill('00-0000-000000');
    await page.getByLabel('Дата рождения ребёнка').fill('2023-01-01');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByText(/не найдено/).waitFor();
    await context.close();
  });

  it('shows a kindergarten head the applicants who chose the kindergarten', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await signInStaff(page, 'head-k0001');
    await page.goto('/staff/applicants');
    await page.getByRole('heading', { level: 1, name: 'Заявители детского сада' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'queue-head-applicants-phone');
    await context.close();
  });
});

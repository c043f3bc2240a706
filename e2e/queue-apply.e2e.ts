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
    // The name and e-mail come from the Госуслуги account.
    await expect.poll(() => parent.getByLabel('ФИО заявителя').inputValue()).not.toBe('');
    await expect.poll(() => parent.getByLabel('Электронная почта').inputValue()).toMatch(/@/);
    await parent.getByLabel('ФИО заявителя').fill('Тестова Мария Ивановна');
    // The demo's Покровский округ allows 3 kindergartens: the wizard says what the server will accept.
    await parent.getByLabel('Муниципалитет').selectOption({ label: 'Покровский муниципальный округ' });
    await parent.getByLabel('Адрес проживания').fill('г. Северск, ул. Тестовая, 1');
    // A day already past is refused with the page's own words.
    await parent.getByLabel('Желаемая дата').fill('2020-09-01');
    await parent.getByRole('button', { name: 'Далее' }).click();
    await parent.getByText(/Желаемая дата уже прошла/).waitFor();
    await parent.getByLabel('Желаемая дата').fill('2027-09-01');
    await parent.getByRole('button', { name: 'Далее' }).click();
    await parent.getByRole('heading', { name: 'Детские сады', exact: true }).waitFor();
    const rules = parent.getByTestId('queue-rules');
    await expect.poll(() => rules.textContent()).toMatch(/можно выбрать до 3 детских садов/);
    await parent.getByRole('button', { name: 'Назад' }).click();
    await parent.getByRole('heading', { name: 'Заявитель и адрес' }).waitFor();
    await parent.getByLabel('Муниципалитет').selectOption({ label: 'Северский городской округ' });
    await parent.getByRole('button', { name: 'Далее' }).click();

    await parent.getByRole('heading', { name: 'Детские сады', exact: true }).waitFor();
    await expect.poll(() => rules.textContent()).toMatch(/можно выбрать до 5 детских садов/);
    // First choice from the map (tiles are blocked in tests: the markers show on a plain background).
    await parent.getByRole('button', { name: 'На карте' }).click();
    await expect
      .poll(() => parent.getByRole('button', { name: 'На карте' }).getAttribute('aria-pressed'))
      .toBe('true');
    const marker = parent.locator('.leaflet-marker-icon:not(.marker-cluster)').first();
    const cluster = parent.locator('.leaflet-marker-icon.marker-cluster').first();
    await parent.locator('.leaflet-marker-icon').first().waitFor();
    // Zoom into clusters until single kindergartens show.
    for (let i = 0; i < 6 && (await marker.count()) === 0; i++) {
      await cluster.click();
      await parent.waitForTimeout(600);
    }
    await marker.click();
    const popup = parent.locator('.leaflet-popup-content');
    const popupOpacity = () =>
      parent
        .locator('.leaflet-popup')
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).opacity);
    const addFromMap = popup.getByRole('button', { name: 'Добавить в список' });
    await addFromMap.waitFor();
    await expect.poll(() => popup.textContent()).toMatch(/свободно \d+ · в очереди \d+/);
    const fromMap = (await popup.locator('strong').textContent())!;
    // Leaflet fades a popup in: check contrast once it is opaque.
    await expect.poll(popupOpacity).toBe('1');
    // The popup takes the focus, so a keyboard user lands on its button.
    await expect.poll(() => popup.locator('button:focus').count()).toBe(1);
    await expectAccessible(parent);
    await screenshot(parent, 'queue-apply-map-popup-phone');
    await addFromMap.click();
    await popup.waitFor({ state: 'detached' });
    const chosen = parent.getByRole('region', { name: 'Выбранные детские сады' });
    await chosen.getByRole('listitem').filter({ hasText: fromMap }).waitFor();
    await parent.getByRole('status').filter({ hasText: 'Добавлен в список' }).waitFor();
    // The same marker now says the kindergarten is already chosen.
    await marker.click();
    await expect.poll(() => popup.getByRole('button', { name: 'Уже в списке' }).isDisabled()).toBe(true);
    await expect.poll(popupOpacity).toBe('1');
    await expectAccessible(parent);
    await screenshot(parent, 'queue-apply-map-phone');
    // Escape closes the popup and gives the focus back to the marker.
    await parent.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    await expect.poll(() => parent.locator('.leaflet-marker-icon:focus').count()).toBe(1);
    // Second choice from the list.
    await parent.getByRole('button', { name: 'Списком' }).click();
    await parent
      .getByRole('button', { name: /^Добавить:/ })
      .first()
      .click();
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(2);
    await screenshot(parent, 'queue-apply-kindergartens-phone');
    // «Черновик сохранён» means it: the two choices survive a reload on this step.
    await parent.getByTestId('draft-state').getByText('Черновик сохранён').waitFor();
    await parent.reload();
    await parent.getByRole('heading', { name: 'Детские сады', exact: true }).waitFor();
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(2);
    await chosen.getByRole('listitem').filter({ hasText: fromMap }).waitFor();
    await parent.getByRole('button', { name: 'Далее' }).click();

    await parent.getByRole('heading', { name: 'Льготы и отправка' }).waitFor();
    await parent.getByLabel('Льгота').selectOption('military');
    // Without its document the privilege is not sent: the page says what is missing.
    await parent.getByRole('button', { name: 'Отправить заявление' }).click();
    await parent.getByText('Не приложен документ, подтверждающий льготу').waitFor();
    expect(parent.url()).toMatch(/\/my\/apply$/);
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
    // The list loads above the paper form's button and moves it: click once the page has settled.
    await officer.getByRole('table').first().waitFor();
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

  it("shortens a saved draft to the municipality's maximum and says so, instead of failing at submission", async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000003', '/my');
    // A draft saved with five kindergartens of Покровский округ (demo id 4), which allows three.
    const saved = await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const list = (await (
        await fetch('/api/kindergartens?municipalityId=4&age=3&status=operating&pageSize=5')
      ).json()) as { items: { id: number }[] };
      const res = await fetch('/api/kindergarten/applications/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          step: 2,
          data: {
            lastName: 'Черновикова',
            firstName: 'Вера',
            birthDate: '2023-05-10',
            birthCertificate: 'E2E-ЧЧ 700002',
            fullName: 'Черновикова Анна',
            municipalityId: '4',
            address: 'г. Покровск, ул. Тестовая, 2',
            desiredDate: '2026-09-01',
            kindergartenIds: list.items.map((k) => k.id),
            idempotencyKey: crypto.randomUUID(),
          },
        }),
      });
      return { status: res.status, chosen: list.items.length };
    });
    expect(saved).toEqual({ status: 200, chosen: 5 });
    await page.goto('/my/apply');
    await page.getByRole('heading', { name: 'Детские сады', exact: true }).waitFor();
    await page.getByText('Список детских садов сокращён').waitFor();
    await page.getByText(/оставлены первые 3 из 5/).waitFor();
    const chosen = page.getByRole('region', { name: 'Выбранные детские сады' });
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(3);
    // At the maximum nothing more can be added.
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: /^Добавить:/ })
          .first()
          .isDisabled(),
      )
      .toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'queue-apply-trimmed-phone');
    await context.close();
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

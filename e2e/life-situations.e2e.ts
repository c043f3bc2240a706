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

/** No sideways scroll: the page is no wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A step of the step-by-step list by its heading (the innermost: a group's member, not the group). */
const step = (page: Page, title: string) =>
  page
    .locator('li[id^="step-"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .last();

describe('Life situations: a parent of three is offered «Многодетная семья», sees her task list and rates a service', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 360 px phone: the home offer, the task list with real statuses, the kindergarten situation, a rating', async () => {
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    // The demo mother with a child in a kindergarten, a younger one in the queue and two at school.
    await signInCitizen(page, 'esia-1000003', '/');
    const offers = page.locator('section', {
      has: page.getByRole('heading', { name: 'Вашей семье может пригодиться' }),
    });
    await offers.waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'life-home-offer-small-phone');
    await offers.getByRole('link', { name: 'Многодетная семья' }).click();

    await page.getByRole('heading', { name: 'Многодетная семья', level: 1 }).waitFor();
    const plan = page.locator('section', { has: page.getByRole('heading', { name: 'Ваш список дел' }) });
    await plan.getByText(/Сделано обязательных шагов: \d+ из \d+/).waitFor();
    // Statuses come from the API: the family's facts make the status step done, the certificate is next;
    // her kindergarten applications (one granted, one in the queue) already count for the priority right.
    const status = step(page, 'Трое и более детей до 18 лет');
    await expect.poll(() => status.textContent()).toContain('Сделано');
    expect(await status.textContent()).toContain('По сведениям о вашей семье.');
    expect(await step(page, 'Удостоверение многодетной семьи').textContent()).toContain('Не начат');
    const priority = step(page, 'Первоочередное право в детский сад');
    expect(await priority.textContent()).toContain('По вашему заявлению.');
    expect(await priority.textContent()).toMatch(/Заявление в детский сад, № [\d-]+ — исполнено/);
    expect(await priority.textContent()).toMatch(/Заявление в детский сад, № [\d-]+ — в работе/);
    expect(await plan.textContent()).toContain('Следующий шаг: Удостоверение многодетной семьи');
    // The questionnaire tailors the plan: with a mortgage the 450 000 ₽ step applies.
    const mortgage = step(page, '450 000 ₽ на погашение ипотеки');
    expect(await mortgage.textContent()).toContain('зависит от ответа');
    await page.getByLabel('Есть ли у семьи ипотека?').selectOption('yes');
    await expect.poll(() => mortgage.textContent()).not.toContain('зависит от ответа');
    // An external service with its authority, term, documents, legal basis and the Госуслуги link.
    await page.getByText('Выдача удостоверения многодетной семьи').click();
    await page.getByText('Орган социальной защиты населения региона').waitFor();
    await page
      .getByRole('link', { name: /Открыть на Госуслугах/ })
      .first()
      .waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'life-large-family-small-phone');

    // «Оформление в детский сад»: her real application's step is done, with the request's number.
    await page.goto('/life-situations/kindergarten');
    await page.getByRole('heading', { name: 'Оформление в детский сад', level: 1 }).waitFor();
    const apply = step(page, 'Заявление о постановке на учёт');
    await expect.poll(() => apply.textContent()).toContain('Сделано');
    expect(await apply.textContent()).toMatch(/Заявление в детский сад, № [\d-]+/);
    await page.getByText(/Следующий шаг: /).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'life-kindergarten-small-phone');

    // «Ваш контроль»: she rates a finished request; the form names a missing criterion first.
    await page.goto('/life-situations/ratings');
    await page.getByRole('heading', { name: '«Ваш контроль»', level: 1 }).waitFor();
    const mine = page.locator('section', {
      has: page.getByRole('heading', { name: 'Ваши завершённые заявления' }),
    });
    await mine.getByRole('button', { name: 'Оценить' }).first().click();
    const form = page.getByRole('form', { name: 'Оценка услуги' });
    await form.getByRole('button', { name: 'Отправить оценку' }).click();
    expect(await form.getByText('Выберите оценку от 1 до 5').count()).toBe(5);
    for (const [criterion, score] of [
      ['Время предоставления услуги', 5],
      ['Время ожидания в очереди', 4],
      ['Вежливость и компетентность сотрудников', 5],
      ['Комфортность условий', 5],
      ['Доступность информации о порядке предоставления', 3],
    ] as const)
      await form
        .getByRole('group', { name: criterion })
        .getByRole('radio', { name: `${score} из 5` })
        .check();
    await form.getByLabel('Комментарий').fill('Воспитатели замечательные, но о документах узнали не сразу.');
    await form.getByRole('button', { name: 'Отправить оценку' }).click();
    await page.getByText('Спасибо! Оценка отправлена.').waitFor();
    await mine.getByText('Ваша оценка: 4,4 из 5').waitFor();
    await page.getByRole('heading', { name: 'Средние оценки' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'life-rating-small-phone');

    // The head of the kindergarten that gave the service answers publicly; the parent sees the answer.
    const latest = (await (await page.request.get('/api/ratings?pageSize=1')).json()) as {
      items: { comment: string; organisationId: number }[];
    };
    expect(latest.items[0]!.comment).toBe('Воспитатели замечательные, но о документах узнали не сразу.');
    const kindergarten = (await (
      await page.request.get(`/api/kindergartens/${latest.items[0]!.organisationId}`)
    ).json()) as { code: string };
    const headContext = await newContext(browser, server.url, 'smallPhone');
    const head = await headContext.newPage();
    await signInStaff(head, `head-${kindergarten.code.toLowerCase()}`);
    await head.goto('/staff/ratings');
    await head.getByRole('heading', { name: '«Ваш контроль»: ответы на оценки', level: 1 }).waitFor();
    const card = head.locator('li').filter({ hasText: 'о документах узнали не сразу' });
    await card
      .getByRole('textbox', { name: 'Ваш ответ' })
      .fill('Спасибо! Перечень документов теперь есть на странице сада.');
    await card.getByRole('button', { name: 'Ответить публично' }).click();
    await head.getByText('Ответ опубликован.').waitFor();
    await expectNoSidewaysScroll(head);
    await expectAccessible(head);
    await screenshot(head, 'life-head-answer-small-phone');
    await headContext.close();

    await page.reload();
    await mine.getByText('Перечень документов теперь есть на странице сада.').waitFor();
    await context.close();
  });

  it('without sign-in: the catalogue of federal and regional situations, Russian search, the English switch', async () => {
    const context = await newContext(browser, server.url, 'desktop');
    const page = await context.newPage();
    await page.goto('/life-situations');
    await page.getByRole('heading', { name: 'Жизненные ситуации', level: 1 }).waitFor();
    await page.getByText('Найдено: 26 ситуаций').waitFor();
    await page.getByLabel('Какие ситуации').selectOption('federal');
    await page.getByText('Найдено: 24 ситуации').waitFor();
    await page.getByLabel('Какие ситуации').selectOption('');
    await page.getByLabel('Поиск по ситуациям').fill('многодетные');
    await page.getByRole('link', { name: 'Многодетная семья' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'life-catalogue-search');
    await page.getByRole('link', { name: 'Многодетная семья' }).click();
    await page.getByRole('heading', { name: 'Многодетная семья', level: 1 }).waitFor();
    await page.getByText('Войдите через Госуслуги, чтобы увидеть, какие шаги вы уже сделали.').waitFor();
    // Without sign-in the questionnaire still tailors the steps (the public plan).
    await page.getByLabel('Есть ли у семьи ипотека?').selectOption('no');
    await expect
      .poll(() => step(page, '450 000 ₽ на погашение ипотеки').textContent())
      .toContain('Не нужен по вашим ответам');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Large family', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Step by step' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
  it('the regional admin edits a situation: a cycle is refused naming the step, a fix is version 2', async () => {
    const context = await newContext(browser, server.url, 'desktop');
    const page = await context.newPage();
    await signInStaff(page, 'admin');
    await page.goto('/staff/life-situations');
    await page.getByRole('heading', { name: 'Жизненные ситуации: редактирование', level: 1 }).waitFor();
    await page.getByLabel('Ситуация').selectOption('large-family');
    const editor = page.getByRole('textbox', { name: 'Описание ситуации (JSON)' });
    await expect.poll(async () => (await editor.inputValue()).includes('"large-family"')).toBe(true);
    const definition = JSON.parse(await editor.inputValue()) as {
      titleRu: string;
      items: { id: string; requires?: string[] }[];
    };
    // The status step waiting on the certificate, which waits on the status: a cycle.
    const cyclic = structuredClone(definition);
    cyclic.items.find((i) => i.id === 'status')!.requires = ['certificate'];
    await editor.fill(JSON.stringify(cyclic, null, 2));
    await page.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/cycle|цикл/i);
    await screenshot(page, 'life-staff-edit-cycle');

    definition.titleRu = 'Многодетная семья: статус и поддержка';
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByLabel('Что изменено').fill('Уточнено название');
    await page.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await page.getByText('Сохранена версия 2.').waitFor();
    const versions = page.locator('section', { has: page.getByRole('heading', { name: 'Версии' }) });
    await versions.getByText(/Версия 2, .* — Уточнено название/).waitFor();
    await versions.getByText(/поставлена с порталом/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'life-staff-edit-saved');

    await page.goto('/life-situations/large-family');
    await page.getByRole('heading', { name: 'Многодетная семья: статус и поддержка', level: 1 }).waitFor();
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, sidewaysOverflow, signInStaff } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

// Issue 20: every staff page of the kindergarten service fits a 360 px phone (no sideways scroll),
// for the municipal officer and the kindergarten head, on the demo region.

// On a mobile viewport Chromium zooms out to show a too-wide page, so innerWidth grows with the page:
// the overflow is measured against the layout viewport (clientWidth, 360 px) as well.
const overflow = sidewaysOverflow;

/** The elements sticking out to the right of the viewport, named so a failure says what to fix. */
const culprits = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      const w = document.documentElement.clientWidth + 0.5;
      if (r.width > 0 && r.right > w && ![...el.children].some((c) => c.getBoundingClientRect().right > w)) {
        out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.right));
      }
    }
    return out.slice(0, 8);
  })()`);

async function measure(page: Page, path: string, ready: () => Promise<unknown>): Promise<string | null> {
  await page.goto(path);
  await ready();
  await page.waitForLoadState('networkidle');
  const extra = await overflow(page);
  await screenshot(
    page,
    `kg-staff-360${path.replace(/\/[0-9a-f-]{36}$|\/\d+$/, '-one').replaceAll('/', '-')}`,
  );
  return extra > 0 ? `${path}: ${extra} px wider (${(await culprits(page)).join(', ')})` : null;
}

describe('kindergarten staff pages on a 360 px phone', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('officer: applications desk, one application, placement and a wave, analytics, catalog', async () => {
    const desktop = await newContext(browser, server.url);
    const officerDesk = await desktop.newPage();
    await signInStaff(officerDesk, 'officer-severskiy');
    // A computed wave to look at: created and calculated on the desktop.
    await officerDesk.goto('/staff/placement');
    await officerDesk.getByRole('heading', { level: 1, name: 'Комплектование' }).waitFor();
    await officerDesk.getByLabel('Название').fill('Волна для телефона (e2e)');
    await officerDesk.getByLabel('Дата начала посещения').fill('2027-09-01');
    await officerDesk.getByRole('button', { name: 'Создать волну' }).click();
    await officerDesk.waitForURL(/\/staff\/placement\/[0-9a-f-]{36}$/);
    const wavePath = new URL(officerDesk.url()).pathname;
    await officerDesk.getByRole('button', { name: 'Рассчитать' }).click();
    await officerDesk
      .getByRole('heading', { name: 'Проходные приоритеты по детским садам' })
      .waitFor({ timeout: 90_000 });

    const phone = await newContext(browser, server.url, 'smallPhone');
    await phone.addCookies(await desktop.cookies());
    const page = await phone.newPage();
    const problems: (string | null)[] = [];
    problems.push(
      await measure(page, '/staff/applications', () =>
        page
          .getByRole('button', { name: /Вперёд/ })
          .first()
          .waitFor(),
      ),
    );
    await page.getByRole('button', { name: 'Зарегистрировать бумажное заявление' }).waitFor();
    const firstApp = await page
      .getByRole('link', { name: /^Открыть: / })
      .first()
      .getAttribute('href');
    problems.push(
      await measure(page, firstApp!, () =>
        page.getByRole('heading', { level: 2, name: 'История' }).waitFor(),
      ),
    );
    // What a privilege decision rests on is on the page: address, desired date, age group, choices.
    const facts = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'На чём основано решение' }),
    });
    for (const term of ['Адрес проживания', 'Желаемая дата', 'Возрастная группа'])
      await facts.getByText(term, { exact: true }).waitFor();
    expect(await facts.getByRole('link').count()).toBeGreaterThan(0);
    problems.push(
      await measure(page, '/staff/placement', () =>
        page.getByRole('heading', { level: 1, name: 'Комплектование' }).waitFor(),
      ),
    );
    problems.push(
      await measure(page, wavePath, () =>
        page.getByRole('heading', { name: 'Проходные приоритеты по детским садам' }).waitFor(),
      ),
    );
    await page
      .getByTestId('wave-reconcile')
      .getByText(/^Распределено [\d\s]+ = будет выдано направлений [\d\s]+ \+ остаются в своей группе/)
      .waitFor();
    problems.push(
      await measure(page, '/staff/analytics', () => page.getByRole('heading', { level: 1 }).waitFor()),
    );
    problems.push(
      await measure(page, '/staff/catalog', () =>
        page.getByRole('heading', { level: 2, name: 'Добавить детский сад или стройку' }).waitFor(),
      ),
    );
    const kgLink = await page.locator('a[href^="/staff/catalog/"]').first().getAttribute('href');
    problems.push(await measure(page, kgLink!, () => page.getByRole('heading', { level: 1 }).waitFor()));
    expect(problems.filter(Boolean)).toEqual([]);
    await phone.close();
    await desktop.close();
  });

  it('head: kindergarten, applicants, directions', async () => {
    const phone = await newContext(browser, server.url, 'smallPhone');
    const page = await phone.newPage();
    await signInStaff(page, 'head-k0001');
    const problems: (string | null)[] = [];
    problems.push(
      await measure(page, '/staff/kindergarten', () =>
        page.getByRole('heading', { level: 2, name: 'Группы' }).waitFor(),
      ),
    );
    // The group card names each figure; age bands take their plural («1–2 года», «5–7 лет»).
    const group = page.locator('li[data-group-id]').first();
    for (const term of ['Заполнение мест', 'Воспитателей', 'Нагрузка на воспитателей'])
      await group.getByText(term, { exact: true }).waitFor();
    expect(await page.getByText('Укомплектованность').count()).toBe(0);
    expect(await group.locator('span').first().innerText()).toMatch(/^\d+(–\d+)? (год|года|лет)$/);
    problems.push(
      await measure(page, '/staff/applicants', () => page.getByRole('heading', { level: 1 }).waitFor()),
    );
    problems.push(
      await measure(page, '/staff/directions', () => page.getByRole('heading', { level: 1 }).waitFor()),
    );
    expect(problems.filter(Boolean)).toEqual([]);
    await phone.close();
  });
});

import type { Browser, Page } from 'playwright-core';
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

// The whole placement story on the demo region: an officer runs a wave and confirms it, the parent
// (demo Госуслуги account esia-1000001) sees the direction with its explanation, downloads the PDF
// and accepts, and the head of the kindergarten records the enrollment.

interface MyApplication {
  id: string;
  number: string;
  municipalityId: number;
  desiredDate: string;
  status: string;
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

describe('placement: wave → direction → enrollment', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs, reviews and confirms a wave; the parent accepts; the head enrolls', async () => {
    // The parent's application (read through the queue's own API).
    const parentContext = await newContext(browser, server.url);
    const parent = await parentContext.newPage();
    await signInCitizen(parent, 'esia-1000001', '/my-directions');
    const mine = await json<{ items: MyApplication[] }>(parent, '/api/kindergarten/my/applications');
    const application = mine.items.find((a) => a.status === 'registered')!;
    expect(application).toBeDefined();

    // The officer of that municipality creates the main wave for the child's desired date.
    const region = await json<{ municipalities: { id: number; code: string }[] }>(parent, '/api/region');
    const code = region.municipalities.find((m) => m.id === application.municipalityId)!.code;
    const officerContext = await newContext(browser, server.url);
    const officer = await officerContext.newPage();
    officer.on('dialog', (dialog) => void dialog.accept());
    await signInStaff(officer, `officer-${code}`);
    await officer.goto('/staff/placement');
    await officer.getByRole('heading', { level: 1, name: 'Комплектование' }).waitFor();
    await officer.getByLabel('Название').fill('Основное комплектование (e2e)');
    await officer.getByLabel('Дата начала посещения').fill(application.desiredDate);
    await officer.getByLabel('Места').selectOption('capacity');
    await expectAccessible(officer);
    await screenshot(officer, 'placement-create-wave');
    await officer.getByRole('button', { name: 'Создать волну' }).click();
    await officer.waitForURL(/\/staff\/placement\/[0-9a-f-]{36}$/);
    const waveId = officer.url().split('/').pop()!;

    await officer.getByRole('button', { name: 'Рассчитать' }).click();
    await officer
      .getByRole('heading', { name: 'Проходные приоритеты по детским садам' })
      .waitFor({ timeout: 60_000 });
    await officer.getByRole('heading', { name: 'Итоги черновика' }).waitFor();
    await expectAccessible(officer, ['.leaflet-container']);
    await screenshot(officer, 'placement-draft-review');

    const review = await json<{
      stats: { placed: number; children: number };
      kindergartens: { kindergartenId: number; code: string }[];
      children: { number: string; assignedKindergartenId: number | null; explanation: { ru: string } }[];
    }>(officer, `/api/placement/waves/${waveId}/review?q=${encodeURIComponent(application.number)}`);
    expect(review.stats.placed).toBeGreaterThan(0);
    const result = review.children.find((c) => c.number === application.number)!;
    expect(result.assignedKindergartenId, result.explanation.ru).not.toBeNull();

    // Placed = directions + children kept in their own group; the confirm is a dialog naming what it does.
    await officer
      .getByTestId('wave-reconcile')
      .getByText(/^Распределено [\d\s]+ = будет выдано направлений [\d\s]+ \+ остаются в своей группе/)
      .waitFor();
    await officer.getByRole('button', { name: 'Подтвердить и выдать направления' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Подтвердить волну и выдать направления?' });
    await dialog.getByText(/^Будет выдано направлений: [\d\s]+/).waitFor();
    await expectAccessible(officer, ['.leaflet-container']);
    await dialog.getByRole('button', { name: 'Подтвердить и выдать направления' }).click();
    await officer.getByText(/Волна подтверждена, выдано направлений: \d+/).waitFor({ timeout: 60_000 });
    await screenshot(officer, 'placement-confirmed');
    const officerPhoneContext = await newContext(browser, server.url, 'phone');
    await officerPhoneContext.addCookies(await officerContext.cookies());
    const officerPhone = await officerPhoneContext.newPage();
    await officerPhone.goto(`/staff/placement/${waveId}`);
    await officerPhone.getByRole('heading', { name: 'Итоги волны (подтверждена)' }).waitFor();
    await expectAccessible(officerPhone, ['.leaflet-container']);
    await screenshot(officerPhone, 'placement-review-phone');
    await officerPhoneContext.close();
    const again = await officer.request.post(`/api/placement/waves/${waveId}/confirm`, {
      headers: {
        'x-csrf-token': (await json<{ csrfToken: string }>(officer, '/api/auth/session')).csrfToken,
      },
    });
    expect(again.status()).toBe(409);

    // The parent sees the direction and its explanation, downloads the PDF and accepts.
    await parent.goto('/my-directions');
    await parent.getByRole('heading', { level: 1, name: 'Мои направления' }).waitFor();
    await parent.getByRole('heading', { name: 'Почему этот детский сад' }).waitFor();
    await parent.getByText(/Место предоставлено в детском саду .* \(ваш выбор № \d+\)/).waitFor();
    const pdfHref = await parent
      .getByRole('link', { name: 'Скачать направление (PDF)' })
      .getAttribute('href');
    const pdf = await parent.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(parent);
    await screenshot(parent, 'placement-parent-direction');
    await parent.getByRole('button', { name: 'Согласиться' }).click();
    await parent.getByText('Вы согласились с направлением', { exact: false }).waitFor();
    await screenshot(parent, 'placement-parent-accepted');
    const phoneContext = await newContext(browser, server.url, 'phone');
    await phoneContext.addCookies(await parentContext.cookies());
    const phone = await phoneContext.newPage();
    await phone.goto('/my-directions');
    await phone.getByRole('heading', { name: 'Почему этот детский сад' }).waitFor();
    await screenshot(phone, 'placement-parent-direction-phone');

    // The head of that kindergarten records the enrollment.
    const kindergarten = review.kindergartens.find(
      (k) => k.kindergartenId === result.assignedKindergartenId,
    )!;
    const headContext = await newContext(browser, server.url);
    const head = await headContext.newPage();
    await signInStaff(head, `head-${kindergarten.code.toLowerCase()}`);
    await head.goto('/staff/directions');
    await head.getByRole('heading', { level: 1, name: 'Направления в детский сад' }).waitFor();
    const childName = (await json<{ directions: { childName: string }[] }>(parent, '/api/my/directions'))
      .directions[0]!.childName;
    await head.getByRole('button', { name: `Зачислить: ${childName}` }).click();
    await head.getByText(`${childName}: зачисление записано.`).waitFor();
    await expectAccessible(head);
    await screenshot(head, 'placement-head-enrolled');

    const after = await json<{ items: MyApplication[] }>(parent, '/api/kindergarten/my/applications');
    expect(after.items.find((a) => a.id === application.id)!.status).toBe('enrolled');

    // Public verification files and page.
    const published = await fetch(`${server.url}/open-data/placement/${waveId}/instance.json`);
    expect(published.status).toBe(200);
    expect(await published.text()).not.toContain(application.number);
    const page = await (await fetch(`${server.url}/open-data/placement/`)).text();
    expect(page).toContain('npm run --silent placement -- --in instance.json');
    for (const c of [parentContext, officerContext, headContext, phoneContext]) await c.close();
  });
});

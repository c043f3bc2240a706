import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, screenshot, signInStaff } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

interface DemoLogin {
  login: string;
  password: string;
  role: string;
  description: string;
}

describe('school staff: a head signs in and manages only their own school', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees their school, fixes its card, gets a wrong ИНН named, and cannot touch another school', async () => {
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as { demoLogins: DemoLogin[] };
    const head = region.demoLogins.find(
      (l) => l.role === 'organisation_head' && l.login.startsWith('school-'),
    )!;
    expect(head, 'a school head is listed on the sign-in page').toBeDefined();
    const schoolName = head.description.replace(/^Директор школы: /, '');

    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await signInStaff(page, head.login, head.password);
    await page.waitForURL((url) => url.pathname === '/staff/organisation');
    await page.getByRole('heading', { level: 1, name: schoolName }).waitFor();
    await expectAccessible(page);

    // A wrong control digit: the field is named, nothing is saved.
    const inn = page.getByLabel('ИНН', { exact: true });
    const original = await inn.inputValue();
    const wrong = original.slice(0, -1) + String((Number(original.at(-1)) + 1) % 10);
    await inn.fill(wrong);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Контрольная цифра не сходится: сверьте номер с выпиской из ЕГРЮЛ.').waitFor();
    await expect(inn.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'organisation-head-wrong-inn-phone');
    const stored = (await (
      await fetch(`${server.url}/api/organisations?kind=school&q=${encodeURIComponent(schoolName)}`)
    ).json()) as {
      items: { id: number; inn: string; shortName: string }[];
    };
    const school = stored.items.find((o) => o.shortName === schoolName)!;
    expect(school.inn).toBe(original);

    await inn.fill(original);
    await page.getByLabel('Телефон').fill('+7 8332 55-44-33');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('status').getByText('Сохранено').waitFor();
    const card = (await (await fetch(`${server.url}/api/organisations/${school.id}`)).json()) as {
      phone: string;
    };
    expect(card.phone).toBe('+7 8332 55-44-33');

    // Another school's card is out of reach for this head, whatever the client sends.
    const other = (await (await fetch(`${server.url}/api/organisations?kind=school&pageSize=5`)).json()) as {
      items: { id: number }[];
    };
    const otherId = other.items.find((o) => o.id !== school.id)!.id;
    const status = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/staff/organisations/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ phone: '000' }),
      });
      return res.status;
    }, otherId);
    expect(status).toBe(403);
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeList } from '../src/contracts/clubs.js';
import type { FamilyResponse } from '../src/contracts/platform-families.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
  signInCitizen,
} from './support/browser.js';

const fullYears = (birth: string, today: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

describe('clubs: a parent finds a club and enrols a child in three taps (web, 390 px)', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('catalog with filters, the programme page, enrolment, «Мои кружки»', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    await signInCitizen(page, 'esia-1000003', '/clubs');
    await page.getByRole('heading', { name: 'Кружки и секции', level: 1 }).waitFor();
    await page.getByText(/Найдено программ: \d+/).waitFor();
    await page.getByLabel('Только с открытой записью').check();
    await expect.poll(() => page.url()).toContain('open=true');
    await expectAccessible(page);
    expect(await sidewaysOverflow(page), 'no sideways scroll').toBeLessThanOrEqual(0);
    await screenshot(page, 'clubs-catalog-phone');

    // A programme with a free seat in an open group that fits one of the family's children.
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    const family = (await (await page.request.get('/api/my/family')).json()) as FamilyResponse;
    let target: { programmeId: number; child: string } | null = null;
    for (const c of family.children) {
      const age = fullYears(c.birthDate, today);
      if (age < 3 || age > 18) continue;
      const list = (await (
        await page.request.get(`/api/clubs/programmes?open=true&age=${age}&sort=free_seats&pageSize=5`)
      ).json()) as ProgrammeList;
      const p = list.items.find((x) => x.freeSeats > 0 && x.ageMin <= age && x.ageMax >= age + 1);
      if (p) {
        target = { programmeId: p.id, child: `${c.firstName} ${c.lastName}` };
        break;
      }
    }
    expect(target, 'a demo programme fits a child of esia-1000003').not.toBeNull();
    await page.goto(`/clubs/programmes/${target!.programmeId}`);
    await page.getByRole('heading', { name: 'Группы', level: 2 }).waitFor();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page), 'no sideways scroll').toBeLessThanOrEqual(0);
    await screenshot(page, 'clubs-programme-phone');

    // Tap 1: «Записаться»; tap 2: the child; tap 3: «Подтвердить запись».
    await page.getByRole('button', { name: 'Записаться' }).first().click();
    await page.getByRole('button', { name: new RegExp(`^${target!.child}`) }).click();
    await page.getByRole('button', { name: 'Подтвердить запись' }).click();
    await page.getByText(/Заявление ДО-\d{4}-\d{6} подано/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'clubs-enrolled-phone');

    await page.getByRole('link', { name: 'Мои кружки' }).first().click();
    await page.getByRole('heading', { name: 'Мои кружки', level: 1 }).waitFor();
    await page.getByText('Зарегистрировано').first().waitFor();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page), 'no sideways scroll').toBeLessThanOrEqual(0);
    await screenshot(page, 'clubs-my-phone');
  });
});

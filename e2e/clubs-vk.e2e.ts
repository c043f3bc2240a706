import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme, ProgrammeList } from '../src/contracts/clubs.js';
import type { FamilyResponse } from '../src/contracts/platform-families.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { launchBrowser, newContext, screenshot } from './support/browser.js';

const fullYears = (birth: string, today: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

describe('clubs: the VK mini app through the demo VK launcher', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('first launch links Госуслуги, a second enrols in three taps; forged and replayed launches are refused', async () => {
    const context = await newContext(browser, server.url, 'desktop');
    const page = await context.newPage();
    await page.goto('/vk-launcher');
    await page.getByRole('heading', { name: 'Демо: VK-лаунчер', level: 1 }).waitFor();
    const communities = page.getByRole('list', { name: 'Сообщества с приложением' }).getByRole('button');
    await communities.first().waitFor();
    await communities.first().click();
    const app = page.frameLocator('iframe[title="Мини-приложение «Запись в кружок»"]');

    // First time: link VK to Госуслуги through the platform's sign-in, back into the mini app.
    await app.getByRole('link', { name: 'Войти через Госуслуги' }).click();
    await app.getByRole('link', { name: /Госуслуги/ }).click();
    await app.locator('input[name="sub"][value="esia-1000003"]').check();
    await app.getByRole('button', { name: 'Войти' }).click();
    await app.getByRole('heading', { name: 'Запись в кружок', level: 1 }).waitFor();
    await app
      .getByRole('heading', { name: /^Открытая запись:|^Другие кружки рядом/ })
      .first()
      .waitFor();
    await screenshot(page, 'clubs-vk-linked');

    // Which open group fits which child (the server would refuse the age with 409 and the reason).
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    const family = (await (await page.request.get('/api/my/family')).json()) as FamilyResponse;
    const first = (
      (await (await page.request.get('/api/vk/demo/communities')).json()) as {
        items: { organisationId: number }[];
      }
    ).items[0]!.organisationId;
    const list = (await (
      await page.request.get(`/api/clubs/programmes?open=true&pageSize=6&firstOrganisationId=${first}`)
    ).json()) as ProgrammeList;
    let target: { label: string; org: string; child: string } | null = null;
    for (const s of list.items) {
      const p = (await (await page.request.get(`/api/clubs/programmes/${s.id}`)).json()) as Programme;
      const g = p.groups.find((x) => x.notJoinable.length === 0);
      const kid = family.children.find((k) => {
        const age = fullYears(k.birthDate, today);
        return age >= p.ageMin && age + 1 <= p.ageMax;
      });
      if (g && kid) {
        target = {
          label: `${p.title} — ${g.name}`,
          org: p.organisation.shortName,
          child: `${kid.firstName} ${kid.lastName}`,
        };
        break;
      }
    }
    expect(target, 'an open group fits a child of esia-1000003').not.toBeNull();

    // Second opening from the community: already linked, three taps — group, child, confirm.
    await communities.first().click();
    await app
      .getByRole('heading', { name: /^Открытая запись:|^Другие кружки рядом/ })
      .first()
      .waitFor();
    await app
      .getByRole('button', { name: target!.label, exact: false })
      .filter({ hasText: target!.org })
      .first()
      .click();
    await app.getByRole('button', { name: new RegExp(`^${target!.child}`) }).click();
    await app.getByRole('button', { name: 'Подтвердить запись' }).click();
    await app.getByText(/Заявление ДО-\d{4}-\d{6} подано/).waitFor();
    await screenshot(page, 'clubs-vk-enrolled');

    // A forged launch (a changed vk_user_id) and a replayed one are refused, in the app and by the API.
    const { items } = (await (await page.request.get('/api/vk/demo/communities')).json()) as {
      items: { params: string }[];
    };
    const params = items[0]!.params;
    // A fresh phone without our cookies, as the VK client is: the API sees the launch alone.
    const phoneContext = await newContext(browser, server.url, 'phone');
    const phone = await phoneContext.newPage();
    const anonymous = phoneContext.request;
    const forged = params.replace(/vk_user_id=\d+/, 'vk_user_id=1');
    const forgedRes = await anonymous.post('/api/vk/launch', { data: { params: forged } });
    expect(forgedRes.status()).toBe(401);
    expect(await forgedRes.json()).toMatchObject({ reason: 'signature' });
    expect((await anonymous.post('/api/vk/launch', { data: { params } })).status()).toBe(200);
    const replay = await anonymous.post('/api/vk/launch', { data: { params } });
    expect(replay.status()).toBe(401);
    expect(await replay.json()).toMatchObject({ reason: 'replayed' });
    await phone.goto(`/vk-app?${forged}`);
    await phone.getByText('Параметры запуска не подписаны ВКонтакте.', { exact: false }).waitFor();
    await screenshot(phone, 'clubs-vk-forged-phone');
    await phone.goto(`/vk-app?${params}`);
    await phone.getByText('Эти параметры запуска уже использованы.', { exact: false }).waitFor();
    await screenshot(phone, 'clubs-vk-replayed-phone');
  });
});

import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolMenus } from '../src/contracts/meals.js';
import { readDailyMenu, writeDailyMenu } from '../src/modules/meals/menu-format/daily-menu.js';
import { generateFaultyWorkbook, generateMenu } from '../src/modules/meals/menu-format/generator.js';
import { Rng } from '../src/demo/random.js';
import ExcelJS from 'exceljs';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
} from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';

interface DemoLogin {
  login: string;
  password: string;
  role: string;
  description: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function signInApi(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

async function renamedSchool(bytes: Buffer, name: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.getWorksheet('1')!;
  ws.getRow(1).eachCell((cell, col) => {
    if (String(cell.value).toLowerCase() === 'школа') ws.getRow(1).getCell(col + 1).value = name;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('school meals: a parent on a phone, a cook uploading', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cook gets a wrong cell named, fixes it, the /food/ folder serves the file; a parent sees the menu', async () => {
    const region = (await (await fetch(`${server.url}/api/region`)).json()) as { demoLogins: DemoLogin[] };
    const cook = region.demoLogins.find((l) => l.role === 'cook')!;
    expect(cook, 'a cook is listed on the sign-in page').toBeDefined();
    const schoolId = Number(cook.login.replace('cook-', ''));
    const menus = (await (
      await fetch(`${server.url}/api/meals/schools/${schoolId}/menus`)
    ).json()) as SchoolMenus;
    expect(menus.today !== null || menus.week.length > 0, 'the demo gave the school menus').toBe(true);
    const session = await signInApi(server.url, cook.login, cook.password);
    const post = (path: string, form: FormData) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });

    // A workbook with text in a number cell: the 422 names the cell and why, nothing is stored.
    const faulty = await generateFaultyWorkbook(5, ['textInNumber']);
    const form = new FormData();
    form.set(
      'file',
      new Blob([await renamedSchool(faulty.bytes, menus.school.name)], { type: XLSX }),
      faulty.fileName,
    );
    const refused = await post(`/api/staff/meals/${schoolId}/daily-menus`, form);
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.message)).toEqual([
      `${faulty.problems[0]!.cell}: expected a number, found "двести"`,
    ]);

    // Fixed: the day's file is in the folder and reads back to the same menu.
    // A day of the week ahead: today's generated menu (with its supplier) stays for the parent's page.
    const day = menus.week[0]?.date ?? menus.date;
    const fixed = {
      ...generateMenu(Rng.derive(5, 'e2e'), { school: menus.school.name, variant: 'sm' }),
      date: day,
    };
    const good = new FormData();
    good.set('file', new Blob([await writeDailyMenu(fixed)], { type: XLSX }), `${day}-sm.xlsx`);
    const stored = await post(`/api/staff/meals/${schoolId}/daily-menus`, good);
    expect(stored.status, await stored.clone().text()).toBe(200);
    const served = await fetch(`${server.url}/food/${schoolId}/${day}-sm.xlsx`);
    expect(served.status).toBe(200);
    const back = await readDailyMenu(Buffer.from(await served.arrayBuffer()), `${day}-sm.xlsx`);
    expect(back).toEqual({ ok: true, value: fixed });
    const index = await (await fetch(`${server.url}/food/${schoolId}/`)).text();
    expect(index).toContain(`href="${day}-sm.xlsx"`);

    // A photo of the first dish and its allergens and supplier, on the first school day from today
    // (on a Saturday or a Sunday in Moscow there is no menu today).
    const schoolDay = menus.today ? menus.date : day;
    const after = (await (
      await fetch(`${server.url}/api/meals/schools/${schoolId}/menus?date=${schoolDay}`)
    ).json()) as SchoolMenus;
    expect(after.today, `the demo has a menu on ${schoolDay}`).not.toBeNull();
    const line = after.today!.items[0]!;
    const photo = new FormData();
    photo.set('altRu', line.dish);
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#d9a441' } })
      .jpeg()
      .toBuffer();
    photo.set('file', new Blob([jpeg], { type: 'image/jpeg' }), 'dish.jpg');
    expect((await post(`/api/staff/meals/${schoolId}/dishes/${line.dishId}/photos`, photo)).status).toBe(201);
    const notImage = new FormData();
    notImage.set('altRu', 'x');
    notImage.set('file', new Blob(['not a photo'], { type: 'image/jpeg' }), 'dish.jpg');
    expect((await post(`/api/staff/meals/${schoolId}/dishes/${line.dishId}/photos`, notImage)).status).toBe(
      415,
    );
    const patch = await fetch(`${server.url}/api/staff/meals/${schoolId}/dishes/${line.dishId}`, {
      method: 'PATCH',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ allergens: ['milk', 'gluten'] }),
    });
    expect(patch.status).toBe(200);

    // The parent's phone (360 px): today's menu with the photo and allergens, the supplier's card.
    const context = await newContext(browser, server.url, 'smallPhone');
    const page = await context.newPage();
    await page.goto(`/meals/${schoolId}${menus.today ? '' : `?date=${schoolDay}`}`);
    await page.getByRole('heading', { level: 1, name: menus.school.name }).waitFor();
    await page.getByRole('img', { name: `Фото блюда: ${line.dish}` }).waitFor();
    await page.getByText('молоко', { exact: true }).first().waitFor();
    await expectAccessible(page);
    const overflow = await sidewaysOverflow(page);
    expect(overflow, 'nothing wider than the 360 px screen').toBeLessThanOrEqual(0);
    await screenshot(page, 'meals-school-phone');
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'meals-school-print');
    const printed = await page.evaluate<string>(
      `[...document.querySelectorAll('body, body > *, body > * > *, main, main > *, main > * > *')].map((e) => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().height)).join(' | ')`,
    );
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, `the menu prints on one A4 page (${printed})`).toBe(1);

    const qr = page.getByRole('link', { name: 'QR-код карточки поставщика' }).first();
    if (await qr.count()) {
      await qr.click();
      await page.getByRole('heading', { level: 2, name: 'Сертификаты и декларации' }).waitFor();
      await expect(page.getByText(/ИНН \d{10}/).count()).resolves.toBeGreaterThan(0);
      await screenshot(page, 'meals-supplier-card-phone');
    }
    await context.close();
  });
});

import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../app/testing/route-request.js';
import { startTestApp, type Client, type TestApp } from '../../app/testing/test-app.js';
import type {
  CyclicMenuSummary,
  DailyMenuView,
  GenerateResult,
  SchoolMenus,
  SupplierCard,
} from '../../contracts/meals.js';
import { readCyclicMenu } from './menu-format/cyclic-menu.js';
import { readDailyMenu, writeDailyMenu } from './menu-format/daily-menu.js';
import { readFolderIndex, readMealCosts } from './menu-format/folder-files.js';
import { generateFaultyWorkbook, generateMenu, generateWorkbook, MESSES } from './menu-format/generator.js';
import type { DailyMenu } from './menu-format/menu.js';
import { writeCyclicMenu } from './menu-format/cyclic-menu.js';
import { Rng } from '../../demo/random.js';
import { randomInn, SCHOOL_A1_NAME } from './testing/route-resources.js';

/** The meals module over HTTP on a real database: uploads, generation, the /food/ folder, suppliers. */
let t: TestApp;
let cook: Client;
let officerB: Client;
let school: number;
beforeAll(async () => {
  t = await startTestApp();
  cook = await t.asFixture('cookA1');
  officerB = await t.asFixture('officerB');
  school = t.fixture.schoolA1;
}, 60_000);
afterAll(async () => t?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(
  client: Client,
  url: string,
  name: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
  type = XLSX,
) {
  const form = multipartBody({ fields, file: { field: 'file', name, type, bytes } });
  return client.request({
    method: 'POST',
    url,
    payload: form.payload,
    headers: { 'content-type': form.contentType },
  });
}

/** A generated workbook rewritten to name school A1 wherever it names its school. */
async function forSchoolA1(bytes: Buffer, school: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  for (const ws of wb.worksheets)
    ws.getRow(1).eachCell((cell) => {
      if (cell.value === school) cell.value = SCHOOL_A1_NAME;
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const plain = (m: DailyMenu) => ({ ...m, school: SCHOOL_A1_NAME });
const menuCount = async (date: string) =>
  (
    await t.db
      .selectFrom('meals_daily_menu')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', school)
      .where('menu_date', '=', date)
      .executeTakeFirstOrThrow()
  ).n;

describe('uploading a daily menu', () => {
  it('stores a clean workbook and serves it in /food/ as the reader reads it back', async () => {
    const menu = { ...generateMenu(Rng.derive(1, 'upload'), { school: SCHOOL_A1_NAME }), date: '2026-10-05' };
    const name = `2026-10-05-${menu.variant}.xlsx`;
    const res = await upload(
      cook,
      `/api/staff/meals/${school}/daily-menus`,
      name,
      await writeDailyMenu(menu),
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<DailyMenuView>();
    expect(view.fileName).toBe(`2026-10-05-${menu.variant}.xlsx`);
    expect(view.items.map((i) => i.dish)).toEqual(menu.items.map((i) => i.dish));
    expect(view.norms.ageGroup).toBe(menu.variant === 'ss' ? '12+' : '7-11');
    const served = await t.anonymous.get(`/food/${school}/${view.fileName}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe(XLSX);
    const back = await readDailyMenu(served.rawPayload, view.fileName);
    expect(back).toEqual({ ok: true, value: menu });
    const again = await t.anonymous.request({
      method: 'GET',
      url: `/food/${school}/${view.fileName}`,
      headers: { 'if-none-match': String(served.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'summary'])
      .where('action', '=', 'meals.menu.uploaded')
      .execute();
    expect(audit.some((a) => a.actor_id === t.fixture.users.cookA1)).toBe(true);
  });

  it('reads every messy shape real schools publish, and the /food/ round trip gives the same menu', async () => {
    for (let seed = 0; seed < 6; seed++) {
      const g = await generateWorkbook(seed, seed === 0 ? MESSES : undefined);
      const bytes = await forSchoolA1(g.bytes, g.menu.school);
      const res = await upload(cook, `/api/staff/meals/${school}/daily-menus`, g.fileName, bytes);
      expect(res.statusCode, `${g.messes.join(',')}: ${res.body}`).toBe(200);
      const served = await t.anonymous.get(`/food/${school}/${g.fileName}`);
      const back = await readDailyMenu(served.rawPayload, g.fileName);
      expect(back, g.messes.join(',')).toEqual({ ok: true, value: plain(g.menu) });
    }
  });

  it('refuses a workbook with wrong cells: a 422 naming every cell, nothing stored', async () => {
    const g = await generateFaultyWorkbook(7, ['textInNumber', 'unknownMeal', 'badYield']);
    const bytes = await forSchoolA1(g.bytes, (await readSchoolName(g.bytes))!);
    const date = g.fileName.slice(0, 10);
    const before = await menuCount(date);
    const res = await upload(cook, `/api/staff/meals/${school}/daily-menus`, g.fileName, bytes);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{ errors: { field: string; message: string }[]; cells: unknown[] }>();
    expect(body.cells).toEqual(g.problems);
    expect(body.errors.map((e) => e.field)).toEqual(g.problems.map((p) => `file!1!${p.cell}`));
    expect(body.errors.find((e) => e.message.includes('двести'))?.message).toMatch(
      /^[F-J]\d+: expected a number, found "двести"$/,
    );
    expect(await menuCount(date)).toBe(before);
  });

  it('refuses what is not an XLSX by its content (415), whatever its name', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
    const res = await upload(cook, `/api/staff/meals/${school}/daily-menus`, '2026-10-06-sm.xlsx', pdf);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('file');
    const text = await upload(cook, `/api/staff/meals/${school}/daily-menus`, 'x.xlsx', Buffer.from('Меню'));
    expect(text.statusCode).toBe(415);
  });

  it("refuses a menu naming another school (422 on B1) and another school's staff (403)", async () => {
    const menu = {
      ...generateMenu(Rng.derive(3, 'other'), { school: 'МБОУ «СОШ № 5»' }),
      date: '2026-10-07',
    };
    const res = await upload(
      cook,
      `/api/staff/meals/${school}/daily-menus`,
      'm.xlsx',
      await writeDailyMenu(menu),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('file!1!B1');
    const good = await writeDailyMenu({ ...menu, school: 'Школа № 3 г. Бета' });
    const foreign = await upload(cook, `/api/staff/meals/${t.fixture.schoolB1}/daily-menus`, 'm.xlsx', good);
    expect(foreign.statusCode).toBe(403);
    const officer = await upload(officerB, `/api/staff/meals/${school}/daily-menus`, 'm.xlsx', good);
    expect(officer.statusCode).toBe(403);
    expect(await menuCount('2026-10-07')).toBe(0);
    const missing = await upload(cook, `/api/staff/meals/999999/daily-menus`, 'm.xlsx', good);
    expect([403, 404]).toContain(missing.statusCode);
  });
});

async function readSchoolName(bytes: Buffer): Promise<string | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.getWorksheet('1')!;
  let name: string | null = null;
  ws.getRow(1).eachCell((cell, col) => {
    if (String(cell.value).toLowerCase() === 'школа') name = String(ws.getRow(1).getCell(col + 1).value);
  });
  return name;
}

describe('the cyclic menu, the calendar and generated daily menus', () => {
  it('generates the school days of a range from the cycle, skipping days off and keeping uploads', async () => {
    const rng = Rng.derive(11, 'cyclic');
    const days = Array.from({ length: 10 }, (_, i) => ({
      day: i + 1,
      items: generateMenu(rng, { school: SCHOOL_A1_NAME, meals: ['Завтрак', 'Обед'], variant: 'sm' }).items,
    }));
    const cyclic = { school: SCHOOL_A1_NAME, branch: null, year: 2027, variant: 'sm' as const, days };
    const up = await upload(
      cook,
      `/api/staff/meals/${school}/cyclic-menus`,
      'tm2027-sm.xlsx',
      await writeCyclicMenu(cyclic),
      { startsOn: '2027-01-11' },
    );
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json<CyclicMenuSummary>()).toMatchObject({ days: 10, year: 2027, fileName: 'tm2027-sm.xlsx' });

    const cal = await cook.put(`/api/staff/meals/${school}/calendar`, {
      from: '2027-01-01',
      to: '2027-01-31',
      daysOff: [{ date: '2027-01-13', kind: 'quarantine', note: 'Карантин по гриппу' }],
    });
    expect(cal.statusCode, cal.body).toBe(200);

    const uploaded = { ...generateMenu(rng, { school: SCHOOL_A1_NAME, variant: 'sm' }), date: '2027-01-15' };
    expect(
      (await upload(cook, `/api/staff/meals/${school}/daily-menus`, 'd.xlsx', await writeDailyMenu(uploaded)))
        .statusCode,
    ).toBe(200);

    const gen = await cook.post(`/api/staff/meals/${school}/daily-menus/generate`, {
      from: '2027-01-11',
      to: '2027-01-22',
      variant: 'sm',
    });
    expect(gen.statusCode, gen.body).toBe(200);
    const result = gen.json<GenerateResult>();
    expect(result.written).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-14',
      '2027-01-18',
      '2027-01-19',
      '2027-01-20',
      '2027-01-21',
      '2027-01-22',
    ]);
    expect(result.kept).toEqual([{ date: '2027-01-15', reason: 'uploaded' }]);

    const list = (await cook.get(`/api/staff/meals/${school}/menus?from=2027-01-11&to=2027-01-22`)).json<{
      items: DailyMenuView[];
    }>();
    const jan14 = list.items.find((m) => m.date === '2027-01-14')!;
    expect(jan14.cycleDay).toBe(3); // the 13th was off, so the 14th serves day 3
    expect(jan14.items.map((i) => i.dish)).toEqual(days[2]!.items.map((i) => i.dish));
    expect(list.items.find((m) => m.date === '2027-01-22')!.cycleDay).toBe(9);

    const tm = await t.anonymous.get(`/food/${school}/tm2027-sm.xlsx`);
    expect(tm.statusCode).toBe(200);
    expect(await readCyclicMenu(tm.rawPayload, 'tm2027-sm.xlsx')).toEqual({ ok: true, value: cyclic });

    // The day becomes a day off: the generated menu is withdrawn on the next run.
    await cook.put(`/api/staff/meals/${school}/calendar`, {
      from: '2027-01-01',
      to: '2027-01-31',
      daysOff: [
        { date: '2027-01-13', kind: 'quarantine' },
        { date: '2027-01-21', kind: 'other', note: 'Актированный день (мороз)' },
      ],
    });
    await cook.post(`/api/staff/meals/${school}/daily-menus/generate`, {
      from: '2027-01-18',
      to: '2027-01-22',
    });
    expect(await menuCount('2027-01-21')).toBe(0);
    expect((await t.anonymous.get(`/food/${school}/2027-01-21-sm.xlsx`)).statusCode).toBe(404);
  });

  it('serves findex.xlsx and kpYYYY.xlsx that the readers read, and the index page', async () => {
    const index = await t.anonymous.get(`/food/${school}/findex.xlsx`);
    expect(index.statusCode).toBe(200);
    const read = await readFolderIndex(index.rawPayload);
    expect(read.ok).toBe(true);
    const names = read.ok ? read.value.files.map((f) => f.name) : [];
    expect(names).toContain('2027-01-14-sm.xlsx');
    expect(names).toContain('tm2027-sm.xlsx');
    expect(names).toContain('kp2027.xlsx');
    const kp = await t.anonymous.get(`/food/${school}/kp2027.xlsx`);
    const costs = await readMealCosts(kp.rawPayload);
    expect(costs.ok && costs.value.rows.length).toBeGreaterThan(0);
    const page = await t.anonymous.get(`/food/${school}/`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    for (const name of names) expect(page.body).toContain(`href="${name}"`);
    expect((await t.anonymous.get(`/food/${school}`)).statusCode).toBe(301);
    expect((await t.anonymous.get(`/food/${school}/2027-01-16-sm.xlsx`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/food/${school}/menu.pdf`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/food/${t.fixture.kindergartenA1 + 100000}/`)).statusCode).toBe(404);
  });
});

describe('the public menu, dishes and suppliers', () => {
  it("shows today's menu and the week ahead with allergens and the norms check", async () => {
    const list = (await cook.get(`/api/staff/meals/${school}/menus?from=2027-01-11&to=2027-01-11`)).json<{
      items: DailyMenuView[];
    }>();
    const line = list.items[0]!.items[0]!;
    const sup = await t.asFixture('mealsA1');
    const created = await sup.post(`/api/staff/meals/${school}/suppliers`, {
      name: 'ООО «Молочный край»',
      inn: randomInn(),
      certificates: [
        {
          kind: 'declaration',
          number: 'ЕАЭС N RU Д-RU.РА01.В.12345/26',
          product: 'Молоко',
          issuedOn: '2026-01-10',
        },
      ],
      batches: [{ product: 'Молоко', batch: '2701-15', producedOn: '2027-01-09', deliveredOn: '2027-01-10' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const card = created.json<SupplierCard>();
    const patched = await cook.patch(`/api/staff/meals/${school}/dishes/${line.dishId}`, {
      allergens: ['milk', 'gluten'],
      supplierId: card.id,
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const res = await t.anonymous.get(`/api/meals/schools/${school}/menus?date=2027-01-11`);
    expect(res.statusCode).toBe(200);
    const menus = res.json<SchoolMenus>();
    expect(menus.today?.date).toBe('2027-01-11');
    expect(menus.today!.items[0]!.allergens).toEqual(['gluten', 'milk']);
    expect(menus.today!.items[0]!.supplierId).toBe(card.id);
    expect(menus.week.map((m) => m.date)).toEqual(['2027-01-12', '2027-01-14', '2027-01-15', '2027-01-18']);
    expect(menus.today!.norms.meals).toEqual(['Завтрак', 'Обед']);
    for (const d of menus.today!.norms.deviations) expect(d.source).toMatch(/СанПиН 2\.3\/2\.4\.3590-20/);
    expect(menus.school.foodFolder).toBe(`/food/${school}/`);
  });

  it("publishes the supplier's card, its page and the QR code; a wrong ИНН is a 422", async () => {
    const sup = await t.asFixture('mealsA1');
    const inn = randomInn();
    const card = (
      await sup.post(`/api/staff/meals/${school}/suppliers`, { name: 'АО «Хлебозавод № 1»', inn })
    ).json<SupplierCard>();
    const json = await t.anonymous.get(`/api/meals/suppliers/${card.id}`);
    expect(json.json<SupplierCard>()).toMatchObject({
      name: 'АО «Хлебозавод № 1»',
      inn,
      schoolName: 'Школа № 1 г. Альфа',
    });
    const qr = await t.anonymous.get(card.qrUrl);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg/);
    const page = await t.anonymous.get(card.cardUrl);
    expect(page.body).toContain('АО «Хлебозавод № 1»');
    const wrong = await sup.post(`/api/staff/meals/${school}/suppliers`, {
      name: 'ООО «Ошибка»',
      inn: `${inn.slice(0, 9)}${(Number(inn[9]) + 1) % 10}`,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('body.inn');
    const twice = await sup.post(`/api/staff/meals/${school}/suppliers`, {
      name: 'АО «Хлебозавод № 1»',
      inn,
    });
    expect(twice.statusCode).toBe(409);
    expect((await cook.post(`/api/staff/meals/${school}/suppliers`, { name: 'Х', inn })).statusCode).toBe(
      403,
    );
  });
});

describe('dish photos', () => {
  it('stores a photo resized for phones as WebP, serves it, and refuses what is no image or too large', async () => {
    const menu = (await cook.get(`/api/staff/meals/${school}/menus?from=2027-01-11&to=2027-01-11`)).json<{
      items: DailyMenuView[];
    }>();
    const dishId = menu.items[0]!.items[1]!.dishId!;
    const url = `/api/staff/meals/${school}/dishes/${dishId}/photos`;
    const big = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 120, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    const res = await upload(cook, url, 'photo.jpg', big, { altRu: 'Суп в тарелке' }, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json<{ url: string; width: number; height: number; mediaType: string }>();
    expect(photo).toMatchObject({ width: 1200, height: 800, mediaType: 'image/webp' });
    const served = await t.anonymous.get(photo.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect((await sharp(served.rawPayload).metadata()).width).toBe(1200);
    const pub = (
      await t.anonymous.get(`/api/meals/schools/${school}/menus?date=2027-01-11`)
    ).json<SchoolMenus>();
    expect(pub.today!.items.find((i) => i.dishId === dishId)!.photoIds).toHaveLength(1);

    const text = await upload(
      cook,
      url,
      'photo.jpg',
      Buffer.from('not an image'),
      { altRu: 'x' },
      'image/jpeg',
    );
    expect(text.statusCode).toBe(415);
    expect(text.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('file');
    const huge = Buffer.concat([big, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload(cook, url, 'photo.jpg', huge, { altRu: 'x' }, 'image/jpeg');
    expect(tooLarge.statusCode).toBe(413);
    const count = await t.db
      .selectFrom('meals_dish_photo')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dish_id', '=', dishId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await upload(officerB, url, 'photo.jpg', big, { altRu: 'x' }, 'image/jpeg');
    expect(other.statusCode).toBe(403);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { parseCsv } from './open-data/csv.js';

/**
 * Every CSV and XLSX the kindergarten module writes, read back as a spreadsheet would: names typed
 * by staff (kindergartens, municipalities) and reasons typed by citizens that start like a formula
 * come out as text, with the leading apostrophe OWASP advises; numbers stay numbers.
 */
const HYPERLINK = '=HYPERLINK("http://x","y")';
const PLUS = '+1';
const AT = '@SUM(1)';
const MINUS = '-2+3';
const neutral = (s: string) => `'${s}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const f = t.fixture;
  for (const [id, name] of [
    [f.kindergartenA1, HYPERLINK],
    [f.kindergartenA2, PLUS],
    [f.kindergartenB1, AT],
  ] as const)
    await t.db.updateTable('kindergarten').set({ name_ru: name }).where('id', '=', id).execute();
  await t.db.updateTable('municipality').set({ name_ru: MINUS }).where('id', '=', f.municipalityA).execute();
});
afterAll(() => t?.close());

const bodyRows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''));

describe('CSV and XLSX files never carry a live formula', () => {
  it('open data: kindergartens.csv', async () => {
    const res = await t.anonymous.get('/open-data/kindergartens.csv');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = bodyRows(res.body);
    const name = header!.indexOf('name');
    const byId = new Map(rows.map((r) => [Number(r[0]), r[name]]));
    expect(byId.get(t.fixture.kindergartenA1)).toBe(neutral(HYPERLINK));
    expect(byId.get(t.fixture.kindergartenA2)).toBe(neutral(PLUS));
    expect(byId.get(t.fixture.kindergartenB1)).toBe(neutral(AT));
    // The JSON of the same dataset is not a spreadsheet: the name is as stored.
    const json = (await t.anonymous.get('/open-data/kindergartens.json')).json<{
      rows: { kindergarten_id: number; name: string }[];
    }>();
    expect(json.rows.find((r) => r.kindergarten_id === t.fixture.kindergartenA1)!.name).toBe(HYPERLINK);
  });

  it('reporting: the indicators CSV and every XLSX sheet', async () => {
    const admin = await t.asFixture('admin');
    const csv = await admin.get('/api/reporting/indicators.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const area = lines.map((l) => l.split(';')[0]);
    expect(area).toContain(neutral(MINUS));
    expect(area).not.toContain(MINUS);

    const xlsx = await admin.get(`/api/reporting/indicators.xlsx?municipalityId=${t.fixture.municipalityA}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const texts: string[] = [];
    const numbers: number[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
          if (typeof cell.value === 'number') numbers.push(cell.value);
        }),
      ),
    );
    expect(texts).toEqual(expect.arrayContaining([neutral(HYPERLINK), neutral(PLUS), neutral(MINUS)]));
    for (const text of texts) expect(text, text).not.toMatch(/^[=+\-@\t\r]/);
    // The title of a municipality's table starts with its name, so it is neutralised too.
    expect(texts.some((s) => s.startsWith(`${neutral(MINUS)}: форма 85-К`))).toBe(true);
    expect(numbers.length).toBeGreaterThan(0);
  });

  it("queue: the staff status export carries a citizen's reason as text", async () => {
    const citizen = await t.asFixture('citizen1');
    const applied = await citizen.request({
      method: 'POST',
      url: '/api/kindergarten/applications',
      headers: { 'idempotency-key': 'formula-cells-1' },
      payload: {
        municipalityId: t.fixture.municipalityA,
        child: {
          lastName: 'Петрова',
          firstName: 'Ольга',
          birthDate: '2025-02-01',
          birthCertificate: 'II-АБ 777001',
        },
        applicant: { fullName: 'Петрова Анна', email: 'anna@example.test' },
        address: 'г. Альфа, ул. Мира, 2',
        desiredDate: '2027-09-01',
        kindergartenIds: [t.fixture.kindergartenA1],
      },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const withdrawn = await citizen.post(`/api/kindergarten/applications/${applied.json().id}/withdraw`, {
      reason: HYPERLINK,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const officer = await t.asFixture('officerA');
    const day = new Date().toISOString().slice(0, 10);
    const res = await officer.get(
      `/api/kindergarten/municipalities/${t.fixture.municipalityA}/status-export?from=${day}&to=${day}&format=csv`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = bodyRows(res.body);
    const reason = header!.indexOf('reason');
    expect(rows.map((r) => r[reason])).toContain(neutral(HYPERLINK));
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // The public queue CSV is written by the same writer: every row parses to its six columns.
    const pub = await t.anonymous.get(
      `/api/public/queue?municipalityId=${t.fixture.municipalityA}&ageGroup=2&format=csv`,
    );
    expect(pub.statusCode, pub.body).toBe(200);
    for (const row of bodyRows(pub.body)) expect(row).toHaveLength(6);
  });
});

import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackDashboard } from '../../../contracts/feedback.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { regionDay } from '../calendar/region-today.js';

/**
 * The ЦУР dashboard over appeals whose figures are known: ten in municipality A (kindergarten A1),
 * answered after 1…10 days, rated; two in B; coverage for a municipal officer; the XLSX says what the
 * screen says.
 */
let t: TestApp;
const today = regionDay(new Date());
// The period covers every appeal below whatever day the test runs on.
const from = addDays(today, -60);

beforeAll(async () => {
  t = await startTestApp();
  const citizen = await t.asFixture('citizen1');
  const file = async (organisationId: number, categoryCode: string) => {
    const res = await citizen.post('/api/my/feedback/appeals', {
      kind: 'appeal',
      categoryCode,
      organisationId,
      text: 'Проверка панели',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  for (let i = 1; i <= 10; i++) {
    const id = await file(
      t.fixture.kindergartenA1,
      i <= 6 ? 'education.kindergartens' : 'education.school_meals',
    );
    // Registered ten days ago, answered after i days, rated 1…5 in turn.
    await sql`update feedback_appeal set status = 'answered', registered_on = current_date - 10,
        received_on = current_date - 10, answer_text = 'Ответ',
        answered_at = (current_date - 10 + ${i}::int)::timestamp at time zone 'Europe/Moscow' + interval '12 hours',
        rating = ${((i - 1) % 5) + 1}
      where id = ${id}`.execute(t.db);
  }
  for (let i = 0; i < 2; i++) {
    const id = await file(t.fixture.kindergartenB1, 'education.kindergartens');
    // Registered 40 days ago, still open, past its limit.
    await sql`update feedback_appeal set received_on = current_date - 40, registered_on = current_date - 40,
        answer_due = current_date - 1 where id = ${id}`.execute(t.db);
  }
});
afterAll(() => t?.close());

const load = async (who: 'curOperator' | 'officerA', extra = '') => {
  const res = await (
    await t.asFixture(who)
  ).get(`/api/staff/feedback/dashboard?from=${from}&to=${today}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeedbackDashboard>();
};

describe('the ЦУР dashboard', () => {
  it('counts the region’s appeals once, by month, municipality, topic and organisation', async () => {
    const d = await load('curOperator');
    expect(d.coverage).toBe('region');
    expect(d.total).toMatchObject({
      registered: 12,
      answered: 10,
      overdue: 2,
      meanDaysToAnswer: 5.5,
      p90DaysToAnswer: 9.1,
      meanRating: 3,
      rated: 10,
      ratings: [2, 2, 2, 2, 2],
    });
    expect(d.now).toEqual({ open: 2, overdue: 2, dueSoon: 0 });
    expect(d.byMonth.reduce((s, m) => s + m.registered, 0)).toBe(12);
    const [first, second] = d.byMunicipality;
    expect(first).toMatchObject({ municipalityId: t.fixture.municipalityA, registered: 10, overdue: 0 });
    expect(second).toMatchObject({ municipalityId: t.fixture.municipalityB, registered: 2, overdue: 2 });
    expect(d.byCategory.map((c) => [c.categoryCode, c.registered, c.share])).toEqual([
      ['education.kindergartens', 8, 0.6667],
      ['education.school_meals', 4, 0.3333],
    ]);
    expect(d.byOrganisation[0]).toMatchObject({ organisationId: t.fixture.kindergartenA1, registered: 10 });
  });

  it('shows a municipal officer their municipality only, and filters by one', async () => {
    const mine = await load('officerA');
    expect(mine.coverage).toBe('partial');
    expect(mine.total.registered).toBe(10);
    expect(mine.byMunicipality.map((m) => m.municipalityId)).toEqual([t.fixture.municipalityA]);
    const b = await load('curOperator', `&municipalityId=${t.fixture.municipalityB}`);
    expect(b.total.registered).toBe(2);
  });

  it('exports the same figures as XLSX', async () => {
    const res = await (
      await t.asFixture('curOperator')
    ).get(`/api/staff/feedback/dashboard.xlsx?from=${from}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Итоги',
      'По месяцам',
      'По муниципалитетам',
      'По темам',
      'По организациям',
    ]);
    const summary = wb.getWorksheet('Итоги')!;
    expect(summary.getRow(3).values).toEqual([undefined, 'Зарегистрировано за период', 12]);
    expect(summary.getRow(7).values).toEqual([undefined, '90-й процентиль времени ответа, дн.', 9.1]);
    const topics = wb.getWorksheet('По темам')!;
    expect(topics.getRow(3).getCell(1).value).toBe('Детские сады');
    expect(topics.getRow(3).getCell(8).value).toBe(0.6667);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await (
      await t.asFixture('curOperator')
    ).get(`/api/staff/feedback/dashboard?from=${today}&to=${from}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('querystring.to');
  });
});

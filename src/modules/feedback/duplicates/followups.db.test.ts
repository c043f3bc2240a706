import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal, SimilarAppeal, StaffAppeal } from '../../../contracts/feedback.js';
import { startTestApp, type Client, type TestApp } from '../../../app/testing/test-app.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { regionDay } from '../calendar/region-today.js';
import { AppealService, DEFAULT_APPEAL_OPTIONS, sendDueSurveys } from '../appeals/appeal-service.js';
import { inTransaction } from '../../../platform/db/transaction.js';

// Duplicates, the «устранено» survey and automatic routing (issue 15) on a real database.
let t: TestApp;
let citizen1: Client;
let citizen2: Client;
let operator: Client;
beforeAll(async () => {
  t = await startTestApp();
  citizen1 = await t.asFixture('citizen1');
  citizen2 = await t.asFixture('citizen2');
  operator = await t.asFixture('curOperator');
});
afterAll(() => t?.close());

const COLD = 'В группе «Пчёлка» холодно, батареи еле тёплые, дети мёрзнут.';
const kindergarten = (text = COLD) => ({
  kind: 'appeal',
  categoryCode: 'education.kindergartens',
  organisationId: t.fixture.kindergartenA2,
  text,
});

async function file(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/my/feedback/appeals', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Appeal>();
}
async function similar(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/my/feedback/appeals/similar', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SimilarAppeal[] }>().items;
}
const staffGet = async (id: number) => {
  const res = await operator.get(`/api/staff/feedback/appeals/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffAppeal>();
};
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('feedback_appeal')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('duplicates', () => {
  it('offers an open similar appeal before filing, without its author or text, and joining links it', async () => {
    const first = await file(citizen1, kindergarten());
    const offered = await similar(citizen2, {
      categoryCode: 'education.kindergartens',
      organisationId: t.fixture.kindergartenA2,
      text: 'Холодно в группе, батарея чуть тёплая',
    });
    expect(offered.map((s) => s.number)).toContain(first.number);
    const item = offered.find((s) => s.id === first.id)!;
    expect(Object.keys(item).sort()).toEqual(
      [
        'answerDue',
        'categoryCode',
        'categoryEn',
        'categoryRu',
        'distanceMetres',
        'id',
        'number',
        'organisationName',
        'registeredOn',
        'similarity',
        'status',
      ].sort(),
    );
    expect(JSON.stringify(offered)).not.toContain('Пчёлка');
    // Another category, another organisation, another problem: nothing offered.
    expect(
      await similar(citizen2, { ...kindergarten('Холодно в группе'), categoryCode: 'education.schools' }),
    ).toEqual([]);
    expect(
      (
        await similar(citizen2, {
          ...kindergarten('Холодно в группе'),
          organisationId: t.fixture.kindergartenB1,
        })
      ).length,
    ).toBe(0);
    expect(
      (await similar(citizen2, kindergarten('Не работает освещение на участке'))).map((s) => s.id),
    ).not.toContain(first.id);

    const joined = await file(citizen2, {
      ...kindergarten('Холодно в группе, батарея чуть тёплая'),
      duplicateOfId: first.id,
    });
    expect(joined.number).not.toBe(first.number);
    expect(joined.duplicateOf).toEqual({ id: first.id, number: first.number });
    expect(joined.answerDue).toBe(first.answerDue);
    expect(joined.events.map((e) => e.type)).toEqual(['registered', 'joined']);

    // The operator sees the link on both sides; neither is hidden from the queue.
    const original = await staffGet(first.id);
    expect(original.duplicates.linked).toEqual([
      expect.objectContaining({ id: joined.id, number: joined.number, relation: 'joined_by' }),
    ]);
    expect(original.duplicates.possible.map((p) => p.id)).not.toContain(joined.id);
    const second = await staffGet(joined.id);
    expect(second.duplicates.linked).toEqual([expect.objectContaining({ id: first.id, relation: 'joined' })]);
    const queue = await operator.get('/api/staff/feedback/appeals?pageSize=100');
    const ids = queue.json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, joined.id]));
  });

  it('matches map points within the radius only', async () => {
    const at = { lat: 58.6035, lon: 49.668 };
    const pothole = (
      point: { lat: number; lon: number },
      text = 'Большая яма на дороге у остановки, асфальт разбит',
    ) => ({
      kind: 'appeal',
      categoryCode: 'roads.repair',
      point,
      text,
    });
    const first = await file(citizen1, pothole(at));
    const near = await similar(
      citizen2,
      pothole({ lat: at.lat + 200 / 111_195, lon: at.lon }, 'Яма на дороге у остановки'),
    );
    expect(near.find((s) => s.id === first.id)?.distanceMetres).toBeGreaterThan(150);
    const far = await similar(
      citizen2,
      pothole({ lat: at.lat + 500 / 111_195, lon: at.lon }, 'Яма на дороге у остановки'),
    );
    expect(far.map((s) => s.id)).not.toContain(first.id);
    // The operator of the first sees the second, filed nearby without joining, as a possible duplicate.
    const other = await file(
      citizen2,
      pothole({ lat: at.lat + 100 / 111_195, lon: at.lon }, 'Яма на дороге, разбит асфальт у остановки'),
    );
    expect((await staffGet(first.id)).duplicates.possible.map((p) => p.id)).toContain(other.id);
  });

  it('refuses to join what is not an open similar appeal (422 naming the field), storing nothing', async () => {
    const unrelated = await file(citizen1, kindergarten('Не вывозят мусор с территории детского сада'));
    const before = await count();
    for (const duplicateOfId of [unrelated.id, 2_000_000_000]) {
      const res = await citizen2.post('/api/my/feedback/appeals', { ...kindergarten(), duplicateOfId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('body.duplicateOfId');
    }
    expect(await count()).toBe(before);
    const bad = await citizen2.post('/api/my/feedback/appeals/similar', {
      categoryCode: 'no.such',
      organisationId: 1,
      text: 'x',
    });
    expect(bad.statusCode).toBe(422);
    const noText = await citizen2.post('/api/my/feedback/appeals/similar', {
      categoryCode: 'roads.repair',
      organisationId: 1,
    });
    expect(noText.statusCode).toBe(400);
  });
});

describe('the «устранено» survey', () => {
  it('asks some days after an answer saying «устранено»; «нет» reopens once, audited and notified', async () => {
    const appeal = await file(citizen1, kindergarten('Сломаны качели на прогулочном участке'));
    const post = (step: string, body: unknown) =>
      operator.post(`/api/staff/feedback/appeals/${appeal.id}/${step}`, body);
    expect((await post('assign', {})).statusCode).toBe(200);
    const answered = (
      await post('answer', { text: 'Качели отремонтированы, неисправность устранена.', fixed: true })
    ).json<StaffAppeal>();
    const today = regionDay(new Date());
    expect(answered).toMatchObject({
      answerFixed: true,
      survey: { due: addDays(today, 14), askedAt: null, answer: null },
    });
    const answerSurvey = (fixed: boolean) =>
      citizen1.post(`/api/my/feedback/appeals/${appeal.id}/survey`, { fixed });
    expect((await answerSurvey(false)).statusCode).toBe(409); // not asked yet

    // Not yet due: nothing sent; on the day: sent once, however often the sweep runs.
    await inTransaction(t.db, (tx) => sendDueSurveys(tx, addDays(today, 13)));
    const sent = await inTransaction(t.db, (tx) => sendDueSurveys(tx, addDays(today, 14)));
    expect(sent).toBeGreaterThanOrEqual(1);
    await inTransaction(t.db, (tx) => sendDueSurveys(tx, addDays(today, 15)));
    const notices = await t.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('dedupe_key', '=', `in-app:feedback:${appeal.id}:survey`)
      .execute();
    expect(notices).toHaveLength(1);
    expect(
      citizen2.post(`/api/my/feedback/appeals/${appeal.id}/survey`, { fixed: false }),
    ).resolves.toMatchObject({ statusCode: 404 });

    const reopened = await answerSurvey(false);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<Appeal>()).toMatchObject({ status: 'in_work', survey: { answer: 'not_fixed' } });
    expect((await answerSurvey(false)).statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('subject_id', '=', String(appeal.id))
      .where('action', 'in', ['feedback.appeal.status_changed', 'feedback.appeal.survey_sent'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toContain('feedback.appeal.survey_sent');
    expect(audit.at(-1)).toMatchObject({
      action: 'feedback.appeal.status_changed',
      summary: { to: 'in_work', survey: 'not_fixed' },
    });
    const family = await t.db
      .selectFrom('family_request')
      .select('state')
      .where('module', '=', 'feedback')
      .where('external_id', '=', String(appeal.id))
      .executeTakeFirstOrThrow();
    expect(family.state).toBe('open');

    // Answered «устранено» again: no second survey (the «нет» reopens once).
    const again = (await post('answer', { text: 'Качели заменены.', fixed: true })).json<StaffAppeal>();
    expect(again).toMatchObject({ status: 'answered', survey: { answer: 'not_fixed' } });
    await inTransaction(t.db, (tx) => sendDueSurveys(tx, addDays(today, 30)));
    expect((await answerSurvey(false)).statusCode).toBe(409);
    expect((await staffGet(appeal.id)).events.filter((e) => e.type === 'reopened')).toHaveLength(1);
  });

  it('a «да» records the answer and changes nothing else; an answer without «устранено» asks nothing', async () => {
    const appeal = await file(citizen1, kindergarten('Не закрывается калитка у входа'));
    const post = (step: string, body: unknown) =>
      operator.post(`/api/staff/feedback/appeals/${appeal.id}/${step}`, body);
    await post('assign', {});
    await post('answer', { text: 'Калитка отремонтирована.', fixed: true });
    await inTransaction(t.db, (tx) => sendDueSurveys(tx, addDays(regionDay(new Date()), 14)));
    const res = await citizen1.post(`/api/my/feedback/appeals/${appeal.id}/survey`, { fixed: true });
    expect(res.json<Appeal>()).toMatchObject({ status: 'answered', survey: { answer: 'fixed' } });

    const plain = await file(citizen1, kindergarten('Когда будет ремонт крыльца?'));
    await operator.post(`/api/staff/feedback/appeals/${plain.id}/assign`, {});
    const a = await operator.post(`/api/staff/feedback/appeals/${plain.id}/answer`, { text: 'Летом.' });
    expect(a.json<StaffAppeal>()).toMatchObject({ answerFixed: false, survey: null });
  });
});

describe('automatic routing above a confidence', () => {
  it('routes by the suggested category at or above the threshold, audited with the score', async () => {
    const roadsOfficer = t.fixture.users.curOperator;
    const kgHead = t.fixture.users.citizen1; // any user: the rule's assignee is only compared
    await t.db
      .insertInto('feedback_routing_rule')
      .values([
        { category_code: 'roads.repair', assignee_user_id: roadsOfficer },
        { category_code: 'education.kindergartens', assignee_user_id: kgHead },
      ])
      .execute();
    try {
      const actor = { userId: t.fixture.users.citizen2, role: 'citizen' as const };
      const service = (score: number) =>
        new AppealService(t.db, undefined, {
          ...DEFAULT_APPEAL_OPTIONS,
          suggest: () => [{ categoryCode: 'roads.repair', score }],
          autoRouteConfidence: 0.85,
        });
      const input = {
        kind: 'appeal' as const,
        categoryCode: 'education.kindergartens',
        point: { lat: 58.6, lon: 49.6 },
        text: 'Яма на дороге у детского сада',
      };
      const high = await service(0.93).file(actor, input);
      const low = await service(0.6).file(actor, input);
      const rows = await t.db
        .selectFrom('feedback_appeal')
        .select([
          'id',
          'category_code',
          'assignee_user_id',
          'suggested_category_code',
          'suggested_score',
          'auto_routed',
        ])
        .where('id', 'in', [String(high.id), String(low.id)])
        .orderBy('id')
        .execute();
      expect(rows[0]).toMatchObject({
        category_code: 'education.kindergartens',
        assignee_user_id: roadsOfficer,
        suggested_category_code: 'roads.repair',
        suggested_score: 0.93,
        auto_routed: true,
      });
      expect(rows[1]).toMatchObject({ assignee_user_id: kgHead, suggested_score: 0.6, auto_routed: false });
      const audit = await t.db
        .selectFrom('audit_event')
        .select(['subject_id', 'summary'])
        .where('action', '=', 'feedback.appeal.auto_routed')
        .where('subject_id', 'in', [String(high.id), String(low.id)])
        .execute();
      expect(audit).toEqual([
        expect.objectContaining({
          subject_id: String(high.id),
          summary: expect.objectContaining({
            score: 0.93,
            threshold: 0.85,
            suggestedCategory: 'roads.repair',
          }),
        }),
      ]);
      expect(high.events.map((e) => e.type)).toEqual(['registered', 'auto_routed', 'assigned']);
      const page = await staffGet(high.id);
      expect(page.autoRouting).toEqual({
        categoryCode: 'roads.repair',
        score: 0.93,
        threshold: DEFAULT_APPEAL_OPTIONS.autoRouteConfidence,
        routed: true,
      });
      expect((await staffGet(low.id)).autoRouting).toMatchObject({ score: 0.6, routed: false });
    } finally {
      await t.db.deleteFrom('feedback_routing_rule').execute();
    }
  });

  it('the shipped model through the API: a suggestion is recorded only when it differs, routed only above the threshold', async () => {
    const appeal = await file(citizen1, {
      kind: 'appeal',
      categoryCode: 'education.kindergartens',
      point: { lat: 58.61, lon: 49.61 },
      text: 'На дороге огромная яма, асфальт разбит, машины ломают колёса, нужен ремонт дорожного покрытия',
    });
    const row = await t.db
      .selectFrom('feedback_appeal')
      .select(['suggested_category_code', 'suggested_score', 'auto_routed'])
      .where('id', '=', String(appeal.id))
      .executeTakeFirstOrThrow();
    expect(row.suggested_category_code).not.toBe('education.kindergartens');
    if (row.suggested_score !== null) expect(row.auto_routed).toBe(false); // no rules: nothing to route by
  });
});

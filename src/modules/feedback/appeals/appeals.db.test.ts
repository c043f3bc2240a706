import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal, StaffAppeal } from '../../../contracts/feedback.js';
import { pngImage } from '../../../app/testing/test-images.js';
import { startTestApp, type Client, type TestApp } from '../../../app/testing/test-app.js';
import { regionDay } from '../calendar/region-today.js';

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

const BOUNDARY = '----appeal-photo';
function photoBody(file: Buffer, name = 'photo.png') {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}
const uploadPhoto = (client: Client, appealId: number, file: Buffer) =>
  client.request({
    method: 'POST',
    url: `/api/my/feedback/appeals/${appealId}/photos`,
    payload: photoBody(file),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });

const kindergartenAppeal = () => ({
  kind: 'appeal',
  categoryCode: 'education.kindergartens',
  organisationId: t.fixture.kindergartenA1,
  text: 'В группе «Солнышко» холодно, батареи еле тёплые.',
});

async function file(client = citizen1, body: Record<string, unknown> = kindergartenAppeal()) {
  const res = await client.post('/api/my/feedback/appeals', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Appeal>();
}

const countAppeals = async () =>
  Number(
    (
      await t.db
        .selectFrom('feedback_appeal')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const staffGet = async (client: Client, id: number) => {
  const res = await client.get(`/api/staff/feedback/appeals/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffAppeal>();
};

describe('filing an appeal', () => {
  it('gives a number and deadlines, a request on the family page, an audit row and a notice', async () => {
    const appeal = await file();
    const today = regionDay(new Date());
    expect(appeal.number).toMatch(/^FB-\d{4}-\d{6}$/);
    expect(appeal).toMatchObject({
      status: 'registered',
      registeredOn: today,
      organisationName: expect.any(String),
    });
    expect(appeal.answerDue > today).toBe(true);
    expect(appeal.events.map((e) => e.type)).toEqual(['registered']);
    const request = await t.db
      .selectFrom('family_request')
      .selectAll()
      .where('module', '=', 'feedback')
      .where('external_id', '=', String(appeal.id))
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      kind: 'appeal',
      owner_user_id: t.fixture.users.citizen1,
      reference: appeal.number,
      state: 'open',
      link: `/feedback/appeals/${appeal.id}`,
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('subject_type', '=', 'feedback_appeal')
      .where('subject_id', '=', String(appeal.id))
      .execute();
    expect(audit).toEqual([{ action: 'feedback.appeal.registered', actor_id: t.fixture.users.citizen1 }]);
    await t.drainJobs();
    const notice = await t.db
      .selectFrom('notification')
      .select(['template', 'link'])
      .where('user_id', '=', t.fixture.users.citizen1)
      .where('template', '=', 'feedback.appeal.registered')
      .execute();
    expect(notice).toContainEqual({
      template: 'feedback.appeal.registered',
      link: `/feedback/appeals/${appeal.id}`,
    });
    const list = (await citizen1.get('/api/my/feedback/appeals')).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).toContain(appeal.id);
    expect((await citizen2.get('/api/my/feedback/appeals')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('a message about a map point takes the category’s shorter target and the nearest municipality', async () => {
    const res = await citizen1.post('/api/my/feedback/appeals', {
      kind: 'message',
      categoryCode: 'education.school_meals',
      point: { lat: 58.21, lon: 50.1 },
      text: 'Холодный суп в столовой',
    });
    expect(res.statusCode, res.body).toBe(201);
    const appeal = res.json<Appeal>();
    // 5 working days is at most 5 + 2 weekends + holidays: well under the 30 days of an appeal.
    expect(appeal.answerDue < (await file()).answerDue).toBe(true);
    expect((await staffGet(operator, appeal.id)).municipalityId).toBe(t.fixture.municipalityB);
  });

  it('refuses bad input naming the field, storing nothing', async () => {
    const before = await countAppeals();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...kindergartenAppeal(), text: '   ' }, 400, 'text'],
      [{ ...kindergartenAppeal(), categoryCode: 'education.zoos' }, 422, 'body.categoryCode'],
      [{ ...kindergartenAppeal(), organisationId: 999_999 }, 422, 'body.organisationId'],
      [{ kind: 'appeal', categoryCode: 'roads.repair', text: 'Яма' }, 400, 'organisationId'],
      [{ ...kindergartenAppeal(), text: 'x'.repeat(5001) }, 400, 'text'],
    ];
    for (const [body, status, field] of cases) {
      const res = await citizen1.post('/api/my/feedback/appeals', body);
      expect(res.statusCode, res.body).toBe(status);
      const errors = res.json<{ errors: { field: string }[] }>().errors;
      expect(errors.map((e) => e.field).join(' '), res.body).toContain(field);
    }
    expect(await countAppeals()).toBe(before);
  });

  it('is for citizens: staff are refused', async () => {
    const res = await operator.post('/api/my/feedback/appeals', kindergartenAppeal());
    expect(res.statusCode).toBe(403);
  });

  it('takes photos that are images within 5 MB, refuses others naming the file', async () => {
    const appeal = await file();
    const ok = await uploadPhoto(citizen1, appeal.id, pngImage(8, 6));
    expect(ok.statusCode, ok.body).toBe(201);
    const notImage = await uploadPhoto(citizen1, appeal.id, Buffer.from('%PDF-1.4 not a photo'));
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe('file');
    const big = Buffer.concat([pngImage(8, 6), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await uploadPhoto(citizen1, appeal.id, big)).statusCode).toBe(413);
    const page = (await citizen1.get(`/api/my/feedback/appeals/${appeal.id}`)).json<Appeal>();
    expect(page.photos).toHaveLength(1);
    const photo = await citizen1.get(page.photos[0]!.url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await citizen2.get(page.photos[0]!.url)).statusCode).toBe(404);
    expect((await uploadPhoto(citizen2, appeal.id, pngImage(8, 6))).statusCode).toBe(404);
  });

  it("another citizen's appeal is not found, to read or to rate", async () => {
    const appeal = await file();
    expect((await citizen2.get(`/api/my/feedback/appeals/${appeal.id}`)).statusCode).toBe(404);
    expect(
      (await citizen2.post(`/api/my/feedback/appeals/${appeal.id}/rating`, { rating: 1 })).statusCode,
    ).toBe(404);
    expect((await citizen1.get(`/api/my/feedback/appeals/999999`)).statusCode).toBe(404);
  });
});

describe('the operator’s desk', () => {
  it('shows an appeal to the staff who cover it and to no one else', async () => {
    const appeal = await file();
    const queueIds = async (who: Parameters<TestApp['asFixture']>[0]) => {
      const res = await (await t.asFixture(who)).get('/api/staff/feedback/appeals?pageSize=100');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { id: number }[] }>().items.map((i) => i.id);
    };
    for (const who of ['curOperator', 'officerA', 'headA1'] as const)
      expect(await queueIds(who), who).toContain(appeal.id);
    for (const who of ['officerB', 'headB1', 'schoolHeadA1'] as const)
      expect(await queueIds(who), who).not.toContain(appeal.id);
    expect(
      (await (await t.asFixture('officerB')).get(`/api/staff/feedback/appeals/${appeal.id}`)).statusCode,
    ).toBe(404);
    const page = await staffGet(operator, appeal.id);
    expect(page.citizenName).toBe('Test citizen1');
    expect(page.permittedActions).toEqual([
      'feedback.appeal.handle',
      'feedback.appeal.route',
      'feedback.answer.publish',
    ]);
    expect((await staffGet(await t.asFixture('headA1'), appeal.id)).permittedActions).toEqual([
      'feedback.appeal.handle',
    ]);
  });

  it('takes into work, answers; a rating of 2 returns it once, the second low rating closes it', async () => {
    const { id } = await file();
    const post = (path: string, body: unknown) =>
      operator.post(`/api/staff/feedback/appeals/${id}/${path}`, body);
    expect((await post('answer', { text: 'Ответ' })).statusCode).toBe(409); // not in work yet
    expect((await post('assign', {})).json<StaffAppeal>().status).toBe('in_work');
    const answered = await post('answer', { text: 'Отопление проверено, радиаторы промыты.' });
    expect(answered.json<StaffAppeal>()).toMatchObject({
      status: 'answered',
      answerText: expect.any(String),
    });
    const rate = (rating: number) => citizen1.post(`/api/my/feedback/appeals/${id}/rating`, { rating });
    expect((await rate(6)).statusCode).toBe(400);
    expect((await rate(2)).json<Appeal>()).toMatchObject({
      status: 'answer_rejected',
      reworkUsed: true,
      rating: 2,
    });
    expect((await rate(2)).statusCode).toBe(409);
    const request = await t.db
      .selectFrom('family_request')
      .select(['status', 'state'])
      .where('module', '=', 'feedback')
      .where('external_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'answer_rejected', state: 'open' });
    expect((await post('assign', {})).json<StaffAppeal>().status).toBe('in_work');
    await post('answer', { text: 'Радиаторы заменены.' });
    expect((await rate(1)).json<Appeal>()).toMatchObject({ status: 'closed', rating: 1 });
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(actions.filter((a) => a.action === 'feedback.appeal.status_changed')).toHaveLength(6);
    const page = await staffGet(operator, id);
    expect(page.events.map((e) => e.type)).toEqual([
      'registered',
      'work_started',
      'answered',
      'rated',
      'work_started',
      'answered',
      'rated',
    ]);
    expect(page.permittedActions).toEqual([]);
  });

  it('extends once by up to 30 days, with notice', async () => {
    const appeal = await file();
    const post = (body: unknown) => operator.post(`/api/staff/feedback/appeals/${appeal.id}/extend`, body);
    const bad = await post({ days: 31, reason: 'проверка' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]!.field).toContain('days');
    const ok = (await post({ days: 30, reason: 'нужна выездная проверка' })).json<StaffAppeal>();
    expect(ok.extended).toBe(true);
    expect(ok.answerDue > appeal.answerDue).toBe(true);
    expect((await post({ days: 5, reason: 'ещё' })).statusCode).toBe(409);
  });

  it('leaves without an answer with its legal ground; nothing moves it after', async () => {
    const appeal = await file();
    const res = await operator.post(`/api/staff/feedback/appeals/${appeal.id}/without-answer`, {
      ground: 'obscene_language',
    });
    expect(res.json<StaffAppeal>()).toMatchObject({
      status: 'left_without_answer',
      withoutAnswerGround: 'obscene_language',
      withoutAnswerArticle: '59-ФЗ ст. 11 ч. 3',
    });
    expect((await operator.post(`/api/staff/feedback/appeals/${appeal.id}/assign`, {})).statusCode).toBe(409);
    const bad = await operator.post(`/api/staff/feedback/appeals/${appeal.id}/without-answer`, {
      ground: 'boring',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('forwards to another organisation (audited), which then covers it', async () => {
    const appeal = await file();
    const res = await operator.post(`/api/staff/feedback/appeals/${appeal.id}/forward`, {
      organisationId: t.fixture.schoolA1,
      note: 'по компетенции',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<StaffAppeal>()).toMatchObject({
      status: 'forwarded',
      responsibleOrganisationId: t.fixture.schoolA1,
    });
    expect(
      (await (await t.asFixture('schoolHeadA1')).get(`/api/staff/feedback/appeals/${appeal.id}`)).statusCode,
    ).toBe(200);
    expect(
      (await (await t.asFixture('headA1')).get(`/api/staff/feedback/appeals/${appeal.id}`)).statusCode,
    ).toBe(404);
    // An organisation's head handles but does not route.
    const head = await t.asFixture('schoolHeadA1');
    expect(
      (
        await head.post(`/api/staff/feedback/appeals/${appeal.id}/forward`, {
          organisationId: t.fixture.kindergartenA1,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await head.post(`/api/staff/feedback/appeals/${appeal.id}/assign`, {})).statusCode).toBe(200);
  });

  it('routes a new appeal by the most specific rule and reassigns it on request', async () => {
    await t.db
      .insertInto('feedback_routing_rule')
      .values({
        category_code: 'education',
        municipality_id: t.fixture.municipalityA,
        assignee_user_id: t.fixture.users.officerA,
      })
      .execute();
    const appeal = await file();
    const page = await staffGet(operator, appeal.id);
    expect(page.assigneeUserId).toBe(t.fixture.users.officerA);
    const res = await operator.post(`/api/staff/feedback/appeals/${appeal.id}/assign`, {
      assigneeUserId: t.fixture.users.headA1,
    });
    expect(res.json<StaffAppeal>()).toMatchObject({
      assigneeUserId: t.fixture.users.headA1,
      status: 'in_work',
    });
    const toCitizen = await operator.post(`/api/staff/feedback/appeals/${appeal.id}/assign`, {
      assigneeUserId: t.fixture.users.citizen2,
    });
    expect(toCitizen.statusCode).toBe(422);
    await t.db.deleteFrom('feedback_routing_rule').execute();
  });

  it('puts overdue appeals first and filters by urgency', async () => {
    const late = await file();
    await t.db
      .updateTable('feedback_appeal')
      .set({ answer_due: '2020-01-10', registered_on: '2019-12-10', received_on: '2019-12-10' })
      .where('id', '=', String(late.id))
      .execute();
    const res = await operator.get('/api/staff/feedback/appeals?pageSize=2');
    const body = res.json<{ items: { id: number; urgency: string }[]; total: number }>();
    expect(body.items[0]).toMatchObject({ id: late.id, urgency: 'overdue' });
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    const overdue = (await operator.get('/api/staff/feedback/appeals?urgency=overdue')).json<{
      items: { id: number }[];
    }>();
    expect(overdue.items.map((i) => i.id)).toEqual([late.id]);
  });
});

describe('public topics', () => {
  it('counts appeals by category over a period with their share', async () => {
    const today = regionDay(new Date());
    const res = await t.anonymous.get(`/api/feedback/topics?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      total: number;
      topics: { categoryCode: string; count: number; share: number }[];
    }>();
    expect(body.topics[0]!.categoryCode).toBe('education.kindergartens');
    expect(body.topics.reduce((s, x) => s + x.count, 0)).toBe(body.total);
    expect(body.topics.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 3);
    const bad = await t.anonymous.get('/api/feedback/topics?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]!.field).toContain('to');
    const tree = (await t.anonymous.get('/api/feedback/categories')).json<{ groups: unknown[] }>();
    expect(tree.groups).toHaveLength(17);
  });
});

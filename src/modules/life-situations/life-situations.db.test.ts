import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import type {
  SituationList,
  SituationPlan,
  Rating,
  RatingSummary,
  MyRatable,
} from '../../contracts/life-situations.js';
import { SHIPPED_SITUATIONS } from './catalogue/shipped-catalogue.js';
import { finishedRequest } from './testing/route-resources.js';

/** The navigator and «Ваш контроль» over HTTP on a real database, one app for the file. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => t?.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-15`;

async function addChild(userId: string, birthDate: string) {
  const child = await t.db
    .insertInto('child')
    .values({
      last_name: 'Тестова',
      first_name: 'Ева',
      birth_date: birthDate,
      sex: 'f',
      birth_certificate: `II-ТС ${crypto.randomInt(1e5, 1e6)}`,
      source: 'manual',
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('child_representative')
    .values({ child_id: child.id, user_id: userId, relation: 'parent', added_via: 'manual' })
    .execute();
  return child.id;
}

async function addRequest(
  owner: string,
  status: string,
  state: 'open' | 'done',
  childId: string | null = null,
) {
  const row = await t.db
    .insertInto('family_request')
    .values({
      module: 'kindergarten',
      kind: 'kindergarten.application',
      external_id: crypto.randomUUID(),
      owner_user_id: owner,
      child_id: childId,
      reference: 'Т-000123',
      status,
      state,
      link: '/my/applications/77',
      submitted_at: new Date('2026-03-01T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const versionOf = async (code: string) =>
  (
    await t.db
      .selectFrom('life_situation')
      .select('current_version')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).current_version;

describe('the public catalogue', () => {
  it('ships the 24 federal situations and the regional ones, once, with an audit row', async () => {
    const res = await t.anonymous.get('/api/life-situations');
    expect(res.statusCode).toBe(200);
    const body = res.json<SituationList>();
    expect(body.total).toBe(SHIPPED_SITUATIONS.length);
    expect(body.items.filter((s) => s.origin === 'federal')).toHaveLength(24);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'life_situation.shipped')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('searches in Russian with stemming and prefixes', async () => {
    const kg = (
      await t.anonymous.get(`/api/life-situations?q=${encodeURIComponent('детские сады')}`)
    ).json<SituationList>();
    expect(kg.items[0]?.code).toBe('kindergarten');
    const large = (
      await t.anonymous.get(`/api/life-situations?q=${encodeURIComponent('многодетн')}`)
    ).json<SituationList>();
    expect(large.items.map((s) => s.code)).toEqual(['large-family']);
    const none = (
      await t.anonymous.get(`/api/life-situations?q=${encodeURIComponent('!!! & |')}`)
    ).json<SituationList>();
    expect(none.total).toBe(SHIPPED_SITUATIONS.length);
  });

  it('tailors a situation by the answers; an unknown question or answer is a 422 naming it', async () => {
    const plan = (
      await t.anonymous.post('/api/life-situations/kindergarten/plan', { answers: { benefit: 'yes' } })
    ).json<SituationPlan>();
    expect(plan.personal).toBe(false);
    expect(plan.skipped).toEqual([]);
    expect(plan.items.find((i) => i.id === 'benefit-documents')?.applies).toBe('yes');
    expect(plan.items.find((i) => i.id === 'pmpk')?.applies).toBe('unknown');
    const no = (
      await t.anonymous.post('/api/life-situations/kindergarten/plan', {
        answers: { benefit: 'no', health: 'no' },
      })
    ).json<SituationPlan>();
    expect(no.skipped).toEqual(['pmpk', 'benefit-documents']);
    const bad = await t.anonymous.post('/api/life-situations/kindergarten/plan', {
      answers: { benefit: 'maybe' },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual(['body.answers.benefit']);
    const unknown = await t.anonymous.post('/api/life-situations/kindergarten/plan', {
      answers: { pets: 'yes' },
    });
    expect(fieldsOf(unknown.json())).toEqual(['body.answers.pets']);
    expect((await t.anonymous.get('/api/life-situations/no-such')).statusCode).toBe(404);
  });

  it('exports the catalogue as CPSV-AP JSON-LD', async () => {
    const res = await t.anonymous.get('/api/life-situations/cpsv-ap.jsonld');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = res.json<{ '@context': Record<string, string>; '@graph': Record<string, unknown>[] }>();
    expect(doc['@context'].cv).toBe('http://data.europa.eu/m8g/');
    expect(doc['@graph'].filter((n) => n['@type'] === 'cv:LifeEvent')).toHaveLength(
      SHIPPED_SITUATIONS.length,
    );
    const certificate = doc['@graph'].find((n) =>
      String(n['@id']).endsWith('/life-situations/large-family#certificate-0'),
    )!;
    expect(certificate['@type']).toBe('cpsv:PublicService');
    expect(JSON.stringify(certificate['cv:hasLegalResource'])).toContain('№ 63');
  });
});

describe("a family's task list", () => {
  let mother: string;
  beforeAll(async () => {
    mother = t.fixture.users.citizen2;
    const child = await addChild(mother, yearsAgo(3));
    await addRequest(mother, 'registered', 'open', child);
  });

  it('shows the real application: «apply» done, the direction next; nothing for the signed-out', async () => {
    expect((await t.anonymous.post('/api/my/life-situations/kindergarten/plan', {})).statusCode).toBe(401);
    const me = await t.asFixture('citizen2');
    const plan = (
      await me.post('/api/my/life-situations/kindergarten/plan', { answers: { benefit: 'no', health: 'no' } })
    ).json<SituationPlan>();
    expect(plan.personal).toBe(true);
    expect(plan.items.map((i) => [i.id, i.status])).toEqual([
      ['child-documents', 'done'],
      ['apply', 'done'],
      ['direction', 'in_progress'],
      ['enrolment', 'blocked'],
      ['fee-compensation', 'blocked'],
    ]);
    expect(plan.next).toBe('direction');
    expect(plan.requests.map((r) => r.reference)).toEqual(['Т-000123']);
    expect(plan.items.find((i) => i.id === 'enrolment')?.blockedBy).toEqual(['direction']);
  });

  it('offers «Многодетная семья» once there are three children under 18', async () => {
    const me = await t.asFixture('citizen2');
    expect((await me.get('/api/my/life-situations/offers')).json<{ items: unknown[] }>().items).toEqual([]);
    await addChild(mother, yearsAgo(10));
    await addChild(mother, yearsAgo(19)); // grown up: does not count
    expect((await me.get('/api/my/life-situations/offers')).json<{ items: unknown[] }>().items).toEqual([]);
    await addChild(mother, yearsAgo(15));
    const offers = (await me.get('/api/my/life-situations/offers')).json<{
      items: { code: string; titleRu: string }[];
    }>();
    expect(offers.items.map((o) => o.titleRu)).toEqual(['Многодетная семья']);
    const plan = (await me.post('/api/my/life-situations/large-family/plan', {})).json<SituationPlan>();
    expect(plan.items[0]).toMatchObject({ id: 'status', status: 'done' });
    // The toddler's application already in the queue is the priority step done (the benefit is checked by the queue).
    expect(plan.items.find((i) => i.id === 'kindergarten-priority')?.status).toBe('done');
  });
});

describe('staff edit situations in versions', () => {
  const kindergarten = SHIPPED_SITUATIONS.find((s) => s.code === 'kindergarten')!;

  it('refuses a cycle or a step pointing nowhere, naming the step, and stores nothing', async () => {
    const admin = await t.asFixture('admin');
    const cyclic = {
      ...kindergarten,
      items: kindergarten.items.map((i) =>
        i.id === 'child-documents' ? { ...i, requires: ['enrolment'] } : i,
      ),
    };
    const res = await admin.put('/api/staff/life-situations/kindergarten', { definition: cyclic });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('cycle');
    expect(fieldsOf(res.json())).toEqual(['body.definition.items[0].requires']);
    const nowhere = {
      ...kindergarten,
      items: [...kindergarten.items, { id: 'lost', titleRu: 'Куда-то', services: [] }],
    };
    const res2 = await admin.put('/api/staff/life-situations/kindergarten', { definition: nowhere });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().errors[0]).toMatchObject({
      field: 'body.definition.items[7].services',
      message: 'step «lost» points at no service',
    });
    expect(await versionOf('kindergarten')).toBe(1);
  });

  it('saves a valid edit as the next version, audited, and lists the versions', async () => {
    const admin = await t.asFixture('admin');
    const edited = { ...kindergarten, summaryRu: 'Обновлённое описание ситуации про детский сад.' };
    const res = await admin.put('/api/staff/life-situations/kindergarten', {
      definition: edited,
      note: 'Уточнили описание',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    expect((await t.anonymous.get('/api/life-situations/kindergarten')).json().definition.summaryRu).toBe(
      edited.summaryRu,
    );
    const versions = (await admin.get('/api/staff/life-situations/kindergarten/versions')).json<{
      items: { version: number; note: string }[];
    }>();
    expect(versions.items.map((v) => [v.version, v.note])).toEqual([
      [2, 'Уточнили описание'],
      [1, 'shipped'],
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'life_situation.edited')
      .execute();
    expect(
      audit.map((a) => (typeof a.summary === 'string' ? JSON.parse(a.summary) : a.summary)),
    ).toMatchObject([{ from: 1, to: 2 }]);
    const officer = await t.asFixture('officerA');
    expect(
      (await officer.put('/api/staff/life-situations/kindergarten', { definition: edited })).statusCode,
    ).toBe(403);
  });
});

describe('«Ваш контроль» ratings', () => {
  const scores = { timeToResult: 5, waitingTime: 3, staffPoliteness: 5, comfort: 4, information: 4 };
  const ratingCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('service_rating')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses a score outside 1–5, another family's request, an unfinished one — naming the field, storing nothing", async () => {
    const me = await t.asFixture('citizen1');
    const done = await finishedRequest(t.db, t.fixture);
    const before = await ratingCount();
    const low = await me.post(`/api/my/requests/${done}/rating`, { ...scores, comfort: 0 });
    expect(low.statusCode).toBe(400);
    expect(fieldsOf(low.json())).toEqual(['body.comfort']);
    const high = await me.post(`/api/my/requests/${done}/rating`, { ...scores, information: 6 });
    expect(fieldsOf(high.json())).toEqual(['body.information']);
    const other = await t.asFixture('citizen2');
    const foreign = await other.post(`/api/my/requests/${done}/rating`, scores);
    expect(foreign.statusCode).toBe(404);
    expect(fieldsOf(foreign.json())).toEqual(['params.requestId']);
    const open = await addRequest(t.fixture.users.citizen1, 'registered', 'open');
    const unfinished = await me.post(`/api/my/requests/${open}/rating`, scores);
    expect(unfinished.statusCode).toBe(409);
    expect(fieldsOf(unfinished.json())).toEqual(['params.requestId']);
    expect(await ratingCount()).toBe(before);
  });

  it('a family rates once; the organisation answers publicly; the summary counts it', async () => {
    const me = await t.asFixture('citizen1');
    const done = await finishedRequest(t.db, t.fixture);
    const res = await me.post(`/api/my/requests/${done}/rating`, { ...scores, comment: 'Спасибо!' });
    expect(res.statusCode).toBe(201);
    const rating = res.json<Rating>();
    expect(rating).toMatchObject({
      organisationId: t.fixture.kindergartenA1,
      municipalityId: t.fixture.municipalityA,
      average: 4.2,
    });
    expect((await me.post(`/api/my/requests/${done}/rating`, scores)).statusCode).toBe(409);
    const mine = (await me.get('/api/my/ratings')).json<MyRatable>();
    expect(mine.items.find((i) => i.requestId === done)?.rating?.id).toBe(rating.id);

    const stranger = await t.asFixture('headB1');
    expect(
      (await stranger.post(`/api/staff/ratings/${rating.id}/answer`, { body: 'Не наш' })).statusCode,
    ).toBe(403);
    const head = await t.asFixture('headA1');
    const queue = (await head.get('/api/staff/ratings?unanswered=true')).json<{ items: Rating[] }>();
    expect(queue.items.map((r) => r.id)).toContain(rating.id);
    expect(queue.items.every((r) => r.organisationId === t.fixture.kindergartenA1)).toBe(true);
    const answered = await head.post(`/api/staff/ratings/${rating.id}/answer`, {
      body: 'Спасибо за оценку!',
    });
    expect(answered.statusCode).toBe(201);
    expect((await head.post(`/api/staff/ratings/${rating.id}/answer`, { body: 'Ещё раз' })).statusCode).toBe(
      409,
    );
    const pub = (await t.anonymous.get(`/api/ratings?organisationId=${t.fixture.kindergartenA1}`)).json<{
      items: Rating[];
    }>();
    expect(pub.items.find((r) => r.id === rating.id)?.answer?.body).toBe('Спасибо за оценку!');
    expect(JSON.stringify(pub)).not.toContain(t.fixture.users.citizen1);

    const summary = (await t.anonymous.get('/api/ratings/summary?by=organisation')).json<RatingSummary>();
    const a1 = summary.groups.find((g) => g.key === String(t.fixture.kindergartenA1))!;
    expect(a1.count).toBeGreaterThanOrEqual(1);
    expect(a1.averages.overall).toBeGreaterThan(0);
    const byService = (await t.anonymous.get('/api/ratings/summary?by=service')).json<RatingSummary>();
    expect(byService.groups.map((g) => g.key)).toContain('kindergarten/kindergarten.application');
    expect(summary.months.at(-1)?.month).toBe(new Date().toISOString().slice(0, 7));
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', String(rating.id))
      .where('subject_type', '=', 'service_rating')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['service_rating.answered', 'service_rating.created']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';

/** The portal's reads over HTTP on a real database: a family's own requests, and the news. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => t?.close());

type Item = { id: number; module: string; state: string; submittedAt: string; link: string };
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

async function addRequest(owner: string, externalId: string, submittedAt: string, state: string) {
  await t.db
    .insertInto('family_request')
    .values({
      module: 'clubs',
      kind: 'clubs.enrolment',
      external_id: externalId,
      owner_user_id: owner,
      reference: `К-${externalId}`,
      status: state === 'open' ? 'submitted' : 'enrolled',
      state: state as 'open',
      link: `/clubs/enrolments/${externalId}`,
      submitted_at: new Date(submittedAt),
    })
    .execute();
}

describe('GET /api/my/requests', () => {
  let own: string;
  let other: string;
  beforeAll(async () => {
    own = t.fixture.users.citizen1;
    other = t.fixture.users.citizen2;
    await addRequest(own, 'e1', '2026-09-01T09:00:00Z', 'open');
    await addRequest(own, 'e2', '2026-10-01T09:00:00Z', 'done');
    await addRequest(own, 'e3', '2026-11-01T09:00:00Z', 'open');
    await addRequest(other, 'e4', '2026-11-02T09:00:00Z', 'open');
  });

  const stored = (owner: string, state?: string) =>
    t.db
      .selectFrom('family_request')
      .select(['id', 'state'])
      .where('owner_user_id', '=', owner)
      .$if(!!state, (q) => q.where('state', '=', state as 'open'))
      .execute();

  it("answers with the caller's own requests only, newest first", async () => {
    const me = await t.asFixture('citizen1');
    const res = await me.get('/api/my/requests?pageSize=100');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = res.json<{ items: Item[]; total: number }>();
    const mine = await stored(own);
    expect(body.total).toBe(mine.length);
    expect(body.items.map((i) => i.id).sort()).toEqual(mine.map((r) => Number(r.id)).sort());
    const times = body.items.map((i) => i.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.items.find((i) => i.link === '/clubs/enrolments/e3')).toMatchObject({
      module: 'clubs',
      kind: 'clubs.enrolment',
      reference: 'К-e3',
      status: 'submitted',
      state: 'open',
      submittedAt: '2026-11-01T09:00:00.000Z',
    });
    expect(body.items.some((i) => i.link === '/clubs/enrolments/e4')).toBe(false);
  });

  it('filters by state and pages', async () => {
    const me = await t.asFixture('citizen1');
    const open = (await me.get('/api/my/requests?state=open&pageSize=100')).json<{
      items: Item[];
      total: number;
    }>();
    expect(open.total).toBe((await stored(own, 'open')).length);
    expect(open.items.every((i) => i.state === 'open')).toBe(true);
    const all = (await me.get('/api/my/requests?pageSize=100')).json<{ items: Item[] }>();
    const second = (await me.get('/api/my/requests?pageSize=1&page=2')).json<{
      items: Item[];
      page: number;
    }>();
    expect(second).toMatchObject({ page: 2, pageSize: 1 });
    expect(second.items.map((i) => i.id)).toEqual([all.items[1]!.id]);
  });

  it('asks to sign in, and refuses a state it does not know, naming the field', async () => {
    expect((await t.anonymous.get('/api/my/requests')).statusCode).toBe(401);
    const me = await t.asFixture('citizen2');
    const bad = await me.get('/api/my/requests?state=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(bad.json()).join(' ')).toMatch(/state/);
    const tooBig = await me.get('/api/my/requests?pageSize=1000');
    expect(tooBig.statusCode).toBe(400);
    expect(fieldsOf(tooBig.json()).join(' ')).toMatch(/pageSize/);
  });
});

describe('GET /api/portal/news', () => {
  beforeAll(async () => {
    await t.db
      .insertInto('portal_news')
      .values([
        {
          published_on: '2026-10-01',
          module: 'kindergarten',
          title_ru: 'Старая новость',
          body_ru: 'Текст новости.',
        },
        {
          published_on: '2026-11-20',
          module: null,
          title_ru: 'Свежая новость',
          title_en: 'Fresh news',
          body_ru: 'Текст свежей новости.',
          body_en: 'Fresh news text.',
          link: '/kindergartens',
        },
        { published_on: '2026-11-01', module: 'clubs', title_ru: 'Средняя новость', body_ru: 'Текст.' },
      ])
      .execute();
  });

  it('is public, newest first, paginated', async () => {
    const res = await t.anonymous.get('/api/portal/news?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { titleRu: string }[]; total: number }>();
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.titleRu)).toEqual(['Свежая новость', 'Средняя новость']);
    expect(res.json().items[0]).toMatchObject({
      publishedOn: '2026-11-20',
      module: null,
      titleEn: 'Fresh news',
      bodyEn: 'Fresh news text.',
      link: '/kindergartens',
    });
    const last = (await t.anonymous.get('/api/portal/news?pageSize=2&page=2')).json();
    expect(last.items.map((i: { titleRu: string }) => i.titleRu)).toEqual(['Старая новость']);
  });

  it('refuses a page that is not a number, naming the field', async () => {
    const bad = await t.anonymous.get('/api/portal/news?page=first');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json()).join(' ')).toMatch(/page/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';

/** The registry of organisations over HTTP on a real database: public cards, scoped edits, audit. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => t?.close());

const card = (id: number) => `/api/organisations/${id}`;
const staffCard = (id: number) => `/api/staff/organisations/${id}`;
const auditOf = (id: number) =>
  t.db
    .selectFrom('audit_event')
    .select(['action', 'actor_id', 'actor_role', 'summary'])
    .where('subject_type', '=', 'organisation')
    .where('subject_id', '=', String(id))
    .orderBy('seq')
    .execute();
const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((e) => e.field.replace(/^body\./, ''));

describe('public registry', () => {
  it('lists kindergartens and schools, filters by kind, municipality and search, pages', async () => {
    const all = (await t.anonymous.get('/api/organisations?pageSize=200')).json();
    expect(all.items.map((o: { kind: string }) => o.kind).sort()).toEqual([
      'kindergarten',
      'kindergarten',
      'kindergarten',
      'school',
      'school',
    ]);
    const schools = (await t.anonymous.get('/api/organisations?kind=school')).json();
    expect(schools.total).toBe(2);
    const inA = (
      await t.anonymous.get(`/api/organisations?municipalityId=${t.fixture.municipalityA}&kind=school`)
    ).json();
    expect(inA.items.map((o: { id: number }) => o.id)).toEqual([t.fixture.schoolA1]);
    const found = (await t.anonymous.get(`/api/organisations?q=${encodeURIComponent('ромашк')}`)).json();
    expect(found.items.map((o: { id: number }) => o.id)).toEqual([t.fixture.kindergartenA2]);
    const page2 = (await t.anonymous.get('/api/organisations?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
  });

  it('shows a card, and 404 for an organisation that does not exist', async () => {
    const res = await t.anonymous.get(card(t.fixture.schoolA1));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'school', inn: '4345000016', vkCommunities: [] });
    expect((await t.anonymous.get(card(999_999))).statusCode).toBe(404);
  });
});

describe('editing a card', () => {
  it('the school head edits their school, audited with before and after', async () => {
    const head = await t.asFixture('schoolHeadA1');
    const res = await head.patch(staffCard(t.fixture.schoolA1), {
      phone: '+7 8332 11-22-33',
      headName: 'Петрова Анна Ивановна',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+7 8332 11-22-33', changed: ['phone', 'headName'] });
    const audit = await auditOf(t.fixture.schoolA1);
    expect(audit.at(-1)).toMatchObject({
      action: 'organisation.card.updated',
      actor_id: t.fixture.users.schoolHeadA1,
      actor_role: 'organisation_head',
      summary: { kind: 'school', changes: { phone: { from: null, to: '+7 8332 11-22-33' } } },
    });
  });

  it('staff of another school, or an officer of another municipality, change nothing', async () => {
    const before = (await t.anonymous.get(card(t.fixture.schoolA1))).json();
    const audits = (await auditOf(t.fixture.schoolA1)).length;
    for (const who of ['schoolHeadB1', 'officerB', 'headA1', 'cookA1'] as const) {
      const res = await (await t.asFixture(who)).patch(staffCard(t.fixture.schoolA1), { phone: '000' });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await t.anonymous.get(card(t.fixture.schoolA1))).json()).toEqual(before);
    expect(await auditOf(t.fixture.schoolA1)).toHaveLength(audits);
    const officer = await t.asFixture('officerA');
    expect(
      (await officer.patch(staffCard(t.fixture.schoolA1), { website: 'https://school1.example.ru' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a wrong ИНН check digit, a bad ОГРН, a КПП without ИНН and unknown fields, naming each; nothing changes', async () => {
    const head = await t.asFixture('schoolHeadA1');
    const before = (await t.anonymous.get(card(t.fixture.schoolA1))).json();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ inn: '4345000017' }, 'inn', 400],
      [{ inn: '43450000' }, 'inn', 400],
      [{ ogrn: '1027700132196' }, 'ogrn', 400],
      [{ kpp: '43450100' }, 'kpp', 400],
      [{ inn: null }, 'inn', 422],
      [{ lat: 58.1, lon: null }, 'lon', 422],
      [{ colour: 'red' }, '', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await head.patch(staffCard(t.fixture.schoolA1), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (field) expect(fieldsOf(res.json()), JSON.stringify(body)).toContain(field);
    }
    expect((await t.anonymous.get(card(t.fixture.schoolA1))).json()).toEqual(before);
  });

  it('an ИНН and КПП already registered to another organisation is a 409 naming the field', async () => {
    const head = await t.asFixture('schoolHeadA1');
    const res = await head.patch(staffCard(t.fixture.schoolA1), { inn: '4345000023' });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res.json())).toEqual(['inn']);
  });

  it("a kindergarten head edits their kindergarten's organisation card and the catalog shows it", async () => {
    const head = await t.asFixture('headA1');
    const res = await head.patch(staffCard(t.fixture.kindergartenA1), {
      shortName: 'Детский сад № 1 «Солнышко» г. Альфа',
      inn: '4345000030',
    });
    expect(res.statusCode, res.body).toBe(200);
    const kg = await t.db
      .selectFrom('kindergarten')
      .select('name_ru')
      .where('id', '=', t.fixture.kindergartenA1)
      .executeTakeFirstOrThrow();
    expect(kg.name_ru).toBe('Детский сад № 1 «Солнышко» г. Альфа');
  });
});

describe('VK communities', () => {
  it('are set by the head, shown on the card, and one group belongs to one organisation', async () => {
    const head = await t.asFixture('schoolHeadA1');
    const communities = [{ groupId: 123456, screenName: 'school1_alpha', clubsAppInstalled: true }];
    const res = await head.put(`${staffCard(t.fixture.schoolA1)}/vk-communities`, { communities });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.anonymous.get(card(t.fixture.schoolA1))).json().vkCommunities).toEqual(communities);
    const other = await t.asFixture('schoolHeadB1');
    const taken = await other.put(`${staffCard(t.fixture.schoolB1)}/vk-communities`, { communities });
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken.json())).toEqual(['communities']);
    const twice = await head.put(`${staffCard(t.fixture.schoolA1)}/vk-communities`, {
      communities: [...communities, ...communities],
    });
    expect(twice.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { parseCsv } from '../open-data/csv.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const f = t.fixture;
  // Two children attend the nursery group of A1 (one under 3), one applicant names A1 first.
  const children = await t.db
    .insertInto('child')
    .values([
      {
        last_name: 'Иванова',
        first_name: 'Анна',
        birth_date: '2024-03-01',
        birth_certificate: 'I-AA-100001',
      },
      { last_name: 'Петров', first_name: 'Иван', birth_date: '2021-05-10', birth_certificate: 'I-AA-100002' },
      {
        last_name: 'Сидоров',
        first_name: 'Пётр',
        birth_date: '2022-10-01',
        birth_certificate: 'I-AA-100003',
      },
    ])
    .returning('id')
    .execute();
  await t.db
    .insertInto('enrollment')
    .values([
      { group_id: f.groupA1Young, child_id: children[0]!.id, enrolled_on: '2025-09-01' },
      { group_id: f.groupA1Young, child_id: children[1]!.id, enrolled_on: '2025-09-01' },
    ])
    .execute();
  const app = await t.db
    .insertInto('application')
    .values({
      number: 'T-0001',
      municipality_id: f.municipalityA,
      child_id: children[2]!.id,
      applicant_name: 'Сидорова М.',
      address: 'г. Альфа',
      registered_at: '2025-01-10T10:00:00Z',
      desired_date: '2026-09-01',
      status: 'registered',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('application_choice')
    .values([
      { application_id: app.id, rank: 1, kindergarten_id: f.kindergartenA1 },
      { application_id: app.id, rank: 2, kindergarten_id: f.kindergartenA2 },
    ])
    .execute();
});
afterAll(() => t.close());

const body = <T = any>(res: { json: () => unknown }) => res.json() as T; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('public catalog', () => {
  it('lists kindergartens with free places and applicants, counted in one snapshot', async () => {
    const res = await t.anonymous.get('/api/kindergartens');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^W\/"cat-/);
    const list = body(res);
    expect(list.total).toBe(3);
    const a1 = list.items.find((k: { id: number }) => k.id === t.fixture.kindergartenA1);
    expect(a1).toMatchObject({
      capacity: 30,
      enrolled: 2,
      freePlaces: 28,
      applicantsFirst: 1,
      applicantsAny: 1,
    });
    const again = await t.anonymous.request({
      method: 'GET',
      url: '/api/kindergartens',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('filters by age with free places, municipality and searches in Russian by prefix', async () => {
    const age3 = body(await t.anonymous.get('/api/kindergartens?age=3&freeOnly=true'));
    expect(age3.items.map((k: { id: number }) => k.id)).toEqual([t.fixture.kindergartenA2]);
    expect(age3.items[0].freeForAge).toBe(15);
    const inB = body(await t.anonymous.get(`/api/kindergartens?municipalityId=${t.fixture.municipalityB}`));
    expect(inB.total).toBe(1);
    const search = body(await t.anonymous.get(`/api/kindergartens?q=${encodeURIComponent('Ромаш')}`));
    expect(search.items.map((k: { id: number }) => k.id)).toEqual([t.fixture.kindergartenA2]);
    const byStreet = body(await t.anonymous.get(`/api/kindergartens?q=${encodeURIComponent('Садовая')}`));
    expect(byStreet.items.map((k: { id: number }) => k.id)).toEqual([t.fixture.kindergartenB1]);
    const nasty = await t.anonymous.get(`/api/kindergartens?q=${encodeURIComponent("'):*&|!")}`);
    expect(nasty.statusCode).toBe(200);
  });

  it('sorts by distance from a point and geocodes an address by its street', async () => {
    const near = body(await t.anonymous.get('/api/kindergartens?lat=58.2&lon=50.1&sort=distance'));
    expect(near.items[0].id).toBe(t.fixture.kindergartenB1);
    expect(near.items[0].distanceKm).toBe(0);
    const geo = await t.anonymous.get(
      `/api/kindergartens/geocode?q=${encodeURIComponent('г. Альфа, ул. Мира, 10')}`,
    );
    expect(geo.statusCode).toBe(200);
    expect(body(geo)).toMatchObject({ lat: 58.61, lon: 49.62, precision: 'street' });
    const unknown = await t.anonymous.get(`/api/kindergartens/geocode?q=${encodeURIComponent('Марс')}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a kindergarten page with groups and a history of free places', async () => {
    const page = body(await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}`));
    expect(page.municipalityNameRu).toBe('Альфа');
    expect(page.groups).toHaveLength(2);
    expect(page.groups[0]).toMatchObject({ capacity: 10, enrolled: 2, freePlaces: 8 });
    const history = body(
      await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}/history?months=12`),
    );
    expect(history.points).toHaveLength(13);
    expect(history.points.at(-1)).toMatchObject({ capacity: 30, enrolled: 2, freePlaces: 28, applicants: 1 });
    expect((await t.anonymous.get('/api/kindergartens/999999')).statusCode).toBe(404);
  });

  it('summarises municipalities with a pressure figure', async () => {
    const s = body(await t.anonymous.get('/api/kindergartens/summary'));
    const alpha = s.items.find(
      (m: { municipalityId: number }) => m.municipalityId === t.fixture.municipalityA,
    );
    expect(alpha).toMatchObject({
      kindergartens: 2,
      capacity: 45,
      enrolled: 2,
      freePlaces: 43,
      applicants: 1,
    });
    expect(alpha.pressureLevel).toBe('low');
  });

  it('publishes open data: index, RFC 4180 CSV and JSON with stable columns', async () => {
    const index = await t.anonymous.get('/open-data/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('/open-data/vacancies.csv');
    expect(index.body).toContain('CC BY 4.0');
    const csv = await t.anonymous.get('/open-data/vacancies.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    // A byte order mark, so a spreadsheet program reads the Cyrillic as UTF-8.
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.body);
    expect(rows[0]!.slice(0, 3)).toEqual(['date', 'group_id', 'kindergarten_id']);
    expect(rows).toHaveLength(5);
    const json = body(await t.anonymous.get('/open-data/kindergartens.json'));
    expect(json.rows).toHaveLength(3);
    expect(json.rows[0]).toHaveProperty('free_places');
    const dict = body(await t.anonymous.get('/open-data/data-dictionary.json'));
    expect(dict.datasets.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(['kindergartens', 'groups', 'vacancies']),
    );
    // Any past day from history: before the fixture's enrollments nobody attended.
    const past = parseCsv((await t.anonymous.get('/open-data/vacancies/2025-06-01.csv')).body);
    expect(past[0]).toEqual(
      expect.arrayContaining(['date', 'group_id', 'capacity', 'enrolled', 'free_places']),
    );
    const young = past.find((r) => r[1] === String(t.fixture.groupA1Young))!;
    expect(young.slice(-3)).toEqual(['10', '0', '10']);
    const later = body(await t.anonymous.get('/open-data/vacancies/2025-10-01.json'));
    expect(later.rows.find((r: { group_id: number }) => r.group_id === t.fixture.groupA1Young).enrolled).toBe(
      2,
    );
    expect((await t.anonymous.get('/open-data/vacancies/2025-13-45.csv')).statusCode).toBe(422);
    expect((await t.anonymous.get('/open-data/vacancies/yesterday.csv')).statusCode).toBe(400);
  });

  it('carries the passport of the open-data recommendations v3.0: list, meta, structure, dated data', async () => {
    const list = parseCsv((await t.anonymous.get('/open-data/sets/list.csv')).body);
    expect(list[0]).toEqual(['property', 'title', 'value', 'format']);
    const metaUrl = new URL(list.find((r) => r[0]!.endsWith('-vacancies'))![2]!);
    const metaRes = await t.anonymous.get(metaUrl.pathname);
    expect(metaRes.statusCode).toBe(200);
    expect(metaRes.body.startsWith('\uFEFF')).toBe(true);
    const meta = parseCsv(metaRes.body);
    const links = meta.filter((r) => /^(data|structure)-/.test(r[0]!)).map((r) => new URL(r[1]!).pathname);
    expect(links).toHaveLength(2);
    const [dataPath, structurePath] = links as [string, string];
    const structure = parseCsv((await t.anonymous.get(structurePath)).body);
    const data = parseCsv((await t.anonymous.get(dataPath)).body);
    // The data file's header is the structure's field list, in order.
    expect(data[0]).toEqual(structure.slice(1).map((r) => r[0]));
    expect(data).toHaveLength(5);
    expect(
      (await t.anonymous.get('/open-data/sets/vacancies/data-20000101-structure-20000101.csv')).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get('/open-data/sets/vacancies/data.csv')).statusCode).toBe(400);
  });
});

const auditCount = async (action: string) =>
  (await t.db.selectFrom('audit_event').select('seq').where('action', '=', action).execute()).length;

describe('staff editing', () => {
  it('a head changes a group capacity: history kept, public page updated, audited', async () => {
    const head = await t.asFixture('headA1');
    const res = await head.patch(`/api/staff/groups/${t.fixture.groupA1Young}`, {
      capacity: 12,
      caretakers: 3,
    });
    expect(res.statusCode).toBe(200);
    expect(body(res).changed).toEqual(['capacity', 'caretakers']);
    const history = await t.db
      .selectFrom('kg_group_capacity')
      .select(['capacity'])
      .where('group_id', '=', t.fixture.groupA1Young)
      .orderBy('valid_from')
      .execute();
    expect(history.map((h) => h.capacity)).toEqual([10, 12]);
    const page = body(await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}`));
    expect(page.groups[0]).toMatchObject({ capacity: 12, freePlaces: 10 });
    const csv = parseCsv((await t.anonymous.get('/open-data/vacancies.csv')).body);
    const row = csv.find((r) => r[1] === String(t.fixture.groupA1Young))!;
    expect(row[8]).toBe('10');
    const events = await t.db
      .selectFrom('audit_event')
      .select(['summary', 'actor_id'])
      .where('action', '=', 'catalog.group.updated')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(t.fixture.users.headA1);
  });

  it('shows staff occupancy: Σ coefficients / (caretakers × 7)', async () => {
    const head = await t.asFixture('headA1');
    const view = body(await head.get(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`));
    const young = view.groups.find((g: { id: number }) => g.id === t.fixture.groupA1Young);
    // One child under 3 (1.75) and one older (1.0) with 3 caretakers.
    expect(young.coefficientSum).toBeCloseTo(2.75);
    expect(young.occupancy).toBeCloseTo(2.75 / 21);
    expect(view.children).toHaveLength(2);
    expect(view.permittedActions).toContain('catalog.group.update');
    expect(view.permittedActions).not.toContain('catalog.kindergarten.manage');
  });

  it('enters an enrollment and a departure that change free places', async () => {
    const head = await t.asFixture('headA1');
    const groupId = t.fixture.groupA1Older;
    const enrolled = await head.post(`/api/staff/groups/${groupId}/enrollments`, {
      child: {
        lastName: 'Новиков',
        firstName: 'Лев',
        birthDate: '2021-02-02',
        birthCertificate: 'I-AA-200001',
      },
      enrolledOn: '2026-09-01',
    });
    expect(enrolled.statusCode).toBe(201);
    let page = body(await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}`));
    expect(page.groups.find((g: { id: number }) => g.id === groupId).freePlaces).toBe(19);
    const left = await head.post(`/api/staff/groups/${groupId}/departures`, {
      enrollmentId: body(enrolled).id,
      leftOn: '2026-10-01',
      reason: 'Переезд',
    });
    expect(left.statusCode).toBe(200);
    page = body(await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}`));
    expect(page.groups.find((g: { id: number }) => g.id === groupId).freePlaces).toBe(20);
    expect(await auditCount('catalog.enrollment.created')).toBe(1);
    expect(await auditCount('catalog.enrollment.ended')).toBe(1);
  });

  it('an officer adds a construction project with a progress note', async () => {
    const officer = await t.asFixture('officerA');
    const created = await officer.post('/api/staff/kindergartens', {
      municipalityId: t.fixture.municipalityA,
      code: 'KA-NEW',
      nameRu: 'Детский сад № 12 (строится)',
      address: 'г. Альфа, ул. Новая, 2',
      status: 'under_construction',
      openingDate: '2027-09-01',
      plannedCapacity: 220,
    });
    expect(created.statusCode).toBe(201);
    const id = body(created).id;
    const note = await officer.post(`/api/staff/kindergartens/${id}/construction-notes`, {
      notedOn: '2026-11-01',
      progressPercent: 40,
      textRu: 'Возведены стены второго этажа',
    });
    expect(note.statusCode).toBe(201);
    const page = body(await t.anonymous.get(`/api/kindergartens/${id}`));
    expect(page).toMatchObject({ status: 'under_construction', plannedCapacity: 220 });
    expect(page.constructionNotes[0].progressPercent).toBe(40);
    const planned = body(await t.anonymous.get('/api/kindergartens?status=under_construction'));
    expect(planned.items.map((k: { id: number }) => k.id)).toContain(id);
  });
});

describe('bad input: clear 4xx and nothing changed', () => {
  const snapshotOf = async () => ({
    groups: await t.db.selectFrom('kg_group').selectAll().orderBy('id').execute(),
    kgs: await t.db.selectFrom('kindergarten').select(['id', 'name_ru', 'status']).orderBy('id').execute(),
    enrollments: (await t.db.selectFrom('enrollment').select('id').execute()).length,
    audit: (await t.db.selectFrom('audit_event').select('seq').execute()).length,
  });

  it('rejects a negative capacity naming the field', async () => {
    const before = await snapshotOf();
    const head = await t.asFixture('headA1');
    const res = await head.patch(`/api/staff/groups/${t.fixture.groupA1Young}`, { capacity: -1 });
    expect(res.statusCode).toBe(422);
    expect(body(res).errors[0].field).toBe('capacity');
    expect(await snapshotOf()).toEqual(before);
  });

  it('rejects a capacity below the attending children, and an enrollment into a full group', async () => {
    const before = await snapshotOf();
    const head = await t.asFixture('headA1');
    const low = await head.patch(`/api/staff/groups/${t.fixture.groupA1Young}`, { capacity: 1 });
    expect(low.statusCode).toBe(422);
    expect(body(low).errors[0].field).toBe('capacity');
    const b1Group = await t.db
      .selectFrom('kg_group')
      .select('id')
      .where('kindergarten_id', '=', t.fixture.kindergartenA2)
      .executeTakeFirstOrThrow();
    const officer = await t.asFixture('officerA');
    await t.db.updateTable('kg_group').set({ capacity: 0 }).where('id', '=', b1Group.id).execute();
    const full = await officer.post(`/api/staff/groups/${b1Group.id}/enrollments`, {
      child: {
        lastName: 'Орлов',
        firstName: 'Марк',
        birthDate: '2022-01-01',
        birthCertificate: 'I-AA-300001',
      },
      enrolledOn: '2026-09-01',
    });
    await t.db.updateTable('kg_group').set({ capacity: 15 }).where('id', '=', b1Group.id).execute();
    expect(full.statusCode).toBe(409);
    expect(await snapshotOf()).toEqual(before);
    expect(
      await t.db.selectFrom('child').select('id').where('birth_certificate', '=', 'I-AA-300001').execute(),
    ).toHaveLength(0);
  });

  it('allows enrolled above capacity only where the municipality configures it', async () => {
    const officer = await t.asFixture('officerA');
    const put = await officer.put(`/api/staff/municipalities/${t.fixture.municipalityA}/catalog-config`, {
      allowOverCapacity: true,
    });
    expect(put.statusCode).toBe(200);
    const head = await t.asFixture('headA1');
    const low = await head.patch(`/api/staff/groups/${t.fixture.groupA1Young}`, { capacity: 1 });
    expect(low.statusCode).toBe(200);
    const view = body(await head.get(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`));
    expect(view.groups.find((g: { id: number }) => g.id === t.fixture.groupA1Young).overCapacity).toBe(true);
    await head.patch(`/api/staff/groups/${t.fixture.groupA1Young}`, { capacity: 12 });
    await officer.put(`/api/staff/municipalities/${t.fixture.municipalityA}/catalog-config`, {
      allowOverCapacity: false,
    });
  });

  it('rejects an unknown municipality', async () => {
    const before = await snapshotOf();
    const admin = await t.asFixture('admin');
    const res = await admin.post('/api/staff/kindergartens', {
      municipalityId: 99999,
      code: 'KX1',
      nameRu: 'Детский сад № 99',
      address: 'г. Нигде, ул. Никакая, 1',
    });
    expect(res.statusCode).toBe(422);
    expect(body(res).errors[0].field).toBe('municipalityId');
    const move = await admin.patch(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`, {
      municipalityId: 99999,
    });
    expect(move.statusCode).toBe(422);
    expect(await snapshotOf()).toEqual(before);
  });

  it('forbids a head editing another kindergarten, or its status', async () => {
    const before = await snapshotOf();
    const head = await t.asFixture('headA1');
    const other = await head.patch(`/api/staff/kindergartens/${t.fixture.kindergartenB1}`, {
      nameRu: 'Чужой сад',
    });
    expect(other.statusCode).toBe(403);
    const otherGroup = await t.db
      .selectFrom('kg_group')
      .select('id')
      .where('kindergarten_id', '=', t.fixture.kindergartenB1)
      .executeTakeFirstOrThrow();
    expect((await head.patch(`/api/staff/groups/${otherGroup.id}`, { capacity: 5 })).statusCode).toBe(403);
    const status = await head.patch(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`, {
      status: 'closed',
    });
    expect(status.statusCode).toBe(403);
    const officerB = await t.asFixture('officerB');
    expect(
      (await officerB.patch(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`, { nameRu: 'Чужой' }))
        .statusCode,
    ).toBe(403);
    expect((await t.anonymous.get(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`)).statusCode).toBe(
      401,
    );
    expect(await snapshotOf()).toEqual(before);
  });

  it('lets a head edit their own card', async () => {
    const head = await t.asFixture('headA1');
    const res = await head.patch(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`, {
      workingHours: 'пн–пт 7:00–19:00',
      accessible: true,
    });
    expect(res.statusCode).toBe(200);
    const page = body(await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenA1}`));
    expect(page).toMatchObject({ workingHours: 'пн–пт 7:00–19:00', accessible: true });
  });
});

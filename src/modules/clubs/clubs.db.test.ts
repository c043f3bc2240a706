import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment, Programme, ProgrammeList } from '../../contracts/clubs.js';
import { startTestApp, type Client, type TestApp } from '../../app/testing/test-app.js';
import { DEMO_VK_APP_ID, DEMO_VK_APP_SECRET } from '../../platform/config.js';
import { EnrolmentService } from './enrolment/enrolment-service.js';
import { createClubsProgramme } from './testing/route-resources.js';
import { signedLaunchQuery } from './vk/launch-signature.js';

let t: TestApp;
let citizen1: Client;
let citizen2: Client;
let teacherA1: Client;
let coordinatorA: Client;
let coordinatorB: Client;

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
  [citizen1, citizen2, teacherA1, coordinatorA, coordinatorB] = await Promise.all([
    t.asFixture('citizen1'),
    t.asFixture('citizen2'),
    t.asFixture('teacherA1'),
    t.asFixture('coordinatorA'),
    t.asFixture('coordinatorB'),
  ]);
});
afterAll(() => t?.close());

async function child(owner: 'citizen1' | 'citizen2', birthDate: string, ovz?: string) {
  const c = await t.db
    .insertInto('child')
    .values({
      last_name: 'Клубов',
      first_name: 'Миша',
      birth_date: birthDate,
      sex: 'm',
      birth_certificate: `II-КЛ ${crypto.randomInt(100000, 999999)}`,
      source: 'manual',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('child_representative')
    .values({ child_id: c.id, user_id: t.fixture.users[owner], relation: 'parent', added_via: 'manual' })
    .execute();
  if (ovz)
    await t.db
      .insertInto('child_health_fact')
      .values({ child_id: c.id, kind: 'ovz', detail: ovz, consent_by: t.fixture.users[owner] })
      .execute();
  return c.id;
}

const enrol = (client: Client, childId: string, groupId: number) =>
  client.post('/api/my/clubs/enrolments', { childId, groupId });
const seatsTaken = async (groupId: number) =>
  (
    await t.db
      .selectFrom('clubs_group')
      .select('seats_taken')
      .where('id', '=', groupId)
      .executeTakeFirstOrThrow()
  ).seats_taken;

describe('schema constraints', () => {
  it('refuses a double enrolment of a child in one group and a seat count beyond the seats', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1, { seats: 1 });
    const kid = await child('citizen1', '2016-05-01');
    const row = {
      group_id: p.groupId,
      child_id: kid,
      applicant_user_id: t.fixture.users.citizen1,
      status: 'registered',
      channel: 'web' as const,
      waitlisted_at: null,
      offer_expires_at: null,
      review_due: null,
      refusal_reason: null,
      refusal_note: null,
    };
    await t.db
      .insertInto('clubs_enrolment')
      .values({ ...row, number: 'ДО-2026-100001' })
      .execute();
    await expect(
      t.db
        .insertInto('clubs_enrolment')
        .values({ ...row, number: 'ДО-2026-100002' })
        .execute(),
    ).rejects.toThrow(/clubs_enrolment_one_alive/);
    await expect(
      t.db.updateTable('clubs_group').set({ seats_taken: 2 }).where('id', '=', p.groupId).execute(),
    ).rejects.toThrow(/check/);
    await expect(
      t.db
        .insertInto('clubs_enrolment')
        .values({
          ...row,
          child_id: await child('citizen1', '2016-05-02'),
          number: 'ДО-2026-100003',
          status: 'refused',
        })
        .execute(),
    ).rejects.toThrow(/check/);
  });
});

describe('public catalog', () => {
  let shown: number;
  beforeAll(async () => {
    shown = (
      await createClubsProgramme(t.db, t.fixture.schoolA1, {
        title: 'Шахматный клуб «Ладья»',
        ageMin: 5,
        ageMax: 9,
        ovz: ['autism'],
      })
    ).programmeId;
    await t.db
      .updateTable('clubs_programme')
      .set({ direction: 'sports', specialisation: 'шахматы' })
      .where('id', '=', shown)
      .execute();
    await createClubsProgramme(t.db, t.fixture.schoolB1, { title: 'Робототехника в Бете' });
  });

  it('filters, searches in Russian and pages', async () => {
    const list = async (qs: string) => {
      const res = await t.anonymous.get(`/api/clubs/programmes?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ProgrammeList>();
    };
    // «шахматами» finds «Шахматный…» by its stem.
    expect((await list(`q=${encodeURIComponent('шахматы')}`)).items.map((p) => p.id)).toEqual([shown]);
    expect((await list('direction=sports&open=true')).items.map((p) => p.id)).toEqual([shown]);
    expect((await list('ovz=autism')).items.map((p) => p.id)).toEqual([shown]);
    expect((await list('age=12&direction=sports')).items).toEqual([]);
    const inB = await list(`municipalityId=${t.fixture.municipalityB}`);
    expect(inB.items.every((p) => p.organisation.municipalityId === t.fixture.municipalityB)).toBe(true);
    expect(inB.total).toBe(1);
    const all = await list('pageSize=1&page=2&sort=title');
    expect(all.items).toHaveLength(1);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect((await list('maxPrice=100')).items.every((p) => p.financing.some((x) => x !== 'paid'))).toBe(true);
    const first = await list(`firstOrganisationId=${t.fixture.schoolB1}`);
    expect(first.items[0]!.organisation.id).toBe(t.fixture.schoolB1);
    expect((await t.anonymous.get('/api/clubs/programmes?direction=cooking')).statusCode).toBe(400);
  });

  it('shows a programme with its groups and why they cannot be joined', async () => {
    const res = await t.anonymous.get(`/api/clubs/programmes/${shown}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Programme>();
    expect(p.groups).toHaveLength(2);
    expect(p.groups[0]!.notJoinable).toEqual([]);
    expect(p.minPrice).toBe(0);
    expect((await t.anonymous.get('/api/clubs/programmes/99999999')).statusCode).toBe(404);
  });

  it('publishes open data as CSV and JSON with a dictionary', async () => {
    const csv = await t.anonymous.get('/open-data/clubs-groups.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^programme_id,title,direction/);
    expect(csv.body).toContain('Шахматный клуб «Ладья»');
    const json = (await t.anonymous.get('/open-data/clubs-groups.json')).json<{
      rows: Record<string, unknown>[];
    }>();
    expect(json.rows.some((r) => r.programme_id === shown && r.free_seats === 12)).toBe(true);
    const dict = (await t.anonymous.get('/open-data/clubs-groups.dictionary.json')).json<{
      columns: { name: string }[];
    }>();
    expect(dict.columns.map((c) => c.name)).toEqual(Object.keys(json.rows[0]!));
  });
});

describe('enrolment', () => {
  it('registers with a review deadline, audited, on the family page and notified', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1);
    const kid = await child('citizen1', '2016-09-10');
    const res = await enrol(citizen1, kid, p.groupId);
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json<Enrolment>();
    expect(e.status).toBe('registered');
    expect(e.number).toMatch(/^ДО-\d{4}-\d{6}$/);
    expect(e.reviewDue).not.toBeNull();
    expect(e.permittedActions).toEqual(['withdraw']);
    expect(await seatsTaken(p.groupId)).toBe(1);
    const request = await t.db
      .selectFrom('family_request')
      .selectAll()
      .where('module', '=', 'clubs')
      .where('external_id', '=', String(e.id))
      .executeTakeFirstOrThrow();
    expect([request.child_id, request.status, request.state]).toEqual([kid, 'registered', 'open']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_type', '=', 'clubs_enrolment')
      .where('subject_id', '=', String(e.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['clubs.enrolment.registered']);
    const jobs = await t.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('dedupe_key', 'like', `%clubs:${e.id}:%`)
      .execute();
    expect(jobs.length).toBe(2);
    // Twice in the same group: 409, nothing changed.
    const again = await enrol(citizen1, kid, p.groupId);
    expect(again.statusCode).toBe(409);
    expect(await seatsTaken(p.groupId)).toBe(1);
    // The family sees it; another citizen does not.
    expect((await citizen1.get(`/api/my/clubs/enrolments/${e.id}`)).statusCode).toBe(200);
    expect((await citizen2.get(`/api/my/clubs/enrolments/${e.id}`)).statusCode).toBe(404);
    expect(
      (await citizen1.get('/api/my/clubs/enrolments')).json<{ items: Enrolment[] }>().items.map((x) => x.id),
    ).toContain(e.id);
  });

  it('says why a group cannot be joined, naming the field, and changes nothing', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1, { ovz: ['speech'] });
    const young = await child('citizen1', '2023-01-01');
    const tooYoung = await enrol(citizen1, young, p.groupId);
    expect(tooYoung.statusCode).toBe(409);
    expect(tooYoung.json()).toMatchObject({ reasons: ['age'], errors: [{ field: 'body.childId' }] });
    const withOvz = await child('citizen1', '2016-01-01', 'vision');
    expect((await enrol(citizen1, withOvz, p.groupId)).json()).toMatchObject({ reasons: ['ovz'] });
    const speech = await child('citizen1', '2016-01-01', 'speech');
    expect((await enrol(citizen1, speech, p.groupId)).statusCode).toBe(201);
    await t.db
      .updateTable('clubs_group')
      .set({ enrolment_closes_on: '2020-01-01', enrolment_opens_on: '2019-12-01' })
      .where('id', '=', p.otherGroupId)
      .execute();
    const closed = await enrol(citizen1, speech, p.otherGroupId);
    expect(closed.json()).toMatchObject({ reasons: ['window_closed'], errors: [{ field: 'body.groupId' }] });
    const notMine = await enrol(citizen2, speech, p.groupId);
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json()).toMatchObject({ errors: [{ field: 'body.childId' }] });
    expect((await enrol(citizen1, speech, 99_999_999)).json()).toMatchObject({
      errors: [{ field: 'body.groupId' }],
    });
    expect(await seatsTaken(p.groupId)).toBe(1);
  });

  it('waitlists when full with the place shown, promotes on withdrawal, never oversells', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1, { seats: 1 });
    const [a, b, c] = [
      await child('citizen1', '2016-02-02'),
      await child('citizen2', '2016-03-03'),
      await child('citizen2', '2016-04-04'),
    ];
    const first = (await enrol(citizen1, a, p.groupId)).json<Enrolment>();
    const second = (await enrol(citizen2, b, p.groupId)).json<Enrolment>();
    const third = (await enrol(citizen2, c, p.groupId)).json<Enrolment>();
    expect([first.status, second.status, third.status]).toEqual(['registered', 'waitlisted', 'waitlisted']);
    expect([second.waitlistPlace, third.waitlistPlace]).toEqual([1, 2]);
    // Staff cannot approve a waitlisted request beyond the seats.
    const beyond = await teacherA1.post(`/api/staff/clubs/enrolments/${second.id}/decision`, {
      to: 'approved',
    });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json()).toMatchObject({ errors: [{ field: 'body.to' }] });
    expect(await seatsTaken(p.groupId)).toBe(1);
    // The first withdraws: the second is offered the seat, the third moves up.
    const withdrawn = await citizen1.post(`/api/my/clubs/enrolments/${first.id}/withdraw`, {});
    expect(withdrawn.json<Enrolment>().status).toBe('withdrawn');
    const offered = (await citizen2.get(`/api/my/clubs/enrolments/${second.id}`)).json<Enrolment>();
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt).not.toBeNull();
    expect(offered.permittedActions).toEqual(['withdraw', 'accept']);
    expect((await citizen2.get(`/api/my/clubs/enrolments/${third.id}`)).json<Enrolment>().waitlistPlace).toBe(
      1,
    );
    // An offer not taken in time: the job withdraws it and offers the seat to the next in line.
    await t.db
      .updateTable('clubs_enrolment')
      .set({ offer_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', third.id)
      .execute();
    expect(await t.db.transaction().execute((tx) => new EnrolmentService(t.db).expireOffers(tx))).toBe(0);
    await t.db
      .updateTable('clubs_enrolment')
      .set({ offer_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', second.id)
      .execute();
    expect(await t.db.transaction().execute((tx) => new EnrolmentService(t.db).expireOffers(tx))).toBe(1);
    expect((await citizen2.get(`/api/my/clubs/enrolments/${second.id}`)).json<Enrolment>().status).toBe(
      'withdrawn',
    );
    expect((await citizen2.get(`/api/my/clubs/enrolments/${third.id}`)).json<Enrolment>().status).toBe(
      'offered',
    );
    const accepted = await citizen2.post(`/api/my/clubs/enrolments/${third.id}/accept`, {});
    expect(accepted.json<Enrolment>().status).toBe('registered');
    expect(await seatsTaken(p.groupId)).toBe(1);
  });

  it('a race for the last seats: exactly the seats registered, the rest waitlisted in order, none lost', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1, { seats: 5 });
    const kids = await Promise.all(
      Array.from({ length: 24 }, (_, i) => child(i % 2 ? 'citizen1' : 'citizen2', '2016-08-08')),
    );
    const answers = await Promise.all(
      kids.map((kid, i) => enrol(i % 2 ? citizen1 : citizen2, kid, p.groupId)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(kids.map(() => 201));
    const all = answers.map((a) => a.json<Enrolment>());
    expect(all.filter((e) => e.status === 'registered')).toHaveLength(5);
    expect(all.filter((e) => e.status === 'waitlisted')).toHaveLength(19);
    expect(await seatsTaken(p.groupId)).toBe(5);
    const places = all
      .filter((e) => e.status === 'waitlisted')
      .map((e) => e.waitlistPlace)
      .sort((a, b) => a! - b!);
    expect(places).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('lets the organisation staff decide, with a reason for a refusal; others are refused', async () => {
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1);
    const kid = await child('citizen1', '2015-06-06');
    const e = (await enrol(citizen1, kid, p.groupId)).json<Enrolment>();
    const list = await coordinatorA.get(
      `/api/staff/clubs/enrolments?organisationId=${t.fixture.schoolA1}&groupId=${p.groupId}`,
    );
    expect(list.json<{ items: Enrolment[] }>().items.map((x) => x.id)).toEqual([e.id]);
    expect(
      (await coordinatorB.get(`/api/staff/clubs/enrolments?organisationId=${t.fixture.schoolA1}`)).statusCode,
    ).toBe(403);
    // The enrolment's very existence is personal: a stranger gets the 404 of a missing one.
    expect(
      (await coordinatorB.post(`/api/staff/clubs/enrolments/${e.id}/decision`, { to: 'under_review' }))
        .statusCode,
    ).toBe(404);
    const review = await teacherA1.post(`/api/staff/clubs/enrolments/${e.id}/decision`, {
      to: 'under_review',
    });
    expect(review.json<Enrolment>().status).toBe('under_review');
    expect(
      (await teacherA1.post(`/api/staff/clubs/enrolments/${e.id}/decision`, { to: 'refused' })).statusCode,
    ).toBe(400);
    const refused = await coordinatorA.post(`/api/staff/clubs/enrolments/${e.id}/decision`, {
      to: 'refused',
      reason: 'no_documents',
      note: 'Нет медицинской справки',
    });
    expect(refused.json<Enrolment>()).toMatchObject({ status: 'refused', refusalReason: 'no_documents' });
    expect(await seatsTaken(p.groupId)).toBe(0);
    const skip = await teacherA1.post(`/api/staff/clubs/enrolments/${e.id}/decision`, { to: 'approved' });
    expect(skip.statusCode).toBe(409);
    const state = await t.db
      .selectFrom('family_request')
      .select('state')
      .where('module', '=', 'clubs')
      .where('external_id', '=', String(e.id))
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('refused');
  });
});

describe('VK launch', () => {
  const launch = (params: string) => t.anonymous.post('/api/vk/launch', { params });
  const fresh = (extra: Record<string, string | number> = {}) =>
    signedLaunchQuery(
      {
        vk_app_id: DEMO_VK_APP_ID,
        vk_user_id: 777001,
        vk_ts: Math.floor(Date.now() / 1000),
        vk_platform: 'mobile_web',
        ...extra,
      },
      DEMO_VK_APP_SECRET,
    );
  const refusals = async () =>
    Object.fromEntries(
      (await t.db.selectFrom('clubs_vk_refusal').selectAll().execute()).map((r) => [
        r.reason,
        Number(r.count),
      ]),
    );

  it('exchanges a verified launch once, maps the community to the organisation, refuses a replay', async () => {
    await t.db
      .insertInto('organisation_vk_community')
      .values({ group_id: 5550001, organisation_id: t.fixture.schoolA1, clubs_app_installed: true })
      .execute();
    const params = fresh({ vk_group_id: 5550001 });
    const ok = await launch(params);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      vkUserId: 777001,
      groupId: 5550001,
      organisationId: t.fixture.schoolA1,
      linked: false,
    });
    const before = await refusals();
    const replay = await launch(params);
    expect(replay.statusCode).toBe(401);
    expect(replay.headers['content-type']).toMatch(/problem\+json/);
    expect(replay.json()).toMatchObject({ reason: 'replayed' });
    expect((await refusals()).replayed).toBe(before.replayed! + 1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'clubs.vk.launch_replayed')
      .execute();
    expect(audit).toHaveLength(1);
    // Link the VK account to citizen1; the next launch says linked.
    const token = ok.json<{ token: string }>().token;
    const linked = await citizen1.post('/api/vk/link', { token });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ vkUserId: 777001, linked: true });
    const again = await launch(fresh({ vk_ref: 'again', vk_group_id: 5550001 }));
    expect(again.json()).toMatchObject({ linked: true, organisationId: t.fixture.schoolA1 });
    // The mini app then calls the API as the citizen with the bearer token, no cookie, no CSRF.
    const bearer = { authorization: `Bearer ${again.json<{ token: string }>().token}` };
    const p = await createClubsProgramme(t.db, t.fixture.schoolA1);
    const kid = await child('citizen1', '2016-07-07');
    const enrolled = await t.anonymous.request({
      method: 'POST',
      url: '/api/my/clubs/enrolments',
      headers: bearer,
      payload: { childId: kid, groupId: p.groupId, channel: 'vk' },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const mine = await t.anonymous.request({
      method: 'GET',
      url: '/api/my/clubs/enrolments',
      headers: bearer,
    });
    expect(mine.json<{ items: Enrolment[] }>().items.map((e) => e.id)).toContain(
      enrolled.json<Enrolment>().id,
    );
    const wrong = await t.anonymous.request({
      method: 'GET',
      url: '/api/my/clubs/enrolments',
      headers: { authorization: `Bearer ${'z'.repeat(43)}` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('refuses forged, foreign, stale and future launches, storing only a counter', async () => {
    const before = await refusals();
    const launchesBefore = (await t.db.selectFrom('clubs_vk_launch').select('sign_hash').execute()).length;
    const forged = fresh().replace('vk_user_id=777001', 'vk_user_id=777002');
    expect((await launch(forged)).json()).toMatchObject({ status: 401, reason: 'signature' });
    expect((await launch(fresh().replace(/&sign=.*/, ''))).json()).toMatchObject({ reason: 'signature' });
    const foreign = signedLaunchQuery(
      { vk_app_id: 42, vk_user_id: 1, vk_ts: Math.floor(Date.now() / 1000) },
      DEMO_VK_APP_SECRET,
    );
    expect((await launch(foreign)).json()).toMatchObject({ reason: 'signature' });
    expect((await launch(fresh({ vk_ts: Math.floor(Date.now() / 1000) - 86_401 }))).json()).toMatchObject({
      reason: 'stale',
    });
    expect((await launch(fresh({ vk_ts: Math.floor(Date.now() / 1000) + 301 }))).json()).toMatchObject({
      reason: 'stale',
    });
    expect((await t.anonymous.post('/api/vk/launch', { query: 'x' })).statusCode).toBe(400);
    const after = await refusals();
    expect(after.signature! - before.signature!).toBe(3);
    expect(after.stale! - before.stale!).toBe(2);
    expect((await t.db.selectFrom('clubs_vk_launch').select('sign_hash').execute()).length).toBe(
      launchesBefore,
    );
  });

  it("checks the spec's public test vector with the spec's secret", async () => {
    const app = await startTestApp({
      fixture: false,
      config: { VK_APP_ID: '6736218', VK_APP_SECRET: 'wvl68m4dR1UpLrVRli' },
    });
    try {
      const vector =
        'vk_user_id=494075&vk_app_id=6736218&vk_is_app_user=1&vk_are_notifications_enabled=1&vk_language=ru&vk_access_token_settings=&vk_platform=android&sign=htQFduJpLxz7ribXRZpDFUH-XEUhC9rBPTJkjUFEkRA';
      // The signature holds; the vector carries no vk_ts, so its age cannot be shown fresh.
      expect((await app.anonymous.post('/api/vk/launch', { params: vector })).json()).toMatchObject({
        reason: 'stale',
      });
      const changed = vector.replace('vk_language=ru', 'vk_language=en');
      expect((await app.anonymous.post('/api/vk/launch', { params: changed })).json()).toMatchObject({
        reason: 'signature',
      });
    } finally {
      await app.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import type { Client } from '../../app/testing/test-app.js';

/** «Моя семья» over HTTP on a real database: children, attendance, checks, duplicates, privacy. */
let t: TestApp;
let citizen1: Client;
let citizen2: Client;
beforeAll(async () => {
  t = await startTestApp();
  citizen1 = await t.asFixture('citizen1');
  citizen2 = await t.asFixture('citizen2');
}, 60_000);
afterAll(async () => t?.close());

const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((e) => e.field.replace(/^body\./, ''));
const counts = async () => ({
  children: Number(
    (
      await t.db
        .selectFrom('child')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  reps: Number(
    (
      await t.db
        .selectFrom('child_representative')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const maria = {
  lastName: 'Иванова',
  firstName: 'Мария',
  patronymic: 'Петровна',
  birthDate: '2019-04-15',
  sex: 'f',
  birthCertificate: 'iii-тс № 654321',
  snils: '112-233-445 95',
  registrationAddress: 'г. Альфа, ул. Ленина, 5, кв. 7',
};

describe('a family without children', () => {
  it('is an empty list, and the routes are for citizens only', async () => {
    const res = await citizen1.get('/api/my/family');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ children: [] });
    expect((await t.anonymous.get('/api/my/family')).statusCode).toBe(401);
    expect((await (await t.asFixture('officerA')).get('/api/my/family')).statusCode).toBe(403);
  });
});

describe('adding a child by hand', () => {
  let mariaId: string;

  it('stores the child in one form, with the caller as a parent, audited without names', async () => {
    const res = await citizen1.post('/api/my/children', maria);
    expect(res.statusCode, res.body).toBe(201);
    const child = res.json();
    mariaId = child.id;
    expect(child).toMatchObject({
      lastName: 'Иванова',
      birthCertificate: 'III-ТС 654321',
      snils: '112-233-445 95',
      source: 'manual',
      attends: [],
      healthFacts: [],
      representatives: [{ fullName: expect.any(String), relation: 'parent', isMe: true }],
    });
    const family = (await citizen1.get('/api/my/family')).json();
    expect(family.children.map((c: { id: string }) => c.id)).toEqual([mariaId]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'summary'])
      .where('subject_id', '=', mariaId)
      .execute();
    expect(audit).toEqual([
      {
        action: 'family.child.added',
        actor_id: t.fixture.users.citizen1,
        summary: { source: 'manual', relation: 'parent', snils: true },
      },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Иванова|654321|2019-04-15/);
  });

  it('refuses a birth date in the future or of an adult, a wrong certificate or СНИЛС, naming the field; nothing changes', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string, number][] = [
      [{ birthDate: tomorrow }, 'birthDate', 422],
      [{ birthDate: '2000-01-01' }, 'birthDate', 422],
      [{ birthDate: '2019-02-30' }, 'birthDate', 400],
      [{ birthCertificate: 'ST-АБ 123456' }, 'birthCertificate', 400],
      [{ birthCertificate: 'I-TC 123456' }, 'birthCertificate', 400],
      [{ birthCertificate: 'I-ТС 12345' }, 'birthCertificate', 400],
      [{ snils: '112-233-445 96' }, 'snils', 400],
      [{ snils: '1234' }, 'snils', 400],
      [{ sex: 'x' }, 'sex', 400],
      [{ firstName: '' }, 'firstName', 400],
    ];
    for (const [change, field, status] of cases) {
      const res = await citizen1.post('/api/my/children', {
        ...maria,
        birthCertificate: 'V-АБ 111111',
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(fieldsOf(res.json()), JSON.stringify(change)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("a certificate of another family's child is a 409 on birthCertificate that tells nothing of that family", async () => {
    const before = await counts();
    const same = await citizen2.post('/api/my/children', { ...maria, birthCertificate: 'III-ТС 654321' });
    const otherDate = await citizen2.post('/api/my/children', {
      ...maria,
      firstName: 'Ольга',
      birthDate: '2020-01-01',
      birthCertificate: 'III ТС 654321',
    });
    for (const res of [same, otherDate]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toMatch(/certificate-in-use$/);
      expect(fieldsOf(res.json())).toEqual(['birthCertificate']);
      expect(res.json().detail).toMatch(/education office/);
      expect(res.body).not.toContain(mariaId);
      expect(res.body).not.toMatch(/Иванова|2019-04-15/);
    }
    // Same answer whether the birth date matched or not.
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(same.json())).toEqual(strip(otherDate.json()));
    expect(await counts()).toEqual(before);
  });

  it('a certificate of a child the caller already represents is a 409 saying so', async () => {
    const res = await citizen1.post('/api/my/children', { ...maria, birthCertificate: 'III-ТС 654321' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ childId: mariaId, errors: [{ field: 'birthCertificate' }] });
    expect(res.json().detail).toMatch(/already in your family/);
  });

  it("finds a certificate stored with «№» (the kindergarten queue's children)", async () => {
    await t.db
      .insertInto('child')
      .values({
        last_name: 'Старый',
        first_name: 'Пётр',
        birth_date: '2021-01-01',
        birth_certificate: 'IV-АБ № 000123',
      })
      .execute();
    const res = await citizen1.post('/api/my/children', { ...maria, birthCertificate: 'IV-АБ 000123' });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toMatch(/certificate-in-use$/);
  });

  it("another person's child is 404 on every route, as for none, and nothing changes", async () => {
    const before = await counts();
    for (const res of [
      await citizen2.get(`/api/my/children/${mariaId}`),
      await citizen2.post(`/api/my/children/${mariaId}/invitations`, {}),
      await citizen2.put(`/api/my/children/${mariaId}/health-facts`, { facts: [], consent: false }),
      await citizen2.get('/api/my/children/00000000-0000-4000-8000-000000000000'),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().type).toMatch(/not-found$/);
    }
    expect((await citizen2.get('/api/my/family')).json()).toEqual({ children: [] });
    expect(await counts()).toEqual(before);
    const invitations = await t.db.selectFrom('family_invitation').selectAll().execute();
    expect(invitations).toEqual([]);
  });

  it('shows where the child attends: the school (grade and letter) and the kindergarten module', async () => {
    await t.db
      .insertInto('pupil_enrolment')
      .values({
        child_id: mariaId,
        organisation_id: t.fixture.schoolA1,
        academic_year: 2026,
        grade: 1,
        letter: 'Б',
        enrolled_on: '2026-09-01',
      })
      .execute();
    await t.db
      .insertInto('enrollment')
      .values({ group_id: t.fixture.groupA1Older, child_id: mariaId, enrolled_on: '2024-09-01' })
      .execute();
    const child = (await citizen1.get(`/api/my/children/${mariaId}`)).json();
    expect(child.attends).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          module: 'platform',
          kind: 'school',
          organisationId: t.fixture.schoolA1,
          unit: '1 «Б»',
          since: '2026-09-01',
        }),
        expect.objectContaining({
          module: 'kindergarten',
          kind: 'kindergarten',
          organisationId: t.fixture.kindergartenA1,
          since: '2024-09-01',
        }),
      ]),
    );
    expect(child.attends).toHaveLength(2);
  });

  it("lists the caller's own requests about the child from the registry, not another representative's", async () => {
    const request = (owner: string, external: string) => ({
      module: 'kindergarten',
      kind: 'kindergarten.application',
      external_id: external,
      owner_user_id: owner,
      child_id: mariaId,
      reference: `A-${external}`,
      status: 'registered',
      state: 'open' as const,
      link: `/my/applications/${external}`,
      submitted_at: new Date('2026-01-10T09:00:00Z'),
    });
    await t.db
      .insertInto('family_request')
      .values([request(t.fixture.users.citizen1, 'own-1'), request(t.fixture.users.citizen2, 'other-1')])
      .execute();
    const child = (await citizen1.get(`/api/my/children/${mariaId}`)).json();
    expect(child.requests).toEqual([
      {
        module: 'kindergarten',
        kind: 'kindergarten.application',
        reference: 'A-own-1',
        status: 'registered',
        state: 'open',
        link: '/my/applications/own-1',
        submittedAt: '2026-01-10T09:00:00.000Z',
        updatedAt: expect.any(String),
      },
    ]);
  });
});

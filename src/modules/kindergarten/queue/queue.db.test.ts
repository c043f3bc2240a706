import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pngClaiming } from '../../../app/testing/test-images.js';
import { startTestApp, type Client, type TestApp } from '../../../app/testing/test-app.js';

let t: TestApp;
let citizen: Client;
let officer: Client;

const child = (n: number, birthDate = '2025-03-01') => ({
  lastName: 'Иванова',
  firstName: `Мария${n}`,
  birthDate,
  birthCertificate: `IV-МЮ 10${String(n).padStart(4, '0')}`,
});

function application(n: number, extra: Record<string, unknown> = {}) {
  return {
    municipalityId: t.fixture.municipalityA,
    child: child(n),
    applicant: { fullName: 'Иванова Анна Петровна', email: 'anna@example.test', phone: '+7 900 000-00-00' },
    address: 'г. Альфа, ул. Ленина, 10',
    desiredDate: '2027-09-01',
    kindergartenIds: [t.fixture.kindergartenA1],
    ...extra,
  };
}

async function submit(client: Client, body: unknown, key: string) {
  return client.request({
    method: 'POST',
    url: '/api/kindergarten/applications',
    payload: body as never,
    headers: { 'idempotency-key': key },
  });
}

const count = async (table: 'application' | 'child' | 'stored_file') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n;

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function uploadAs(client: Client, content: Buffer, name: string) {
  const boundary = '----queue-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url: '/api/kindergarten/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.asFixture('citizen1');
  officer = await t.asFixture('officerA');
});
afterAll(async () => t?.close());

describe('applying', () => {
  it('registers once per Idempotency-Key and refuses the same child twice', async () => {
    const first = await submit(citizen, application(1), 'key-000001');
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(citizen, application(1), 'key-000001');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const twice = await submit(citizen, application(1), 'key-000002');
    expect(twice.statusCode).toBe(409);
    expect(await count('application')).toBe(1);
  });

  it('answers bad input with a 4xx naming the field and stores nothing', async () => {
    const before = [await count('application'), await count('child')];
    const cases: [Record<string, unknown>, string][] = [
      [{ child: child(2, '2099-01-01') }, 'child.birthDate'],
      [{ child: child(3, '2016-01-01') }, 'child.birthDate'],
      [{ kindergartenIds: [1, 2, 3, 4, 5, 6].map(() => t.fixture.kindergartenA1) }, 'kindergartenIds'],
      [{ kindergartenIds: [t.fixture.kindergartenA1, t.fixture.kindergartenA1] }, 'kindergartenIds'],
      [{ kindergartenIds: [t.fixture.kindergartenA2] }, 'kindergartenIds.0'],
      [{ kindergartenIds: [t.fixture.kindergartenB1] }, 'kindergartenIds.0'],
      [{ municipalityId: 9999 }, 'municipalityId'],
      [{ benefits: [{ kind: 'sibling' }] }, 'benefits.0.siblingKindergartenId'],
      // A desired date already past, and a privilege sent without its document.
      [{ desiredDate: '2020-09-01' }, 'desiredDate'],
      [{ benefits: [{ kind: 'military' }] }, 'benefits.0.documentIds'],
      [
        { benefits: [{ kind: 'military', documentIds: ['00000000-0000-4000-8000-000000000000'] }] },
        'benefits.documentIds',
      ],
    ];
    let i = 10;
    for (const [extra, field] of cases) {
      const res = await submit(citizen, application(i++, extra), `key-bad-${i}`);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect([await count('application'), await count('child')]).toEqual(before);
  });

  it('sniffs uploads: an unsupported type and an oversize file are refused', async () => {
    const upload = (content: Buffer, name: string) => uploadAs(citizen, content, name);
    const before = await count('stored_file');
    const text = await upload(Buffer.from('just text pretending to be a PDF'), 'fake.pdf');
    expect(text.statusCode).toBe(415);
    const big = await upload(
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 10, 32)]),
      'big.pdf',
    );
    expect(big.statusCode).toBe(413);
    // A scan whose header claims 65535 × 65535 pixels: refused with the limit, like a photo.
    const bomb = await upload(pngClaiming(65_535, 65_535), 'scan.png');
    expect(bomb.statusCode, bomb.body).toBe(422);
    expect(bomb.json().detail).toMatch(/10000 pixels a side and 40 megapixels/);
    expect(await count('stored_file')).toBe(before);
    const ok = await upload(PDF, 'ok.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('application/pdf');
  });
});

describe('queue, benefits and explanations', () => {
  it('orders by class, explains a verified benefit and notifies by email', async () => {
    // Three general applications first, then one claiming a first-priority benefit.
    for (const n of [21, 22, 23])
      expect((await submit(citizen, application(n), `key-g-${n}`)).statusCode).toBe(201);
    const citizen2 = await t.asFixture('citizen2');
    const document = (await uploadAs(citizen2, PDF, 'spravka.pdf')).json();
    const res = await submit(
      citizen2,
      application(24, {
        applicant: { fullName: 'Петров Пётр', email: 'petrov@example.test' },
        benefits: [{ kind: 'military', documentIds: [document.id] }],
      }),
      'key-b-24',
    );
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    expect(app.status).toBe('benefit_check');
    await t.drainJobs();
    const before = (await citizen2.get(`/api/kindergarten/applications/${app.id}/position`)).json();
    expect(before.municipality.position).toBe(5);
    expect(before.municipality.queueClass).toBe('general');

    // Illegal transition: 409 with the allowed ones.
    const illegal = await officer.post(`/api/kindergarten/applications/${app.id}/status`, {
      to: 'enrolled',
      reason: 'test move',
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().allowed).toContain('registered');

    const moment = new Date().toISOString();
    const decided = await officer.post(`/api/kindergarten/applications/${app.id}/benefit-decision`, {
      benefitId: app.benefits[0].id,
      decision: 'verify',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('registered');
    await t.drainJobs();
    const after = (await citizen2.get(`/api/kindergarten/applications/${app.id}/position`)).json();
    expect(after.municipality.position).toBe(1);
    expect(after.municipality.queueClass).toBe('first');
    expect(after.municipality.ahead).toEqual({ extraordinary: 0, first: 0, sibling: 0, general: 0 });

    const why = (
      await citizen2.get(
        `/api/kindergarten/applications/${app.id}/position/change?from=${encodeURIComponent(moment)}&to=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).json();
    expect(why.delta).toBe(-4);
    expect(why.reasons[0].code).toBe('own_benefit_verified');
    expect(why.reasons[0].count).toBe(4);

    // The general applicant one place back sees why.
    const other = (await citizen.get('/api/kindergarten/my/applications'))
      .json()
      .items.find((i: { childName: string }) => i.childName.endsWith('Мария21'));
    const otherWhy = (
      await citizen.get(
        `/api/kindergarten/applications/${other.id}/position/change?from=${encodeURIComponent(moment)}&to=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).json();
    expect(otherWhy.delta).toBe(1);
    expect(otherWhy.reasons[0]).toMatchObject({
      code: 'benefit_verified_ahead',
      queueClass: 'first',
      count: 1,
      delta: 1,
    });

    const mail = t.mail.find((m) => m.to.includes('citizen2@example.test') && m.subject.includes('льгот'));
    expect(mail, JSON.stringify(t.mail.map((m) => [m.to, m.subject]))).toBeTruthy();
    // Exactly once per event.
    await t.drainJobs();
    expect(t.mail.filter((m) => m.subject === mail!.subject).length).toBe(1);
  });

  it('keeps other citizens out and hides paper applications from citizens', async () => {
    const mine = (await citizen.get('/api/kindergarten/my/applications')).json().items[0];
    const stranger = await t.asFixture('citizen2');
    // Another family's application answers exactly as one that does not exist: 404, same words.
    const theirs = await stranger.get(`/api/kindergarten/applications/${mine.id}`);
    const none = await stranger.get(`/api/kindergarten/applications/${crypto.randomUUID()}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().detail).toBe(none.json().detail);
    expect(theirs.json().type).toBe(none.json().type);
    const paper = await officer.post(
      `/api/kindergarten/municipalities/${t.fixture.municipalityA}/applications`,
      {
        ...application(40),
        municipalityId: undefined,
      },
    );
    expect(paper.statusCode, paper.body).toBe(201);
    expect((await citizen.get(`/api/kindergarten/applications/${paper.json().id}`)).statusCode).toBe(404);
    expect(
      (await (await t.asFixture('officerB')).get(`/api/kindergarten/applications/${paper.json().id}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('public queue', () => {
  it('lists anonymized rows, looks up by number + birth date, and never leaks personal data', async () => {
    await t.drainJobs();
    const mA = t.fixture.municipalityA;
    const responses: string[] = [];
    const list = await t.anonymous.get(`/api/public/queue?municipalityId=${mA}&ageGroup=2`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(5);
    responses.push(list.body);
    const kg = await t.anonymous.get(
      `/api/public/queue?municipalityId=${mA}&ageGroup=2&kindergartenId=${t.fixture.kindergartenA1}&sort=registeredAt&order=desc`,
    );
    responses.push(kg.body);
    const csv = await t.anonymous.get(`/api/public/queue?municipalityId=${mA}&ageGroup=2&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    responses.push(csv.body);

    const mine = (await citizen.get('/api/kindergarten/my/applications')).json().items[0];
    const found = await t.anonymous.post('/api/public/queue/lookup', {
      number: mine.number,
      birthDate: '2025-03-01',
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().positions.length).toBeGreaterThan(0);
    responses.push(found.body);
    const wrongDate = await t.anonymous.post('/api/public/queue/lookup', {
      number: mine.number,
      birthDate: '2025-03-02',
    });
    const wrongNumber = await t.anonymous.post('/api/public/queue/lookup', {
      number: '99-2026-0000000',
      birthDate: '2025-03-01',
    });
    expect(wrongDate.statusCode).toBe(404);
    expect(wrongNumber.statusCode).toBe(404);
    expect(wrongDate.json().detail).toBe(wrongNumber.json().detail);
    responses.push(wrongDate.body, wrongNumber.body);

    const people = await t.db
      .selectFrom('child')
      .select(['last_name', 'first_name', 'birth_certificate', 'birth_date'])
      .execute();
    const apps = await t.db
      .selectFrom('application')
      .select(['applicant_name', 'applicant_email', 'address', 'number'])
      .execute();
    const secrets = [
      ...people.flatMap((p) => [p.last_name, p.first_name, p.birth_certificate, p.birth_date]),
      ...apps.flatMap((a) => [a.applicant_name, a.applicant_email ?? '', a.address, a.number]),
    ].filter((s) => s.length >= 4);
    for (const body of responses)
      for (const s of secrets) expect(body.includes(s), `leaked ${s}`).toBe(false);
  });

  it('rate-limits the lookup', async () => {
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await t.anonymous.post('/api/public/queue/lookup', {
        number: `01-2026-${i}`,
        birthDate: '2025-03-01',
      });
      limited = res.statusCode === 429;
    }
    expect(limited).toBe(true);
  });
});

describe("a birth certificate already in another family's application", () => {
  it('tells the stranger what to do, the same way whichever field matched, and confirms nothing', async () => {
    // Family 1 registers child 700; child 701's application is withdrawn (the child stays on file).
    const own = await submit(citizen, application(700), 'key-cert-700');
    expect(own.statusCode, own.body).toBe(201);
    const gone = await submit(citizen, application(701), 'key-cert-701');
    expect(gone.statusCode, gone.body).toBe(201);
    expect(
      (await citizen.post(`/api/kindergarten/applications/${gone.json().id}/withdraw`, {})).statusCode,
    ).toBe(200);

    const stranger = await t.asFixture('citizen2');
    const before = await count('application');
    const attempts = [
      // the right birth date: the child is in the queue
      await submit(stranger, application(700), 'key-cert-s1'),
      // a wrong birth date for a child in the queue
      await submit(stranger, application(700, { child: child(700, '2024-11-11') }), 'key-cert-s2'),
      // a wrong birth date for a child on file with no active application
      await submit(stranger, application(701, { child: child(701, '2024-11-11') }), 'key-cert-s3'),
    ];
    expect(await count('application')).toBe(before);
    const answers = attempts.map((r) => {
      const { requestId: _id, ...body } = r.json<Record<string, unknown>>();
      return { status: r.statusCode, body };
    });
    expect(answers[0]!.status).toBe(409);
    expect(answers[0]!.body.type).toMatch(/\/certificate-in-use$/);
    // What to do: the education office, with the documents.
    expect(answers[0]!.body.detail).toMatch(/education office/i);
    expect(answers[0]!.body.detail).toMatch(/birth certificate/i);
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
    for (const r of attempts) {
      expect(r.body).not.toContain(own.json().number);
      expect(r.body).not.toContain('2025-03-01');
      expect(r.body).not.toContain('existingNumber');
      expect(r.body).not.toMatch(/birth date|active application/i);
    }

    // The family itself is still told its own application's number.
    const again = await submit(citizen, application(700), 'key-cert-700-again');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate-child', existingNumber: own.json().number });
  });

  it("the right birth date of another family's child with no active application, or one added on «Моя семья», is refused the same way", async () => {
    const stranger = await t.asFixture('citizen2');
    const byHand = await stranger.post('/api/my/children', {
      lastName: 'Чужая',
      firstName: 'Вера',
      birthDate: '2025-03-01',
      sex: 'f',
      birthCertificate: child(702).birthCertificate,
    });
    expect(byHand.statusCode, byHand.body).toBe(201);
    const before = await count('application');
    const reps = () =>
      t.db
        .selectFrom('child_representative')
        .select(['child_id', 'user_id'])
        .orderBy('child_id')
        .orderBy('user_id')
        .execute();
    const repsBefore = await reps();
    // 701: citizen's child whose application was withdrawn above; 702: the stranger's child by hand.
    for (const [who, n] of [
      [stranger, 701],
      [citizen, 702],
    ] as const) {
      const res = await submit(who, application(n), `key-cert-family-${n}`);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().type).toMatch(/\/certificate-in-use$/);
    }
    expect(await count('application')).toBe(before);
    // Nobody became the parent of another family's child.
    expect(await reps()).toEqual(repsBefore);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { executeRun, expireDirections } from './service.js';
import { positionOf } from '../queue/service.js';
import { parseInstance, solve } from './solver/index.js';

// The wave lifecycle on the fixture region: create → run (job) → review → exclude → re-run → confirm
// → parent accepts / declines → head enrolls → expiry; plus the bad inputs that must change nothing.

let t: TestApp;
const apps: string[] = [];

async function addApplication(
  n: number,
  opts: { kindergartens: number[]; benefit?: 'first'; birth?: string; applicant?: string },
) {
  const child = await t.db
    .insertInto('child')
    .values({
      last_name: 'Иванов',
      first_name: `Ребёнок${n}`,
      patronymic: null,
      birth_date: opts.birth ?? '2024-03-01',
      sex: null,
      birth_certificate: `I-АБ-${String(100000 + n)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const app = await t.db
    .insertInto('application')
    .values({
      number: `A-2026-${String(n).padStart(6, '0')}`,
      municipality_id: t.fixture.municipalityA,
      child_id: child.id,
      applicant_id: opts.applicant ?? null,
      applicant_name: 'Родитель',
      applicant_email: opts.applicant ? null : `parent${n}@example.test`,
      address: 'г. Альфа',
      registered_at: new Date(Date.UTC(2025, 0, n)),
      desired_date: '2026-09-01',
      status: 'registered',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('application_choice')
    .values(opts.kindergartens.map((k, i) => ({ application_id: app.id, rank: i + 1, kindergarten_id: k })))
    .execute();
  if (opts.benefit)
    await t.db
      .insertInto('benefit')
      .values({
        application_id: app.id,
        kind: 'police',
        class: 'first',
        status: 'verified',
        decided_at: new Date(),
      })
      .execute();
  apps.push(app.id);
  return app.id;
}

beforeAll(async () => {
  t = await startTestApp();
  const { kindergartenA1, kindergartenA2 } = t.fixture;
  // Group "Ясельная" of A1 takes ages 1–2 (3 seats below); A2 "Младшая" takes age 3 only.
  await addApplication(1, { kindergartens: [kindergartenA1], applicant: t.fixture.users.citizen1 });
  await addApplication(2, { kindergartens: [kindergartenA1, kindergartenA2] });
  await addApplication(3, { kindergartens: [kindergartenA1], benefit: 'first' });
  await addApplication(4, { kindergartens: [kindergartenA1], applicant: t.fixture.users.citizen2 });
  await addApplication(5, { kindergartens: [kindergartenA2] });
}, 60_000);
afterAll(() => t?.close());

describe('placement waves', () => {
  let waveId = '';

  it('rejects a malformed wave naming the field, and a wave with no seats cannot run', async () => {
    const officer = await t.asFixture('officerA');
    const bad = await officer.post('/api/placement/waves', {
      municipalityId: t.fixture.municipalityA,
      kind: 'main',
      title: 'x',
      placementDate: '2026-09-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('title');
    const other = await officer.post('/api/placement/waves', {
      municipalityId: t.fixture.municipalityB,
      kind: 'main',
      title: 'Чужая волна',
      placementDate: '2026-09-01',
    });
    expect(other.statusCode).toBe(403);

    const empty = await officer.post('/api/placement/waves', {
      municipalityId: t.fixture.municipalityA,
      kind: 'additional',
      title: 'Пустая волна',
      placementDate: '2026-09-01',
      seats: [],
    });
    expect(empty.statusCode).toBe(201);
    const run = await officer.post(`/api/placement/waves/${empty.json().id}/runs`);
    expect(run.statusCode).toBe(409);
    const foreign = await officer.put(`/api/placement/waves/${empty.json().id}/seats`, {
      groupId: 999999,
      seats: 3,
    });
    expect(foreign.statusCode).toBe(422);
    expect((await officer.get(`/api/placement/waves/${empty.json().id}/seats`)).json().items).toEqual([]);
    expect(run.json().code ?? run.json().type).toMatch(/no-seats/);
    const runs = await t.db.selectFrom('wave_run').select('id').execute();
    expect(runs).toHaveLength(0);
  });

  it('creates a wave, runs it as a job and shows the draft with cut-offs and explanations', async () => {
    const officer = await t.asFixture('officerA');
    const created = await officer.post('/api/placement/waves', {
      municipalityId: t.fixture.municipalityA,
      kind: 'main',
      title: 'Основное комплектование 2026',
      placementDate: '2026-09-01',
      seats: [{ groupId: t.fixture.groupA1Young, seats: 3 }],
    });
    expect(created.statusCode).toBe(201);
    waveId = created.json().id;
    expect(created.json().seatsOffered).toBe(3);
    // The officer edits the seats per group before running (audited).
    expect(
      (
        await officer.put(`/api/placement/waves/${waveId}/seats`, {
          groupId: t.fixture.groupA1Young,
          seats: 2,
        })
      ).statusCode,
    ).toBe(204);
    expect((await officer.get(`/api/placement/waves/${waveId}/seats`)).json().items).toMatchObject([
      { groupId: t.fixture.groupA1Young, seats: 2 },
    ]);

    const run = await officer.post(`/api/placement/waves/${waveId}/runs`);
    expect(run.statusCode).toBe(202);
    const before = await officer.get(`/api/placement/waves/${waveId}`);
    expect(before.json().latestRun.status).toBe('queued');
    await t.drainJobs();
    const after = await officer.get(`/api/placement/waves/${waveId}`);
    expect(after.json().latestRun.status).toBe('draft');

    const review = (await officer.get(`/api/placement/waves/${waveId}/review`)).json();
    // Children 1..4 are 2 years old on 1 Sep 2026 and fit the 1–3 group; child 5 wanted only A2 (age 3 only).
    expect(review.stats).toMatchObject({ children: 5, placed: 2, unplaced: 3, seatsLeft: 0 });
    const a1 = review.kindergartens.find(
      (k: { kindergartenId: number }) => k.kindergartenId === t.fixture.kindergartenA1,
    );
    // The first-priority child 3 and the earliest general child 1 get the seats; the cut-off is child 1's.
    expect(a1.programs[0].cutoff).toMatchObject({ queueClass: 'general', registeredOn: '01.01.2025' });
    const byNumber = new Map(review.children.map((c: { number: string }) => [c.number, c]));
    expect((byNumber.get('A-2026-000003') as { choiceRank: number }).choiceRank).toBe(1);
    const two = byNumber.get('A-2026-000002') as { explanation: { ru: string; en: string } };
    expect(two.explanation.en).toContain('Not placed');
    expect(two.explanation.en).toContain(
      'the last admitted child was in the general queue, registered 01.01.2025',
    );
    expect(two.explanation.ru).toContain('(ваш выбор № 1)');
    expect(two.explanation.en).not.toContain('A-2026-000001');
  });

  it('re-running the same wave gives the identical result', async () => {
    const officer = await t.asFixture('officerA');
    const first = await t.db
      .selectFrom('wave_run')
      .select(['result', 'input_sha256'])
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    await officer.post(`/api/placement/waves/${waveId}/runs`);
    await t.drainJobs();
    const runs = await t.db
      .selectFrom('wave_run')
      .select(['status', 'result', 'input_sha256'])
      .where('wave_id', '=', waveId)
      .orderBy('id')
      .execute();
    expect(runs.map((r) => r.status)).toEqual(['superseded', 'draft']);
    expect(runs[1]!.input_sha256).toBe(first.input_sha256);
    expect((runs[1]!.result as { assignments: unknown }).assignments).toEqual(
      (first.result as { assignments: unknown }).assignments,
    );
  });

  it('leaves no draft when the process dies mid-run: the run stays queued and re-runs the same', async () => {
    const officer = await t.asFixture('officerA');
    const { runId } = (await officer.post(`/api/placement/waves/${waveId}/runs`)).json();
    // The job's transaction: everything the run wrote is rolled back when it does not commit.
    await expect(
      t.db.transaction().execute(async (tx) => {
        await executeRun(tx, runId);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const run = await t.db
      .selectFrom('wave_run')
      .select(['status', 'result'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'queued', result: null });
    await t.drainJobs();
    const done = await t.db
      .selectFrom('wave_run')
      .select('status')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('draft');
  });

  it('excludes a child with a reason (audited) and the re-run places the next one', async () => {
    const officer = await t.asFixture('officerA');
    const bad = await officer.post(`/api/placement/waves/${waveId}/exclusions/applications`, {
      applicationId: apps[2],
      reason: '',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await officer.post(`/api/placement/waves/${waveId}/exclusions/applications`, {
      applicationId: apps[2],
      reason: 'Документы на льготу отозваны',
    });
    expect(ok.statusCode).toBe(204);
    await officer.post(`/api/placement/waves/${waveId}/runs`);
    await t.drainJobs();
    const review = (await officer.get(`/api/placement/waves/${waveId}/review?outcome=placed`)).json();
    expect(review.children.map((c: { number: string }) => c.number).sort()).toEqual([
      'A-2026-000001',
      'A-2026-000002',
    ]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'placement.wave.exclude-application')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('confirms once: directions, statuses, events, notifications and publication in one go', async () => {
    const officer = await t.asFixture('officerA');
    const confirmed = await officer.post(`/api/placement/waves/${waveId}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().directions).toBe(2);
    const again = await officer.post(`/api/placement/waves/${waveId}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(await t.db.selectFrom('direction').select('id').execute()).toHaveLength(2);
    const statuses = await t.db
      .selectFrom('application')
      .select(['number', 'status'])
      .orderBy('number')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual([
      'directed',
      'directed',
      'registered',
      'registered',
      'registered',
    ]);
    // A directed child is out of the queue: no place «N of M» is shown beside that state.
    const directed = await t.db
      .selectFrom('application')
      .select('id')
      .where('status', '=', 'directed')
      .executeTakeFirstOrThrow();
    const position = await positionOf(t.db, directed.id);
    expect(position).toMatchObject({ inQueue: false, municipality: null, kindergartens: [] });
    // Email + in-app for the signed-in parent, email for the paper applicant: in the same transaction.
    const outbox = await t.db
      .selectFrom('outbox')
      .select('topic')
      .where('dedupe_key', 'like', '%direction-issued%')
      .execute();
    expect(outbox.map((o) => o.topic).sort()).toEqual([
      'notification.email',
      'notification.email',
      'notification.in-app',
    ]);
    await t.drainJobs();
    const subjects = t.mail.map((m) => `${m.to} ${m.subject}`);
    expect(subjects).toContain('parent2@example.test Направление в детский сад по заявлению A-2026-000002');
    expect(subjects).toContain('citizen1@example.test Направление в детский сад по заявлению A-2026-000001');

    const published = await t.anonymous.get(`/open-data/placement/${waveId}/instance.json`);
    expect(published.statusCode).toBe(200);
    expect(published.body).not.toContain('A-2026-');
    const result = await t.anonymous.get(`/open-data/placement/${waveId}/result.json`);
    expect(Object.values(result.json().assignments).filter(Boolean)).toHaveLength(2);
    // Anyone re-solving the published instance gets the published result.
    const resolved = solve(parseInstance(published.json())).assignments;
    expect({ ...resolved }).toEqual(result.json().assignments);
    const page = await t.anonymous.get('/open-data/placement/');
    expect(page.body).toContain('npm run --silent placement -- --in instance.json');
  });

  it('lets the parent see, download and accept the direction; others cannot', async () => {
    const parent = await t.asFixture('citizen1');
    const mine = (await parent.get('/api/my/directions')).json();
    expect(mine.directions).toHaveLength(1);
    const d = mine.directions[0];
    expect(d.permittedActions).toContain('placement.direction.decide');
    expect(d.explanation.ru).toContain('(ваш выбор № 1)');
    const pdf = await parent.get(`/api/directions/${d.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await t.asFixture('citizen2');
    // Another family's direction answers as a missing one: its existence is personal.
    expect((await stranger.post(`/api/directions/${d.id}/accept`)).statusCode).toBe(404);
    const accepted = await parent.post(`/api/directions/${d.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect((await parent.post(`/api/directions/${d.id}/decline`)).statusCode).toBe(409);
    const unplaced = (await stranger.get('/api/my/directions')).json();
    expect(unplaced.unplaced[0].explanation.en).toContain('Not placed');
  });

  it('lets the head record the enrollment', async () => {
    const head = await t.asFixture('headA1');
    const list = (
      await head.get(`/api/placement/kindergartens/${t.fixture.kindergartenA1}/directions`)
    ).json();
    expect(list.items).toHaveLength(2);
    const accepted = list.items.find((d: { status: string }) => d.status === 'accepted');
    const other = await t.asFixture('headB1');
    expect((await other.post(`/api/directions/${accepted.id}/enroll`)).statusCode).toBe(404);
    const enrolled = await head.post(`/api/directions/${accepted.id}/enroll`);
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().status).toBe('enrolled');
    const app = await t.db
      .selectFrom('application')
      .select('status')
      .where('id', '=', accepted.applicationId)
      .executeTakeFirstOrThrow();
    expect(app.status).toBe('enrolled');
    const rows = await t.db
      .selectFrom('enrollment')
      .select('group_id')
      .where('application_id', '=', accepted.applicationId)
      .execute();
    expect(rows).toEqual([{ group_id: t.fixture.groupA1Young }]);
  });

  it('refuses an expired direction with a clear error and changes nothing; the job marks it no-show', async () => {
    const offered = await t.db
      .selectFrom('direction')
      .selectAll()
      .where('status', '=', 'offered')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('direction')
      .set({ valid_until: '2020-01-01' })
      .where('id', '=', offered.id)
      .execute();
    const owner = await t.db
      .selectFrom('application')
      .select(['applicant_id'])
      .where('id', '=', offered.application_id)
      .executeTakeFirstOrThrow();
    expect(owner.applicant_id).toBeNull(); // a paper applicant: the expiry path, not the parent's
    const parent = await t.asFixture('citizen1');
    const res = await parent.post(`/api/directions/${offered.id}/accept`);
    expect(res.statusCode).toBe(404);

    await t.db.transaction().execute((tx) => expireDirections(tx, '2026-01-01'));
    const d = await t.db
      .selectFrom('direction')
      .select('status')
      .where('id', '=', offered.id)
      .executeTakeFirstOrThrow();
    expect(d.status).toBe('expired');
    const app = await t.db
      .selectFrom('application')
      .select(['status', 'desired_date'])
      .where('id', '=', offered.application_id)
      .executeTakeFirstOrThrow();
    expect(app).toEqual({ status: 'registered', desired_date: '2027-09-01' });
    const events = await t.db
      .selectFrom('application_event')
      .select(['to_status'])
      .where('application_id', '=', offered.application_id)
      .where('kind', '=', 'status')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.to_status)).toEqual(['directed', 'no_show', 'registered']);
  });
});

describe('expired direction of a signed-in parent', () => {
  it('answers 409 direction-expired and leaves the direction offered', async () => {
    // Re-use the confirmed wave's machinery on a fresh direction row for citizen2's application.
    const app4 = apps[3]!;
    const wave = await t.db
      .selectFrom('placement_wave')
      .select('id')
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const run = await t.db
      .selectFrom('wave_run')
      .select('id')
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const d = await t.db
      .insertInto('direction')
      .values({
        wave_id: wave.id,
        run_id: run.id,
        application_id: app4,
        group_id: t.fixture.groupA1Young,
        kindergarten_id: t.fixture.kindergartenA1,
        number: 'Н-TEST-1',
        valid_until: '2020-01-01',
        explanation: JSON.stringify({ ru: 'тест', en: 'test' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parent = await t.asFixture('citizen2');
    const res = await parent.post(`/api/directions/${d.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('expired');
    const row = await t.db
      .selectFrom('direction')
      .select(['status', 'decided_at'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'offered', decided_at: null });
  });

  it('declining returns the child to the queue with the desired date moved to 1 September next year', async () => {
    const d = await t.db
      .selectFrom('direction')
      .select(['id', 'application_id'])
      .where('number', '=', 'Н-TEST-1')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('direction').set({ valid_until: '2999-01-01' }).where('id', '=', d.id).execute();
    const parent = await t.asFixture('citizen2');
    const res = await parent.post(`/api/directions/${d.id}/decline`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('declined');
    const app = await t.db
      .selectFrom('application')
      .select(['status', 'desired_date'])
      .where('id', '=', d.application_id)
      .executeTakeFirstOrThrow();
    expect(app).toEqual({ status: 'registered', desired_date: '2027-09-01' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'placement.direction.decline')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

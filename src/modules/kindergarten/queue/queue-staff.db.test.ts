import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../app/testing/test-app.js';
import { allPositions, orderQueues } from './order-queue.js';
import * as q from './queries.js';
import { recalculate } from './service.js';

let t: TestApp;
let citizen: Client;
let officer: Client;

const body = (n: number, extra: Record<string, unknown> = {}) => ({
  child: {
    lastName: 'Сидоров',
    firstName: `Иван${n}`,
    birthDate: '2024-02-01',
    birthCertificate: `ST-АБ 20${String(n).padStart(4, '0')}`,
  },
  applicant: { fullName: 'Сидорова Ольга', email: `olga${n}@example.test` },
  address: 'г. Альфа, ул. Садовая, 2',
  desiredDate: '2026-09-01',
  kindergartenIds: [t.fixture.kindergartenA1],
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.asFixture('citizen1');
  officer = await t.asFixture('officerA');
});
afterAll(async () => t?.close());

describe('staff and parent actions', () => {
  it('paper application, withdraw, status export with ЕПГУ codes, head applicants, duplicates and merge', async () => {
    const mA = t.fixture.municipalityA;
    const paper = await officer.post(`/api/kindergarten/municipalities/${mA}/applications`, body(1));
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json().source).toBe('paper');
    // The same child typed with another certificate: a duplicate to merge.
    const typo = await officer.post(`/api/kindergarten/municipalities/${mA}/applications`, {
      ...body(1),
      child: { ...body(1).child, birthCertificate: 'ST-АБ 209999' },
    });
    expect(typo.statusCode, typo.body).toBe(201);
    const dups = (await officer.get(`/api/kindergarten/municipalities/${mA}/duplicates`)).json();
    expect(dups.items).toHaveLength(1);
    const merged = await officer.post(`/api/kindergarten/applications/${paper.json().id}/merge`, {
      duplicateApplicationId: typo.json().id,
      reason: 'ошибка ввода свидетельства',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(
      (await officer.get(`/api/kindergarten/municipalities/${mA}/duplicates`)).json().items,
    ).toHaveLength(0);

    const own = await citizen.request({
      method: 'POST',
      url: '/api/kindergarten/applications',
      payload: { ...body(2), municipalityId: mA, desiredDate: '2027-08-31' },
      headers: { 'idempotency-key': 'staff-test-0002' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const changed = await citizen.put(`/api/kindergarten/applications/${own.json().id}/choices`, {
      kindergartenIds: [t.fixture.kindergartenA1],
      reason: 'тот же сад',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const withdrawn = await citizen.post(`/api/kindergarten/applications/${own.json().id}/withdraw`, {});
    expect(withdrawn.json().status).toBe('removed');
    expect(
      (await citizen.post(`/api/kindergarten/applications/${own.json().id}/withdraw`, {})).statusCode,
    ).toBe(409);

    const day = new Date().toISOString().slice(0, 10);
    const exp = (
      await officer.get(`/api/kindergarten/municipalities/${mA}/status-export?from=${day}&to=${day}`)
    ).json();
    const removal = exp.items.find((i: { toStatus: string }) => i.toStatus === 'removed');
    expect(removal.epguStatusCode).toBe(9);
    const csv = await officer.get(
      `/api/kindergarten/municipalities/${mA}/status-export?from=${day}&to=${day}&format=csv`,
    );
    expect(csv.body).toContain('epgu_status_code');
    expect(
      (
        await (
          await t.asFixture('officerB')
        ).get(`/api/kindergarten/municipalities/${mA}/status-export?from=${day}&to=${day}`)
      ).statusCode,
    ).toBe(403);

    await t.drainJobs();
    const head = await t.asFixture('headA1');
    const applicants = await head.get(
      `/api/kindergarten/kindergartens/${t.fixture.kindergartenA1}/applicants`,
    );
    expect(applicants.statusCode).toBe(200);
    expect(applicants.json().items.length).toBe(1);
    expect(applicants.json().items[0].position).toBe(1);
    expect(
      (await head.get(`/api/kindergarten/kindergartens/${t.fixture.kindergartenA2}/applicants`)).statusCode,
    ).toBe(403);

    const exported = await citizen.get(`/api/kindergarten/applications/${own.json().id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.json().application.birth_certificate).toBe(body(2).child.birthCertificate);
  });

  it('an incremental recalculation leaves exactly what a fresh computation gives', async () => {
    const mA = t.fixture.municipalityA;
    for (const n of [10, 11, 12])
      expect(
        (await officer.post(`/api/kindergarten/municipalities/${mA}/applications`, body(n))).statusCode,
      ).toBe(201);
    await recalculate(t.db, mA);
    const withBenefit = await officer.post(
      `/api/kindergarten/municipalities/${mA}/applications`,
      body(13, { benefits: [{ kind: 'police' }] }),
    );
    const app = withBenefit.json();
    // A paper application's privilege without a scan: refused without the check's reason.
    const bare = await officer.post(`/api/kindergarten/applications/${app.id}/benefit-decision`, {
      benefitId: app.benefits[0].id,
      decision: 'verify',
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors[0].field).toBe('reason');
    const checked = await officer.post(`/api/kindergarten/applications/${app.id}/benefit-decision`, {
      benefitId: app.benefits[0].id,
      decision: 'verify',
      reason: 'Справка МВД предъявлена в приёмной, копия в деле',
    });
    expect(checked.statusCode, checked.body).toBe(200);
    await recalculate(t.db, mA);
    const stored = await t.db
      .selectFrom('queue_position')
      .selectAll()
      .where('municipality_id', '=', mA)
      .execute();
    const fresh = allPositions(
      orderQueues(await q.queueInput(t.db, mA, 'september_first'), new Date().toISOString().slice(0, 10)),
    );
    const norm = (rows: { a: string; k: number; p: number }[]) =>
      rows.map((r) => `${r.a}:${r.k}:${r.p}`).sort();
    expect(norm(stored.map((r) => ({ a: r.application_id, k: r.kindergarten_id, p: r.position })))).toEqual(
      norm(fresh.map((r) => ({ a: r.applicationId, k: r.kindergartenId ?? 0, p: r.position }))),
    );
    expect(stored.find((r) => r.application_id === app.id && r.kindergarten_id === 0)?.position).toBe(1);
  });

  it('removes children who reached 8 years', async () => {
    const mA = t.fixture.municipalityA;
    // An old application: the child has since grown up (inserted directly: registration refuses over-7s).
    await officer.post(`/api/kindergarten/municipalities/${mA}/applications`, body(30));
    await t.db
      .updateTable('child')
      .set({ birth_date: '2017-01-01' })
      .where('birth_certificate', '=', body(30).child.birthCertificate)
      .execute();
    const res = await officer.post(`/api/kindergarten/municipalities/${mA}/remove-over-age`, {});
    expect(res.json().removed).toBe(1);
  });
});

describe('position notifications', () => {
  it('notifies a parent once when the position moves by the configured threshold', async () => {
    const mB = t.fixture.municipalityB;
    await t.db
      .updateTable('municipality')
      .set({ config: JSON.stringify({ positionNotifyThreshold: 2 }) })
      .where('id', '=', mB)
      .execute();
    const officerB = await t.asFixture('officerB');
    const kb = [t.fixture.kindergartenB1];
    // Age 5 on 1 September 2026 fits the fixture's group 5–6 of KB1 (the parent's own application
    // asks for a day not yet past, still in that school year).
    const child = (n: number) => ({
      lastName: 'Орлова',
      firstName: `Вера${n}`,
      birthDate: '2021-03-01',
      birthCertificate: `OR-ВВ 30${String(n).padStart(4, '0')}`,
    });
    const watched = await citizen.request({
      method: 'POST',
      url: '/api/kindergarten/applications',
      payload: {
        ...body(50),
        child: child(50),
        municipalityId: mB,
        kindergartenIds: kb,
        desiredDate: '2027-08-31',
      },
      headers: { 'idempotency-key': 'notify-test-0050' },
    });
    expect(watched.statusCode, watched.body).toBe(201);
    await t.drainJobs();
    const before = t.mail.length;
    for (const n of [51, 52]) {
      const res = await officerB.post(`/api/kindergarten/municipalities/${mB}/applications`, {
        ...body(n),
        child: child(n),
        kindergartenIds: kb,
        benefits: [{ kind: 'judge' }],
      });
      const app = res.json();
      await officerB.post(`/api/kindergarten/applications/${app.id}/benefit-decision`, {
        benefitId: app.benefits[0].id,
        decision: 'verify',
        reason: 'Запрос в реестр судей: подтверждено',
      });
    }
    await t.drainJobs();
    const notices = t.mail.slice(before).filter((m) => /место в очереди 3/.test(m.subject));
    expect(notices, JSON.stringify(t.mail.slice(before).map((m) => m.subject))).toHaveLength(1);
    await recalculate(t.db, mB);
    await t.drainJobs();
    expect(t.mail.slice(before).filter((m) => /место в очереди/.test(m.subject))).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '../platform/audit/audit-log.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import { createTestDatabase } from '../platform/db/test-database.js';
import { dayOf } from './calendar.js';
import { seedDemoRegion } from './load-region.js';

describe('demo region loader', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('loads the tiny region once and is idempotent', async () => {
    const reference = dayOf(2026, 11, 15);
    const first = await seedDemoRegion(handle, { scale: 'tiny', reference });
    expect(first.skipped).toBe(false);
    expect(first.municipalities).toBe(2);
    expect(first.applications).toBeGreaterThan(300);
    const counted = await sql<{ n: number }>`select count(*)::int as n from application`.execute(handle.db);
    expect(counted.rows[0]!.n).toBe(first.applications);
    const second = await seedDemoRegion(handle, { scale: 'tiny', reference });
    expect(second.skipped).toBe(true);
    const again = await sql<{ n: number }>`select count(*)::int as n from application`.execute(handle.db);
    expect(again.rows[0]!.n).toBe(first.applications);
    // Identity sequences continue after the generator's ids.
    const kg = await handle.db
      .insertInto('kindergarten')
      .values({ municipality_id: 1, code: 'NEW-1', name_ru: 'Новый сад', address: 'ул. Новая, 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(kg.id).toBeGreaterThan(first.kindergartens);
    const region = await handle.db.selectFrom('region').select('config').executeTakeFirstOrThrow();
    expect((region.config.demoLogins as unknown[]).length).toBeGreaterThan(3);
  });

  it('loads the platform part: organisations after the kindergartens, pupils, families, staff who can sign in', async () => {
    const kinds = await sql<{ kind: string; n: number }>`select kind, count(*)::int n from organisation
      group by kind order by kind`.execute(handle.db);
    expect(Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n]))).toEqual({
      control_centre: 1,
      extra_education: 2,
      kindergarten: 13, // the 12 of the scale and the one the test above added
      municipal_education_body: 2,
      regional_ministry: 1,
      school: 4,
    });
    // A parent with a child at school and one in the kindergarten queue: both are hers.
    const family = await sql<{ pupils: number; applicants: number }>`select
        count(*) filter (where exists (select 1 from pupil_enrolment p where p.child_id = r.child_id))::int pupils,
        count(*) filter (where exists (select 1 from application a where a.child_id = r.child_id))::int applicants
      from child_representative r join app_user u on u.id = r.user_id where u.oidc_subject = 'esia-1000003'`.execute(
      handle.db,
    );
    expect(family.rows[0]!.pupils).toBe(2);
    expect(family.rows[0]!.applicants).toBe(2);
    const requests = await sql<{ n: number }>`select count(*)::int n from family_request`.execute(handle.db);
    const applications = await sql<{ n: number }>`select count(*)::int n from application`.execute(handle.db);
    expect(requests.rows[0]!.n).toBe(applications.rows[0]!.n);
    // New rows continue after the generator's ids in the shared sequence.
    const o = await handle.db
      .insertInto('organisation')
      .values({ kind: 'school', full_name: 'Новая школа', short_name: 'Новая школа', municipality_id: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = await sql<{ m: number }>`select max(id)::int m from organisation where id <> ${o.id}`.execute(
      handle.db,
    );
    expect(o.id).toBeGreaterThan(max.rows[0]!.m);
    const grants = await sql<{
      role: string;
    }>`select distinct role from role_assignment order by role`.execute(handle.db);
    expect(grants.rows.map((g) => g.role)).toContain('meals_officer');
  });

  it('leaves one audit row saying what was loaded at what scale, and the chain verifies', async () => {
    // The test above loaded the region (and skipped the second time); the chain has exactly its row.
    const events = await handle.db.selectFrom('audit_event').selectAll().execute();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      action: 'demo.region.loaded',
      subject_type: 'region',
      actor_role: 'system',
    });
    const applications = await sql<{ n: number }>`select count(*)::int as n from application`.execute(
      handle.db,
    );
    const kindergartens = await sql<{ n: number }>`select count(*)::int as n from kindergarten`.execute(
      handle.db,
    );
    expect(event!.summary).toMatchObject({
      scale: 'tiny',
      referenceDay: '2026-11-15',
      parts: 'all',
      municipalities: 2,
      schools: 4,
      applications: applications.rows[0]!.n,
      // One kindergarten was added by hand in the test above.
      kindergartens: kindergartens.rows[0]!.n - 1,
    });
    const verdict = await verifyAuditChain(handle.db);
    expect(verdict).toEqual({ ok: true, checked: 1, firstBroken: null });
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../demo/calendar.js';
import { seedDemoRegion } from '../../demo/load-region.js';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../../platform/audit/audit-log.js';
import type { DatabaseHandle, Db } from '../../platform/db/database.js';
import { migrate, readMigrations } from '../../platform/db/migrate.js';
import { createTestDatabaseAt } from '../../platform/db/test-database.js';

/**
 * Migrations 0009–0011 (organisations, families, requests; kindergartens joining the registry) over
 * a database holding the kindergarten-era schema (0001–0008) and a demo region with positions, a
 * direction and audit rows: every stored row keeps every value it had, the audit chain still
 * verifies, and the kindergartens, heads, children and applications are in the platform's registries.
 * The region is the demo loader's kindergarten part, which is what that schema holds.
 */
const KEPT = [
  'municipality',
  'app_user',
  'role_assignment',
  'kindergarten',
  'kg_group',
  'child',
  'application',
  'application_choice',
  'application_event',
  'benefit',
  'enrollment',
  'queue_position',
  'placement_wave',
  'wave_run',
  'direction',
  'audit_event',
] as const;

let handle: DatabaseHandle;
let db: Db;
const before = new Map<string, { columns: string[]; count: number; digest: string }>();

async function columnsOf(table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return r.rows.map((c) => c.column_name);
}

/** Row count and a digest of every row's text over the given columns. */
async function digestOf(table: string, columns: string[]) {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const r = await sql<{ count: string; digest: string | null }>`
    select count(*) as count, md5(string_agg(r, '|' order by r)) as digest
    from (select row(${cols})::text as r from ${sql.table(table)}) t`.execute(db);
  return { count: Number(r.rows[0]!.count), digest: r.rows[0]!.digest ?? '' };
}

beforeAll(async () => {
  handle = await createTestDatabaseAt(8);
  db = handle.db;
  await seedDemoRegion(handle, { scale: 'tiny', reference: dayOf(2026, 12, 1), parts: 'kindergarten' });
  // What the demo does not load: queue positions, a confirmed wave with a direction, audit rows.
  await sql`insert into queue_position (application_id, kindergarten_id, municipality_id, age_group, position,
      queue_class, ahead_extraordinary, ahead_first, ahead_sibling, ahead_general)
    select a.id, c.kindergarten_id, a.municipality_id, 3, row_number() over (order by a.serial), 'general', 0, 0, 0,
      row_number() over (order by a.serial) - 1
    from application a join application_choice c on c.application_id = a.id and c.rank = 1
    where a.status = 'registered'`.execute(db);
  const wave = await sql<{ id: string; municipality_id: number }>`
    insert into placement_wave (municipality_id, kind, title, placement_date, school_year_start, rules)
    select id, 'main', 'Основное комплектование', '2027-09-01', '2027-09-01', '{}' from municipality limit 1
    returning id, municipality_id`.execute(db);
  const run = await sql<{
    id: string;
  }>`insert into wave_run (wave_id, status, instance, result, review) values (${wave.rows[0]!.id}, 'draft', '{}', '{}', '{}')
    returning id`.execute(db);
  await sql`insert into direction (wave_id, run_id, application_id, group_id, kindergarten_id, number, valid_until, explanation)
    select ${wave.rows[0]!.id}, ${run.rows[0]!.id}, a.id, g.id, g.kindergarten_id, 'НП-1', '2027-08-01', '{"ru":"—","en":"—"}'
    from application a join application_choice c on c.application_id = a.id and c.rank = 1
    join kg_group g on g.kindergarten_id = c.kindergarten_id
    where a.municipality_id = ${wave.rows[0]!.municipality_id} and a.status = 'registered'
    order by a.serial, g.id limit 1`.execute(db);
  for (const action of ['demo.loaded', 'catalog.kindergarten.updated', 'queue.application.created'])
    await recordAudit(db, SYSTEM_ACTOR, { action, subjectType: 'test', subjectId: action });

  for (const table of KEPT) {
    const columns = await columnsOf(table);
    before.set(table, { columns, ...(await digestOf(table, columns)) });
  }
  // 0009–0011 are the ones under test; the modules' later migrations apply over them as well.
  const later = readMigrations()
    .map((m) => m.version)
    .filter((v) => v > 8);
  expect(later.slice(0, 3)).toEqual([9, 10, 11]);
  expect(await migrate(handle)).toEqual(later);
}, 180_000);
afterAll(async () => handle?.close());

describe('migrating a kindergarten-era database to organisations and families', () => {
  it('keeps every row of every table with the values it had', async () => {
    for (const table of KEPT) {
      const was = before.get(table)!;
      expect(was.count, table).toBeGreaterThan(0);
      expect(await digestOf(table, was.columns), table).toEqual({ count: was.count, digest: was.digest });
    }
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: before.get('audit_event')!.count });
  });

  it('makes each kindergarten an organisation under its own id, and its heads grants over it', async () => {
    const mismatched = await sql<{ id: number }>`select k.id from kindergarten k
      left join organisation o on o.id = k.id and o.kind = 'kindergarten' and o.short_name = k.name_ru
        and o.municipality_id = k.municipality_id and o.address = k.address
      where o.id is null`.execute(db);
    expect(mismatched.rows).toEqual([]);
    const heads = await sql<{ n: string; ok: string }>`select count(*) n,
        count(*) filter (where organisation_id = kindergarten_id) ok
      from role_assignment where role = 'kindergarten_head'`.execute(db);
    expect(Number(heads.rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(heads.rows[0]!.ok)).toBe(Number(heads.rows[0]!.n));
  });

  it("puts every application in the family's requests and every applicant beside the child", async () => {
    const r = await sql<{ missing: string; reps: string; pairs: string }>`select
        (select count(*) from application a where not exists (select 1 from family_request f
          where f.module = 'kindergarten' and f.external_id = a.id::text and f.status = a.status
            and f.reference = a.number and f.link = '/my/applications/' || a.id)) missing,
        (select count(*) from child_representative) reps,
        (select count(distinct (child_id, applicant_id)) from application where applicant_id is not null) pairs`.execute(
      db,
    );
    const { missing, reps, pairs } = r.rows[0]!;
    expect(Number(missing)).toBe(0);
    expect(Number(pairs)).toBeGreaterThan(0);
    expect(Number(reps)).toBe(Number(pairs));
  });

  it('after the migration, kindergartens and organisations stay one record', async () => {
    const max = await sql<{ m: number }>`select max(id) m from organisation`.execute(db);
    const k = await sql<{ id: number }>`insert into kindergarten (municipality_id, code, name_ru, address)
      select id, 'NEW-1', 'Детский сад № 99', 'ул. Новая, 1' from municipality limit 1 returning id`.execute(
      db,
    );
    expect(k.rows[0]!.id).toBeGreaterThan(max.rows[0]!.m);
    const id = k.rows[0]!.id;
    await sql`update kindergarten set name_ru = 'Детский сад № 99 «Радуга»' where id = ${id}`.execute(db);
    await sql`update organisation set phone = '+7 8332 00-00-99' where id = ${id}`.execute(db);
    const both = await sql<{ short_name: string; k_phone: string }>`select o.short_name, k.phone k_phone
      from organisation o join kindergarten k on k.id = o.id where o.id = ${id}`.execute(db);
    expect(both.rows[0]).toEqual({ short_name: 'Детский сад № 99 «Радуга»', k_phone: '+7 8332 00-00-99' });

    const a = await sql<{
      id: string;
    }>`select id from application where status = 'registered' limit 1`.execute(db);
    await sql`update application set status = 'removed' where id = ${a.rows[0]!.id}`.execute(db);
    const req = await sql<{ status: string; state: string }>`select status, state from family_request
      where module = 'kindergarten' and external_id = ${a.rows[0]!.id}`.execute(db);
    expect(req.rows[0]).toEqual({ status: 'removed', state: 'withdrawn' });
  });
});

import { sql } from 'kysely';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/audit-log.js';
import { hashPassword } from '../platform/auth/password.js';
import type { AppModule } from '../platform/app-context.js';
import type { DatabaseHandle, Db } from '../platform/db/database.js';
import { familyHooksOf } from '../platform/families/attendance.js';
import { dayOf, formatDay, type Day } from './calendar.js';
import { generateCatalog, type CatalogModel } from './generate-catalog.js';
import { generateOrganisations, type PlatformDemoRows } from './generate-organisations.js';
import { generatePeople } from './generate-people.js';
import type { CatalogRows, PeopleRows } from './rows.js';
import { SCALES, type ScaleName } from './scales.js';

/** Every demo staff account shares this password; the sign-in page lists the logins in demo mode. */
export const DEMO_PASSWORD = 'demo';
export const DEMO_SEED = 20_260_901;

export interface SeedOptions {
  scale: ScaleName;
  /** The day the data leads up to; today (UTC) by default, so the demo queue is current. */
  reference?: Day;
  seed?: number;
  log?: (line: string) => void;
  /**
   * `kindergarten`: only the catalog and the queue, which the kindergarten-era schema (migrations
   * 0001–0008) holds; the migration test loads that and migrates it. Everything by default.
   */
  parts?: 'all' | 'kindergarten';
  /** Modules whose `demo` part is loaded after the platform's (src/app/modules.ts in the product). */
  modules?: readonly AppModule[];
}

export interface SeedOutcome {
  skipped: boolean;
  municipalities: number;
  kindergartens: number;
  applications: number;
  millis: number;
}

function today(): Day {
  const now = new Date();
  return dayOf(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

// PostgreSQL allows 65,535 bind parameters a statement; stay well below.
const MAX_PARAMS = 30_000;

type Row = object;

function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/** Multi-row inserts of generator rows, keeping the ids the generator chose for identity columns. */
async function insertRows(db: Db, table: string, rows: readonly Row[], overrideIdentity = false) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map(
      (row) => sql`(${sql.join(columns.map((c) => sql`${toParam((row as Record<string, unknown>)[c])}`))})`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${
      overrideIdentity ? sql`overriding system value` : sql``
    } values ${sql.join(values)}`.execute(db);
  }
}

/**
 * Moves the sequence behind `table.id` past the ids the generator chose: an identity column's, or
 * the one its default draws from (kindergartens take ids from the organisations' sequence since 0011).
 */
async function resetIdentity(db: Db, table: string) {
  await sql`select setval(seq, greatest(coalesce((select max(id) from ${sql.table(table)}), 0) + 1,
      nextval(seq)), false)
    from (select coalesce(pg_get_serial_sequence(${table}, 'id'),
      substring(column_default from 'nextval\\(''([^'']+)''')) as seq
      from information_schema.columns where table_name = ${table} and column_name = 'id') s`.execute(db);
}

function demoLogins(rows: CatalogRows) {
  const description: Record<string, string> = {
    regional_admin: 'Региональный администратор',
    auditor: 'Аудитор (только чтение, журнал)',
    sysadmin: 'Системный администратор',
    municipal_officer: 'Специалист управления образования',
    kindergarten_head: 'Заведующая детским садом',
  };
  const municipalities = new Map(rows.municipalities.map((m) => [m.id, m.name_ru]));
  const kindergartens = new Map(rows.kindergartens.map((k) => [k.id, k.name_ru]));
  const byUser = new Map(rows.roleAssignments.map((r) => [r.user_id, r]));
  const logins = [];
  let heads = 0;
  for (const user of rows.users) {
    const grant = byUser.get(user.id);
    if (user.kind !== 'staff' || !user.login || !grant) continue;
    // Every officer, but only a few heads: the page lists logins a person would try.
    if (grant.role === 'kindergarten_head' && ++heads > 4) continue;
    const where =
      grant.kindergarten_id != null
        ? `: ${kindergartens.get(grant.kindergarten_id)}`
        : grant.municipality_id != null
          ? `: ${municipalities.get(grant.municipality_id)}`
          : '';
    logins.push({
      login: user.login,
      password: DEMO_PASSWORD,
      role: grant.role,
      description: `${description[grant.role] ?? grant.role}${where}`,
    });
  }
  return logins;
}

async function loadCatalog(db: Db, catalog: CatalogModel) {
  const rows = catalog.rows;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertRows(
    db,
    'region',
    [{ ...rows.region, config: { ...rows.region.config, demoLogins: demoLogins(rows) } }],
    true,
  );
  await insertRows(db, 'municipality', rows.municipalities, true);
  await insertRows(
    db,
    'app_user',
    rows.users.map((u) => ({ ...u, password_hash: u.kind === 'staff' ? passwordHash : null })),
  );
  await insertRows(db, 'kindergarten', rows.kindergartens, true);
  await insertRows(db, 'role_assignment', rows.roleAssignments);
  await insertRows(db, 'construction_note', rows.constructionNotes);
  await insertRows(db, 'kg_group', rows.groups, true);
  await insertRows(db, 'kg_group_capacity', rows.groupCapacities);
  await insertRows(db, 'municipality_births', rows.births);
  for (const table of ['region', 'municipality', 'kindergarten', 'kg_group']) await resetIdentity(db, table);
}

async function loadPeople(db: Db, people: PeopleRows) {
  // The serial (last tie-break of the queue) follows registration order.
  const applications = [...people.applications].sort((a, b) =>
    a.registered_at < b.registered_at ? -1 : a.registered_at > b.registered_at ? 1 : 0,
  );
  await insertRows(db, 'child', people.children);
  await insertRows(db, 'application', applications);
  await insertRows(db, 'application_choice', people.choices);
  await insertRows(db, 'benefit', people.benefits);
  await insertRows(db, 'application_event', people.events);
  await insertRows(db, 'enrollment', people.enrollments);
}

/** The platform's part: organisations, VK communities, staff of the new roles, pupils (see generate-organisations.ts). */
async function loadPlatform(db: Db, rows: PlatformDemoRows, passwordHash: string) {
  await insertRows(db, 'portal_news', rows.news);
  await insertRows(db, 'organisation', rows.organisations);
  await resetIdentity(db, 'organisation');
  await insertRows(db, 'organisation_vk_community', rows.vkCommunities);
  await insertRows(
    db,
    'app_user',
    rows.staff.map((s) => ({
      id: s.userId,
      kind: 'staff',
      login: s.login,
      full_name: s.fullName,
      email: `${s.login}@example.ru`,
      password_hash: passwordHash,
    })),
  );
  await insertRows(
    db,
    'role_assignment',
    rows.staff.map((s) => ({
      user_id: s.userId,
      role: s.role,
      municipality_id: s.municipalityId,
      organisation_id: s.organisationId,
    })),
  );
  await insertRows(
    db,
    'child',
    rows.pupils.map((p) => p.child),
  );
  await insertRows(
    db,
    'pupil_enrolment',
    rows.pupils.map((p) => p.enrolment),
  );
  await insertRows(
    db,
    'child_representative',
    rows.pupils
      .filter((p) => p.representativeUserId)
      .map((p) => ({
        child_id: p.child.id,
        user_id: p.representativeUserId,
        relation: 'parent',
        added_via: 'seed',
      })),
  );
  const listed = rows.staff
    .filter((s) => s.listed)
    .map((s) => ({ login: s.login, password: DEMO_PASSWORD, role: s.role, description: s.description }));
  await sql`update region set config = jsonb_set(config, '{demoLogins}',
    coalesce(config->'demoLogins', '[]'::jsonb) || ${JSON.stringify(listed)}::jsonb)`.execute(db);
}

/**
 * Loads the deterministic demo region into an empty database; a database that already has a region
 * is left as it is (so `npm start` may call this on every start).
 */
export async function seedDemoRegion(handle: DatabaseHandle, opts: SeedOptions): Promise<SeedOutcome> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const existing = await handle.db.selectFrom('region').select('id').executeTakeFirst();
  if (existing) return { skipped: true, municipalities: 0, kindergartens: 0, applications: 0, millis: 0 };

  const scale = SCALES[opts.scale];
  log(
    `generating the demo region (scale ${scale.name}, about ${scale.applications.toLocaleString('en')} applications)…`,
  );
  const seed = opts.seed ?? DEMO_SEED;
  const reference = opts.reference ?? today();
  const catalog = generateCatalog(scale, seed, reference);
  let applications = 0;
  let children = 0;
  await handle.db.transaction().execute(async (trx) => {
    await loadCatalog(trx, catalog);
    log(
      `catalog: ${catalog.rows.municipalities.length} municipalities, ${catalog.rows.kindergartens.length} kindergartens, ${catalog.rows.groups.length} groups`,
    );
    for (let i = 0; i < catalog.municipalities.length; i++) {
      const people = generatePeople(catalog, i);
      await loadPeople(trx, people);
      applications += people.applications.length;
      children += people.children.length;
      log(
        `  ${i + 1}/${catalog.municipalities.length} ${catalog.rows.municipalities[i]!.name_ru}: ${people.applications.length.toLocaleString('en')} applications (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    let platform: PlatformDemoRows | null = null;
    if (opts.parts !== 'kindergarten') {
      platform = generateOrganisations(catalog);
      await loadPlatform(trx, platform, await hashPassword(DEMO_PASSWORD));
      const schools = platform.organisations.filter((o) => o.kind === 'school').length;
      log(
        `platform: ${platform.organisations.length} organisations (${schools} schools), ${platform.vkCommunities.length} VK communities, ${platform.pupils.length.toLocaleString('en')} pupils, ${platform.staff.length} staff (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    const moduleCounts: Record<string, Record<string, number>> = {};
    if (platform) {
      for (const module of opts.modules ?? []) {
        if (!module.demo) continue;
        moduleCounts[module.name] = await module.demo(trx, {
          scale: scale.name,
          seed,
          referenceDay: formatDay(reference),
          log: (line) => log(`${module.name}: ${line}`),
          families: familyHooksOf(opts.modules ?? []),
        });
      }
    }
    // The chain's first link says where everything before it came from: generated, not entered.
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'demo.region.loaded',
      subjectType: 'region',
      subjectId: catalog.rows.region.id,
      summary: {
        scale: scale.name,
        seed,
        referenceDay: formatDay(reference),
        parts: opts.parts ?? 'all',
        municipalities: catalog.rows.municipalities.length,
        kindergartens: catalog.rows.kindergartens.length,
        groups: catalog.rows.groups.length,
        kindergartenStaff: catalog.rows.users.filter((u) => u.kind === 'staff').length,
        children,
        applications,
        ...(platform
          ? {
              organisations: platform.organisations.length,
              schools: platform.organisations.filter((o) => o.kind === 'school').length,
              pupils: platform.pupils.length,
              platformStaff: platform.staff.length,
            }
          : {}),
        ...(Object.keys(moduleCounts).length ? { modules: moduleCounts } : {}),
      },
    });
  });
  const millis = Date.now() - started;
  log(`demo region loaded in ${(millis / 1000).toFixed(1)} s`);
  return {
    skipped: false,
    municipalities: catalog.rows.municipalities.length,
    kindergartens: catalog.rows.kindergartens.length,
    applications,
    millis,
  };
}

import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { anyOf } from '../../../platform/db/any-of.js';
import type { ApplicationStatus } from '../tables.js';
import './queue-tables.js';
import { POSITION_COLUMNS } from './public-queries.js';
import type { PositionRow, QueueApplication } from './order-queue.js';
import type { HistoryApplication } from './position-change.js';
import { ACTIVE_STATUSES, IN_QUEUE_STATUSES } from './status-machine.js';
import type { KindergartenFacts } from './application-rules.js';
import { ageGroupSql, type AgeRule } from './age-group.js';

// All SQL of the queue module.

const IN_QUEUE = IN_QUEUE_STATUSES as ApplicationStatus[];
const ACTIVE = ACTIVE_STATUSES as ApplicationStatus[];

export async function municipalityConfig(db: Executor, municipalityId: number) {
  return db
    .selectFrom('municipality')
    .select(['id', 'config'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
}

export async function kindergartenFacts(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, KindergartenFacts>> {
  const map = new Map<number, KindergartenFacts>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('kindergarten as k')
    .leftJoin('kg_group as g', (j) => j.onRef('g.kindergarten_id', '=', 'k.id').on('g.is_open', '=', true))
    .select(['k.id', 'k.municipality_id', 'g.age_from', 'g.age_to'])
    .where('k.id', 'in', [...ids])
    .where('k.status', '=', 'operating')
    .execute();
  for (const r of rows) {
    const kg = map.get(r.id) ?? {
      id: r.id,
      municipalityId: r.municipality_id,
      groups: [] as { ageFrom: number; ageTo: number }[],
    };
    if (r.age_from !== null && r.age_to !== null)
      (kg.groups as { ageFrom: number; ageTo: number }[]).push({ ageFrom: r.age_from, ageTo: r.age_to });
    map.set(r.id, kg);
  }
  return map;
}

export async function kindergartenMunicipality(db: Executor, kindergartenId: number) {
  return db
    .selectFrom('kindergarten')
    .select(['id', 'municipality_id'])
    .where('id', '=', kindergartenId)
    .executeTakeFirst();
}

// ——— drafts, files, idempotency: draft-queries.ts, file-queries.ts, idempotency-queries.ts ———

export * from './draft-queries.js';
export * from './file-queries.js';
export * from './idempotency-queries.js';

// ——— applications ———

export async function findOrCreateChild(
  tx: Executor,
  c: {
    lastName: string;
    firstName: string;
    patronymic?: string | undefined;
    birthDate: string;
    sex?: 'm' | 'f' | undefined;
    birthCertificate: string;
  },
) {
  const existing = await tx
    .selectFrom('child')
    .select(['id', 'birth_date', 'last_name', 'first_name'])
    .where('birth_certificate', '=', c.birthCertificate)
    .executeTakeFirst();
  if (existing) return existing;
  const inserted = await tx
    .insertInto('child')
    .values({
      last_name: c.lastName,
      first_name: c.firstName,
      patronymic: c.patronymic ?? null,
      birth_date: c.birthDate,
      sex: c.sex ?? null,
      birth_certificate: c.birthCertificate,
    })
    .onConflict((oc) => oc.column('birth_certificate').doNothing())
    .returning(['id', 'birth_date', 'last_name', 'first_name'])
    .executeTakeFirst();
  if (inserted) return inserted;
  // A concurrent twin inserted the same certificate first.
  return tx
    .selectFrom('child')
    .select(['id', 'birth_date', 'last_name', 'first_name'])
    .where('birth_certificate', '=', c.birthCertificate)
    .executeTakeFirstOrThrow();
}

/** The legal representatives of a child (the platform's families): user ids. */
export async function childRepresentatives(tx: Executor, childId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('child_representative')
    .select('user_id')
    .where('child_id', '=', childId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function activeApplicationOf(tx: Executor, childId: string, municipalityId: number) {
  return tx
    .selectFrom('application')
    .select(['id', 'number', 'applicant_id'])
    .where('child_id', '=', childId)
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', ACTIVE)
    .executeTakeFirst();
}

/** Numbers «<municipality>-<year>-<serial>»: the serial is the table's identity (7 digits, so never a seed number). */
export async function assignNumber(
  tx: Executor,
  id: string,
  municipalityId: number,
  serial: number,
  year: string,
) {
  const number = `${String(municipalityId).padStart(2, '0')}-${year}-${String(serial).padStart(7, '0')}`;
  await tx.updateTable('application').set({ number }).where('id', '=', id).execute();
  return number;
}

export interface NewApplication {
  number: string;
  municipalityId: number;
  childId: string;
  applicantId: string | null;
  applicantName: string;
  applicantEmail: string | null;
  applicantPhone: string | null;
  address: string;
  registeredAt: Date;
  desiredDate: string;
  orientation: 'general' | 'compensating' | 'health' | 'combined';
  stayMode: 'short' | 'reduced' | 'full' | 'extended' | 'round_the_clock';
  language: string;
  consentOther: boolean;
  status: ApplicationStatus;
  source: 'portal' | 'paper' | 'epgu' | 'seed';
  createdBy: string | null;
}

export async function insertApplication(tx: Executor, a: NewApplication) {
  return tx
    .insertInto('application')
    .values({
      number: a.number,
      municipality_id: a.municipalityId,
      child_id: a.childId,
      applicant_id: a.applicantId,
      applicant_name: a.applicantName,
      applicant_email: a.applicantEmail,
      applicant_phone: a.applicantPhone,
      address: a.address,
      registered_at: a.registeredAt,
      desired_date: a.desiredDate,
      orientation: a.orientation,
      stay_mode: a.stayMode,
      language: a.language,
      consent_other: a.consentOther,
      status: a.status,
      status_changed_at: a.registeredAt,
      source: a.source,
      created_by: a.createdBy,
    })
    .returning(['id', 'serial'])
    .executeTakeFirstOrThrow();
}

export async function replaceChoices(
  tx: Executor,
  applicationId: string,
  kindergartenIds: readonly number[],
) {
  await tx.deleteFrom('application_choice').where('application_id', '=', applicationId).execute();
  await tx
    .insertInto('application_choice')
    .values(
      kindergartenIds.map((id, i) => ({ application_id: applicationId, rank: i + 1, kindergarten_id: id })),
    )
    .execute();
}

export async function insertBenefits(
  tx: Executor,
  applicationId: string,
  benefits: readonly {
    kind: string;
    class: 'extraordinary' | 'first' | 'sibling';
    siblingKindergartenId: number | null;
    documentIds: readonly string[];
  }[],
) {
  if (benefits.length === 0) return;
  await tx
    .insertInto('benefit')
    .values(
      benefits.map((b) => ({
        application_id: applicationId,
        kind: b.kind,
        class: b.class,
        sibling_kindergarten_id: b.siblingKindergartenId,
        document_ids: sql<string[]>`${sql.val([...b.documentIds])}::uuid[]`,
      })),
    )
    .execute();
}

export async function insertEvent(
  tx: Executor,
  e: {
    applicationId: string;
    kind: 'status' | 'choices' | 'benefit' | 'desired_date' | 'details';
    fromStatus?: ApplicationStatus | null;
    toStatus?: ApplicationStatus | null;
    reason?: string | null;
    data?: Record<string, unknown>;
    actorId: string | null;
    occurredAt?: Date;
  },
) {
  return tx
    .insertInto('application_event')
    .values({
      application_id: e.applicationId,
      kind: e.kind,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      reason: e.reason ?? null,
      data: JSON.stringify(e.data ?? {}),
      actor_id: e.actorId,
      ...(e.occurredAt ? { occurred_at: e.occurredAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function applicationRow(db: Executor, id: string, forUpdate = false) {
  let q = db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select([
      'a.id',
      'a.number',
      'a.serial',
      'a.municipality_id',
      'a.child_id',
      'a.applicant_id',
      'a.applicant_name',
      'a.applicant_email',
      'a.applicant_phone',
      'a.address',
      'a.registered_at',
      'a.desired_date',
      'a.orientation',
      'a.stay_mode',
      'a.language',
      'a.consent_other',
      'a.status',
      'a.status_changed_at',
      'a.source',
      'c.last_name',
      'c.first_name',
      'c.patronymic',
      'c.birth_date',
      'c.birth_certificate',
    ])
    .where('a.id', '=', id);
  if (forUpdate) q = q.forUpdate('a');
  return q.executeTakeFirst();
}
export type ApplicationRowT = NonNullable<Awaited<ReturnType<typeof applicationRow>>>;

export async function applicationOwner(db: Executor, id: string) {
  return db
    .selectFrom('application')
    .select(['id', 'municipality_id', 'applicant_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function choicesOf(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application_choice as ch')
    .innerJoin('kindergarten as k', 'k.id', 'ch.kindergarten_id')
    .select(['ch.application_id', 'ch.rank', 'ch.kindergarten_id', 'k.name_ru', 'k.name_en'])
    .where('ch.application_id', 'in', [...applicationIds])
    .orderBy('ch.application_id')
    .orderBy('ch.rank')
    .execute();
}

export async function benefitsOf(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('benefit')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('id')
    .execute();
}

export async function eventsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.reason',
      'e.data',
      'u.kind as actor_kind',
    ])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
}

/** The columns of an application summary (list rows of citizens and staff). */
const SUMMARY_COLUMNS = [
  'a.id',
  'a.number',
  'a.municipality_id',
  'a.status',
  'a.registered_at',
  'a.desired_date',
  'a.source',
  'c.last_name',
  'c.first_name',
  'c.birth_date',
] as const;

function summaryQuery(db: Executor) {
  return db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(SUMMARY_COLUMNS);
}

export async function applicationsOfApplicant(db: Executor, userId: string) {
  return summaryQuery(db).where('a.applicant_id', '=', userId).orderBy('a.registered_at', 'desc').execute();
}

export async function setStatus(tx: Executor, id: string, status: ApplicationStatus, at: Date) {
  await tx
    .updateTable('application')
    .set({ status, status_changed_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function setRegisteredAt(tx: Executor, id: string, at: Date) {
  await tx
    .updateTable('application')
    .set({ registered_at: at, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function benefitById(tx: Executor, benefitId: number) {
  return tx.selectFrom('benefit').selectAll().where('id', '=', benefitId).forUpdate().executeTakeFirst();
}

export async function decideBenefit(
  tx: Executor,
  benefitId: number,
  d: {
    status: 'verified' | 'rejected';
    by: string | null;
    reason: string | null;
    validUntil: string | null;
    at: Date;
  },
) {
  return tx
    .updateTable('benefit')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: d.at,
      decision_reason: d.reason,
      valid_until: d.validUntil,
    })
    .where('id', '=', benefitId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function pendingBenefitCount(tx: Executor, applicationId: string) {
  const r = await tx
    .selectFrom('benefit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('application_id', '=', applicationId)
    .where('status', '=', 'claimed')
    .executeTakeFirstOrThrow();
  return r.n;
}

// ——— ordering input and positions ———

/** Every waiting application of a municipality with what the ordering needs. */
export async function queueInput(
  db: Executor,
  municipalityId: number,
  rule: AgeRule,
): Promise<QueueApplication[]> {
  const apps = await db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(['a.id', 'a.serial', 'a.registered_at', ageGroupSql(rule).as('age_group')])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', IN_QUEUE)
    .execute();
  const byId = new Map<
    string,
    QueueApplication & { kindergartenIds: number[]; benefits: QueueApplication['benefits'][number][] }
  >();
  for (const a of apps)
    byId.set(a.id, {
      id: a.id,
      serial: a.serial,
      registeredAt: a.registered_at,
      ageGroup: a.age_group,
      kindergartenIds: [],
      benefits: [],
    });
  const choices = await db
    .selectFrom('application_choice as ch')
    .innerJoin('application as a', 'a.id', 'ch.application_id')
    .select(['ch.application_id', 'ch.kindergarten_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', IN_QUEUE)
    .orderBy('ch.application_id')
    .orderBy('ch.rank')
    .execute();
  for (const c of choices) byId.get(c.application_id)?.kindergartenIds.push(c.kindergarten_id);
  const benefits = await db
    .selectFrom('benefit as b')
    .innerJoin('application as a', 'a.id', 'b.application_id')
    .select(['b.application_id', 'b.class', 'b.status', 'b.valid_until', 'b.sibling_kindergarten_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', IN_QUEUE)
    .where('b.status', '=', 'verified')
    .execute();
  for (const b of benefits)
    byId.get(b.application_id)?.benefits.push({
      class: b.class,
      status: b.status,
      validUntil: b.valid_until,
      siblingKindergartenId: b.sibling_kindergarten_id,
    });
  return [...byId.values()];
}

const rowKey = (applicationId: string, kindergartenId: number) => `${applicationId}:${kindergartenId}`;

/**
 * Brings the municipality's stored positions to `rows`, writing only what changed (a change in the
 * queue usually moves a few children; rewriting every row would dominate the recalculation), and
 * replaces the queue lengths.
 */
/** A stored row as the diff sees it: its identity and one signature string of everything else. */
export interface StoredPositions {
  version: number;
  computedAt: number;
  rows: Map<string, string>;
}

const signature = (
  ageGroup: number,
  position: number,
  cls: string,
  e: number,
  f: number,
  s: number,
  n: number,
) => `${ageGroup}|${position}|${cls}|${e}|${f}|${s}|${n}`;

/**
 * The advisory-lock class of queue position writes (pg_advisory_xact_lock(class, municipality id)):
 * one writer per municipality. The number is arbitrary but fixed; no other lock may use it.
 */
export const POSITIONS_WRITE_LOCK = 7346005;

export async function writePositions(
  tx: Executor,
  municipalityId: number,
  rows: readonly PositionRow[],
  previous: StoredPositions | null,
) {
  // One writer per municipality at a time: concurrent recalculations queue up instead of colliding.
  await sql`select pg_advisory_xact_lock(${POSITIONS_WRITE_LOCK}::int, ${municipalityId}::int)`.execute(tx);
  // The previous result of this process is reused when nobody else wrote since (same computed version).
  const state = await tx
    .selectFrom('queue_recalculation')
    .select(['computed_version', 'computed_at'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  let before: Map<string, string>;
  if (
    previous &&
    state?.computed_at &&
    state.computed_version === previous.version &&
    state.computed_at.getTime() === previous.computedAt
  )
    before = new Map(previous.rows);
  else {
    const current = await tx
      .selectFrom('queue_position')
      .select([
        'application_id',
        'kindergarten_id',
        'age_group',
        'position',
        'queue_class',
        'ahead_extraordinary',
        'ahead_first',
        'ahead_sibling',
        'ahead_general',
      ])
      .where('municipality_id', '=', municipalityId)
      .execute();
    before = new Map(
      current.map((r) => [
        rowKey(r.application_id, r.kindergarten_id),
        signature(
          r.age_group,
          r.position,
          r.queue_class,
          r.ahead_extraordinary,
          r.ahead_first,
          r.ahead_sibling,
          r.ahead_general,
        ),
      ]),
    );
  }
  const after = new Map<string, string>();
  const changed: PositionRow[] = [];
  const totals = new Map<string, { kg: number; age: number; total: number }>();
  for (const r of rows) {
    const kg = r.kindergartenId ?? 0;
    totals.set(`${kg}:${r.ageGroup}`, { kg, age: r.ageGroup, total: r.total });
    const key = rowKey(r.applicationId, kg);
    const sig = signature(
      r.ageGroup,
      r.position,
      r.queueClass,
      r.ahead.extraordinary,
      r.ahead.first,
      r.ahead.sibling,
      r.ahead.general,
    );
    after.set(key, sig);
    const old = before.get(key);
    before.delete(key);
    if (old !== sig) changed.push(r);
  }
  const gone = [...before.keys()].map((k) => {
    const i = k.lastIndexOf(':');
    return { application_id: k.slice(0, i), kindergarten_id: Number(k.slice(i + 1)) };
  });
  const CHUNK = 20_000;
  for (let i = 0; i < gone.length; i += CHUNK) {
    const part = gone.slice(i, i + CHUNK);
    await sql`
      delete from queue_position q using unnest(${part.map((r) => r.application_id)}::uuid[], ${part.map((r) => r.kindergarten_id)}::int[]) as g(a, k)
      where q.application_id = g.a and q.kindergarten_id = g.k`.execute(tx);
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    const part = changed.slice(i, i + CHUNK);
    await sql`
      insert into queue_position (application_id, kindergarten_id, municipality_id, age_group, position,
        queue_class, ahead_extraordinary, ahead_first, ahead_sibling, ahead_general)
      select u.a, u.k, ${municipalityId}, u.g, u.p, u.c, u.e, u.f, u.s, u.n
      from unnest(${part.map((r) => r.applicationId)}::uuid[], ${part.map((r) => r.kindergartenId ?? 0)}::int[],
        ${part.map((r) => r.ageGroup)}::int[], ${part.map((r) => r.position)}::int[],
        ${part.map((r) => r.queueClass)}::text[], ${part.map((r) => r.ahead.extraordinary)}::int[],
        ${part.map((r) => r.ahead.first)}::int[], ${part.map((r) => r.ahead.sibling)}::int[],
        ${part.map((r) => r.ahead.general)}::int[]) as u(a, k, g, p, c, e, f, s, n)
      on conflict (application_id, kindergarten_id) do update set
        municipality_id = excluded.municipality_id, age_group = excluded.age_group, position = excluded.position,
        queue_class = excluded.queue_class, ahead_extraordinary = excluded.ahead_extraordinary,
        ahead_first = excluded.ahead_first, ahead_sibling = excluded.ahead_sibling, ahead_general = excluded.ahead_general`.execute(
      tx,
    );
  }
  await tx.deleteFrom('queue_total').where('municipality_id', '=', municipalityId).execute();
  const t = [...totals.values()];
  if (t.length > 0)
    await sql`insert into queue_total (municipality_id, kindergarten_id, age_group, total)
      select ${municipalityId}, u.k, u.g, u.t from unnest(${t.map((x) => x.kg)}::int[], ${t.map((x) => x.age)}::int[], ${t.map((x) => x.total)}::int[]) as u(k, g, t)`.execute(
      tx,
    );
  return { changed, removed: gone.length, stored: after };
}

/** Bumps the municipality's requested version in the change's transaction; returns it. */
export async function requestRecalculation(tx: Executor, municipalityId: number): Promise<number> {
  const r = await tx
    .insertInto('queue_recalculation')
    .values({ municipality_id: municipalityId, requested_version: 1 })
    .onConflict((oc) =>
      oc
        .column('municipality_id')
        .doUpdateSet({ requested_version: sql`queue_recalculation.requested_version + 1` }),
    )
    .returning('requested_version')
    .executeTakeFirstOrThrow();
  return r.requested_version;
}

export async function staleMunicipalities(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .leftJoin('queue_recalculation as r', 'r.municipality_id', 'm.id')
    .select('m.id')
    .where((eb) =>
      eb.or([eb('r.computed_at', 'is', null), eb('r.computed_version', '<', eb.ref('r.requested_version'))]),
    )
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function recalculationState(db: Executor, municipalityId: number) {
  return db
    .selectFrom('queue_recalculation')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function finishRecalculation(
  tx: Executor,
  municipalityId: number,
  v: { version: number; computedAt: Date; applications: number; durationMs: number },
) {
  await tx
    .insertInto('queue_recalculation')
    .values({
      municipality_id: municipalityId,
      requested_version: v.version,
      computed_version: v.version,
      computed_at: v.computedAt,
      applications: v.applications,
      duration_ms: Math.round(v.durationMs),
    })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        computed_version: v.version,
        computed_at: v.computedAt,
        applications: v.applications,
        duration_ms: Math.round(v.durationMs),
      }),
    )
    .execute();
}

export async function computedAt(db: Executor, municipalityId: number) {
  const r = await db
    .selectFrom('queue_recalculation')
    .select('computed_at')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return r?.computed_at ?? null;
}

/** A stored position with its queue's length and kindergarten name (position-view.ts shows it). */

export async function positionsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('queue_position as p')
    .leftJoin('kindergarten as k', 'k.id', 'p.kindergarten_id')
    .innerJoin('queue_total as t', (j) =>
      j
        .onRef('t.municipality_id', '=', 'p.municipality_id')
        .onRef('t.kindergarten_id', '=', 'p.kindergarten_id')
        .onRef('t.age_group', '=', 'p.age_group'),
    )
    .select([...POSITION_COLUMNS, 'k.name_en'])
    .where('p.application_id', '=', applicationId)
    .orderBy('p.kindergarten_id')
    .execute();
}

/** For the given municipality-queue positions: the position last notified (null: never) and contacts. */
export async function noticesFor(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('application as a')
    .leftJoin('queue_position_notice as n', 'n.application_id', 'a.id')
    .select(['a.id', 'n.position as last', 'a.applicant_id', 'a.applicant_email', 'a.number'])
    .where('a.id', '=', anyOf(ids, 'uuid'))
    .execute();
}

export async function upsertNotices(
  tx: Executor,
  rows: readonly { applicationId: string; position: number }[],
) {
  const CHUNK = 50_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await sql`
      insert into queue_position_notice (application_id, position)
      select * from unnest(${part.map((r) => r.applicationId)}::uuid[], ${part.map((r) => r.position)}::int[])
      on conflict (application_id) do update set position = excluded.position, notified_at = now()`.execute(
      tx,
    );
  }
}

// ——— public: public-queries.ts ———

export * from './public-queries.js';

// ——— history ———

/** Applications of the same municipality × age group that may have been in the queue in [from, to]. */
export async function historyGroup(
  db: Executor,
  municipalityId: number,
  ageGroup: number,
  rule: AgeRule,
  fromMoment: string,
  toMoment: string,
): Promise<HistoryApplication[]> {
  const apps = await db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(['a.id', 'a.serial', 'a.registered_at', 'a.applicant_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where(ageGroupSql(rule), '=', ageGroup)
    .where('a.registered_at', '<=', new Date(toMoment))
    .where((eb) =>
      eb.or([eb('a.status', 'in', IN_QUEUE), eb('a.status_changed_at', '>=', new Date(fromMoment))]),
    )
    .execute();
  if (apps.length === 0) return [];
  const ids = apps.map((a) => a.id);
  const events = await db
    .selectFrom('application_event')
    .select(['application_id', 'occurred_at', 'kind', 'to_status', 'data', 'actor_id'])
    .where('application_id', '=', anyOf(ids, 'uuid'))
    .where('kind', 'in', ['status', 'choices'])
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const choices = await db
    .selectFrom('application_choice')
    .select(['application_id', 'kindergarten_id'])
    .where('application_id', '=', anyOf(ids, 'uuid'))
    .orderBy('rank')
    .execute();
  const benefits = await db
    .selectFrom('benefit')
    .select(['application_id', 'class', 'status', 'decided_at', 'valid_until', 'sibling_kindergarten_id'])
    .where('application_id', '=', anyOf(ids, 'uuid'))
    .execute();
  const out = new Map<
    string,
    HistoryApplication & {
      statuses: HistoryApplication['statuses'][number][];
      choices: { at: string; kindergartenIds: number[] }[];
      benefits: HistoryApplication['benefits'][number][];
    }
  >();
  const current = new Map<string, number[]>();
  for (const c of choices) {
    const list = current.get(c.application_id) ?? [];
    list.push(c.kindergarten_id);
    current.set(c.application_id, list);
  }
  for (const a of apps)
    out.set(a.id, {
      id: a.id,
      serial: a.serial,
      registeredAt: a.registered_at.toISOString(),
      applicantId: a.applicant_id,
      statuses: [],
      choices: [],
      benefits: [],
    });
  for (const e of events) {
    const h = out.get(e.application_id)!;
    const at = e.occurred_at.toISOString();
    if (e.kind === 'status' && e.to_status)
      h.statuses.push({ at, status: e.to_status as ApplicationStatus, actorId: e.actor_id });
    if (e.kind === 'choices') {
      const d = e.data as { choices?: number[]; from?: number[] };
      if (h.choices.length === 0 && Array.isArray(d.from))
        h.choices.push({ at: h.registeredAt, kindergartenIds: d.from });
      if (Array.isArray(d.choices)) h.choices.push({ at, kindergartenIds: d.choices });
    }
  }
  for (const h of out.values()) {
    // No recorded choice history: the current choices held throughout.
    if (h.choices.length === 0)
      h.choices.push({ at: h.registeredAt, kindergartenIds: current.get(h.id) ?? [] });
  }
  for (const b of benefits)
    out.get(b.application_id)!.benefits.push({
      class: b.class,
      status: b.status,
      decidedAt: b.decided_at ? b.decided_at.toISOString() : null,
      validUntil: b.valid_until,
      siblingKindergartenId: b.sibling_kindergarten_id,
    });
  return [...out.values()];
}

// ——— staff ———

export async function staffList(
  db: Db,
  q: {
    municipalityId: number;
    status?: ApplicationStatus | undefined;
    q?: string | undefined;
    withClaimedBenefits?: boolean | undefined;
    limit: number;
    offset: number;
  },
) {
  let base = db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .where('a.municipality_id', '=', q.municipalityId);
  if (q.status) base = base.where('a.status', '=', q.status);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) =>
      eb.or([
        eb('a.number', '=', text),
        eb('c.birth_certificate', '=', text),
        eb('c.last_name', 'ilike', `${text.replace(/[%_]/g, '')}%`),
      ]),
    );
  }
  if (q.withClaimedBenefits)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('benefit as b')
          .select('b.id')
          .whereRef('b.application_id', '=', 'a.id')
          .where('b.status', '=', 'claimed'),
      ),
    );
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select(SUMMARY_COLUMNS)
    .orderBy('a.registered_at', 'desc')
    .orderBy('a.serial', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: total.n, items };
}

export async function duplicateGroups(db: Db, municipalityId: number) {
  // Same name and birth date under different certificates, both active in the municipality.
  return sql<{ ids: string[] }>`
    select array_agg(a.id order by a.registered_at) as ids
    from application a join child c on c.id = a.child_id
    where a.municipality_id = ${municipalityId}
      and a.status in (${sql.join(ACTIVE)})
    group by lower(c.last_name), lower(c.first_name), c.birth_date
    having count(*) > 1
    limit 100`.execute(db);
}

export async function summariesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return summaryQuery(db)
    .where('a.id', 'in', [...ids])
    .execute();
}

export async function applicantsOfKindergarten(
  db: Db,
  kindergartenId: number,
  limit: number,
  offset: number,
) {
  const base = db
    .selectFrom('application_choice as ch')
    .innerJoin('application as a', 'a.id', 'ch.application_id')
    .where('ch.kindergarten_id', '=', kindergartenId)
    .where('a.status', 'in', [
      'new',
      'registered',
      'benefit_check',
      'change_requested',
      'directed',
      'contract',
    ]);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await base
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .leftJoin('queue_position as p', (j) =>
      j.onRef('p.application_id', '=', 'a.id').onRef('p.kindergarten_id', '=', 'ch.kindergarten_id'),
    )
    .select([
      'a.id',
      'a.number',
      'ch.rank',
      'a.status',
      'a.registered_at',
      'a.desired_date',
      'p.age_group',
      'p.position',
      'p.queue_class',
      'c.last_name',
      'c.first_name',
      'c.birth_date',
      'a.applicant_name',
      'a.applicant_phone',
      'a.applicant_email',
    ])
    .orderBy(sql`p.position is null`)
    .orderBy('p.age_group')
    .orderBy('p.position')
    .orderBy('a.registered_at')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: total.n, items };
}

export async function statusEventsBetween(db: Db, municipalityId: number, from: Date, to: Date) {
  return db
    .selectFrom('application_event as e')
    .innerJoin('application as a', 'a.id', 'e.application_id')
    .select(['e.id', 'e.occurred_at', 'a.number', 'e.from_status', 'e.to_status', 'e.reason', 'a.source'])
    .where('a.municipality_id', '=', municipalityId)
    .where('e.kind', '=', 'status')
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .limit(100_000)
    .execute();
}

export async function overAgeApplications(db: Executor, septemberOrToday: string) {
  // Children who reached 8 full years: the active ones leave the queue (снят с учёта, достиг 8 лет).
  return db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(['a.id', 'a.status', 'a.municipality_id', 'a.applicant_id', 'a.applicant_email', 'a.number'])
    .where('a.status', 'in', ['new', 'registered', 'benefit_check', 'change_requested'])
    .where(sql<boolean>`date_part('year', age(${septemberOrToday}::date, c.birth_date)) >= 8`)
    .limit(10_000)
    .execute();
}

export async function placedAndArrivals(
  db: Executor,
  municipalityId: number,
  ageGroup: number,
  rule: AgeRule,
  since: Date,
  classRankOf: string[],
) {
  const placed = await db
    .selectFrom('application_event as e')
    .innerJoin('application as a', 'a.id', 'e.application_id')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(sql<number>`count(distinct e.application_id)::int`.as('n'))
    .where('a.municipality_id', '=', municipalityId)
    .where(ageGroupSql(rule), '=', ageGroup)
    .where('e.kind', '=', 'status')
    .where('e.to_status', '=', 'directed')
    .where('e.occurred_at', '>=', since)
    .executeTakeFirstOrThrow();
  const arrivals =
    classRankOf.length === 0
      ? { n: 0 }
      : await db
          .selectFrom('benefit as b')
          .innerJoin('application as a', 'a.id', 'b.application_id')
          .innerJoin('child as c', 'c.id', 'a.child_id')
          .select(sql<number>`count(distinct b.application_id)::int`.as('n'))
          .where('a.municipality_id', '=', municipalityId)
          .where(ageGroupSql(rule), '=', ageGroup)
          .where('b.status', '=', 'verified')
          .where('b.class', 'in', classRankOf as ('extraordinary' | 'first' | 'sibling')[])
          .where('b.decided_at', '>=', since)
          .executeTakeFirstOrThrow();
  return { placed: placed.n, arrivals: arrivals.n };
}

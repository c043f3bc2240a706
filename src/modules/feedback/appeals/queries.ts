import { sql } from 'kysely';
import { anyOf } from '../../../platform/db/any-of.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { recordFamilyRequest } from '../../../platform/requests/family-requests.js';
import type { FeedbackAppealTable } from '../tables.js';
import type { Insertable, Updateable } from 'kysely';

/** The organisations a citizen may name: their municipality (a regional body has none) and name. */
export async function organisationOf(db: Executor, organisationId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'municipality_id', 'short_name', 'kind'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** The municipality whose centre lies nearest a map point: where an appeal about a place belongs. */
export async function nearestMunicipality(db: Executor, lat: number, lon: number) {
  const row = await db
    .selectFrom('municipality')
    .select('id')
    .where('center_lat', 'is not', null)
    .orderBy(sql`(center_lat - ${lat}) ^ 2 + ((center_lon - ${lon}) * cos(radians(${lat}))) ^ 2`)
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function nextAppealId(tx: Executor): Promise<string> {
  const { rows } = await sql<{ id: string }>`select nextval('feedback_appeal_id_seq')::text as id`.execute(
    tx,
  );
  return rows[0]!.id;
}

export async function insertAppeal(tx: Executor, row: Insertable<FeedbackAppealTable>) {
  await tx.insertInto('feedback_appeal').values(row).execute();
}

export async function updateAppeal(
  tx: Executor,
  id: string | number,
  patch: Updateable<FeedbackAppealTable>,
) {
  await tx
    .updateTable('feedback_appeal')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', String(id))
    .execute();
}

export async function insertAppealEvent(
  tx: Executor,
  e: {
    appealId: string | number;
    actorUserId: string | null;
    type: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string | null;
  },
) {
  await tx
    .insertInto('feedback_appeal_event')
    .values({
      appeal_id: String(e.appealId),
      actor_user_id: e.actorUserId,
      type: e.type,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      note: e.note ?? null,
    })
    .execute();
}

const APPEAL_COLUMNS = [
  'a.id',
  'a.number',
  'a.kind',
  'a.owner_user_id',
  'a.category_code',
  'a.organisation_id',
  'a.lat',
  'a.lon',
  'a.municipality_id',
  'a.text',
  'a.status',
  'a.without_answer_ground',
  'a.rework_used',
  'a.extended',
  'a.rating',
  'a.received_on',
  'a.registered_on',
  'a.registration_due',
  'a.forwarding_due',
  'a.answer_due',
  'a.responsible_organisation_id',
  'a.assignee_user_id',
  'a.answer_text',
  'a.answered_at',
  'a.answered_by',
  'a.duplicate_of_id',
  'a.answer_fixed',
  'a.survey_due',
  'a.survey_sent_at',
  'a.survey_answer',
  'a.survey_reopened',
  'a.suggested_category_code',
  'a.suggested_score',
  'a.auto_routed',
] as const;

function appealSelect(db: Executor) {
  return db
    .selectFrom('feedback_appeal as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('app_user as assignee', 'assignee.id', 'a.assignee_user_id')
    .select(APPEAL_COLUMNS)
    .select(['o.short_name as organisation_name', 'assignee.full_name as assignee_name']);
}

export type AppealRow = NonNullable<Awaited<ReturnType<typeof appealById>>>;

export async function appealById(db: Executor, id: number, opts: { lock?: boolean } = {}) {
  let q = appealSelect(db).where('a.id', '=', String(id));
  // `for update of a`: only the appeal's row, not the joined organisation's.
  if (opts.lock) q = q.modifyEnd(sql`for update of a`);
  return q.executeTakeFirst();
}

/** What an appeal route's permission check needs, before the handler runs. */
export async function appealScopeRow(db: Executor, id: number) {
  return db
    .selectFrom('feedback_appeal')
    .select(['owner_user_id', 'municipality_id', 'responsible_organisation_id'])
    .where('id', '=', String(id))
    .executeTakeFirst();
}

export async function citizenName(db: Executor, userId: string) {
  const row = await db.selectFrom('app_user').select('full_name').where('id', '=', userId).executeTakeFirst();
  return row?.full_name ?? '';
}

export async function appealsOfOwner(db: Executor, ownerUserId: string) {
  return appealSelect(db)
    .where('a.owner_user_id', '=', ownerUserId)
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function eventsOf(db: Executor, appealId: number) {
  return db
    .selectFrom('feedback_appeal_event')
    .select(['at', 'type', 'from_status', 'to_status', 'note'])
    .where('appeal_id', '=', String(appealId))
    .orderBy('id')
    .execute();
}

export async function photosOf(db: Executor, appealId: number) {
  return db
    .selectFrom('feedback_appeal_photo')
    .select(['id', 'position', 'media_type', 'size_bytes', 'width', 'height'])
    .where('appeal_id', '=', String(appealId))
    .orderBy('position')
    .execute();
}

export async function photoFile(db: Executor, appealId: number, photoId: number) {
  return db
    .selectFrom('feedback_appeal_photo')
    .select(['media_type', 'size_bytes', 'bytes', 'sha256'])
    .where('appeal_id', '=', String(appealId))
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export async function insertPhoto(
  tx: Executor,
  p: {
    appealId: number;
    position: number;
    mediaType: 'image/jpeg' | 'image/png' | 'image/webp';
    bytes: Uint8Array;
    sha256: string;
    width: number | null;
    height: number | null;
  },
) {
  return tx
    .insertInto('feedback_appeal_photo')
    .values({
      appeal_id: String(p.appealId),
      position: p.position,
      media_type: p.mediaType,
      size_bytes: p.bytes.length,
      bytes: p.bytes,
      sha256: p.sha256,
      width: p.width,
      height: p.height,
    })
    .returning(['id', 'position', 'media_type', 'size_bytes', 'width', 'height'])
    .executeTakeFirstOrThrow();
}

export async function routingRules(db: Executor) {
  return db
    .selectFrom('feedback_routing_rule')
    .select(['id', 'category_code', 'municipality_id', 'organisation_id', 'assignee_user_id'])
    .orderBy('id')
    .execute();
}

/** Whether a user is staff who may handle appeals at all (the assignee of a reassignment). */
export async function staffUser(db: Executor, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'kind', 'full_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export interface QueueCoverage {
  region: boolean;
  municipalityIds: number[];
  organisationIds: number[];
}

export interface QueueFilter {
  statuses: readonly string[] | null;
  categoryCode?: string;
  municipalityId?: number;
  organisationId?: number;
  /** Due on or before this day (overdue: before today; due soon: within the next days). */
  dueBefore?: string;
  dueFrom?: string;
}

/** The staff queue: overdue first, then by the answer's due day, then oldest first; one page. */
export async function queuePage(
  db: Executor,
  coverage: QueueCoverage,
  filter: QueueFilter,
  page: { limit: number; offset: number },
) {
  let q = db.selectFrom('feedback_appeal as a');
  if (!coverage.region) {
    const { municipalityIds, organisationIds } = coverage;
    q = q.where((eb) =>
      eb.or([
        eb('a.municipality_id', '=', anyOf(municipalityIds, 'int')),
        eb('a.responsible_organisation_id', '=', anyOf(organisationIds, 'int')),
      ]),
    );
  }
  if (filter.statuses) q = q.where('a.status', '=', anyOf(filter.statuses, 'text'));
  if (filter.categoryCode) q = q.where('a.category_code', '=', filter.categoryCode);
  if (filter.municipalityId !== undefined) q = q.where('a.municipality_id', '=', filter.municipalityId);
  if (filter.organisationId !== undefined)
    q = q.where('a.responsible_organisation_id', '=', filter.organisationId);
  if (filter.dueBefore) q = q.where('a.answer_due', '<', filter.dueBefore);
  if (filter.dueFrom) q = q.where('a.answer_due', '>=', filter.dueFrom);
  const { total } = await q.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const items = await q
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('app_user as assignee', 'assignee.id', 'a.assignee_user_id')
    .select(APPEAL_COLUMNS)
    .select(['o.short_name as organisation_name', 'assignee.full_name as assignee_name'])
    .orderBy('a.answer_due')
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), items };
}

/** Appeals registered in [from, to] by category, most frequent first: the contests' topics. */
export async function topicCounts(db: Executor, from: string, to: string) {
  const rows = await db
    .selectFrom('feedback_appeal')
    .select(['category_code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('registered_on', '>=', from)
    .where('registered_on', '<=', to)
    .groupBy('category_code')
    .orderBy('n', 'desc')
    .orderBy('category_code')
    .execute();
  return rows.map((r) => ({ categoryCode: r.category_code, count: Number(r.n) }));
}

// The platform's requests registry: each appeal is one request on the citizen's family page.
export async function upsertFamilyRequest(
  tx: Executor,
  r: {
    appealId: number;
    kind: 'appeal' | 'message';
    ownerUserId: string;
    organisationId: number | null;
    number: string;
    status: string;
    state: 'open' | 'done' | 'refused' | 'withdrawn';
    link: string;
    submittedAt: Date;
  },
) {
  await recordFamilyRequest(tx, {
    module: 'feedback',
    kind: r.kind,
    externalId: r.appealId,
    ownerUserId: r.ownerUserId,
    organisationId: r.organisationId,
    reference: r.number,
    status: r.status,
    state: r.state,
    link: r.link,
    submittedAt: r.submittedAt,
  });
}

/** The number of an appeal (the one another joined), for the link on its page. */
export async function appealNumber(db: Executor, id: string | number) {
  const row = await db
    .selectFrom('feedback_appeal')
    .select('number')
    .where('id', '=', String(id))
    .executeTakeFirst();
  return row?.number ?? null;
}

/** Answers saying «устранено» whose survey day has come and whose question is not yet sent. */
export async function dueSurveys(tx: Executor, today: string) {
  return tx
    .selectFrom('feedback_appeal')
    .select(['id', 'number', 'owner_user_id', 'municipality_id', 'survey_due'])
    .where('survey_due', '<=', today)
    .where('survey_sent_at', 'is', null)
    .where('answer_fixed', '=', true)
    .where('status', 'in', ['answered', 'closed'])
    .orderBy('id')
    .limit(1000)
    .modifyEnd(sql`for update skip locked`)
    .execute();
}

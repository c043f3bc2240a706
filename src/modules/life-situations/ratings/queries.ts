import { sql, type ExpressionBuilder } from 'kysely';
import type { RequestState } from '../../../contracts/platform-portal.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { anyOf } from '../../../platform/db/any-of.js';
import type { Executor } from '../../../platform/db/transaction.js';
import '../tables.js';

/** A row of the platform registry, as the ratings need it. */
export async function requestById(db: Executor, id: number) {
  return db
    .selectFrom('family_request')
    .select(['id', 'module', 'kind', 'owner_user_id', 'child_id', 'organisation_id', 'state', 'reference'])
    .where('id', '=', id as never)
    .executeTakeFirst() as Promise<
    | {
        id: number;
        module: string;
        kind: string;
        owner_user_id: string | null;
        child_id: string | null;
        organisation_id: number | null;
        state: RequestState;
        reference: string | null;
      }
    | undefined
  >;
}

export async function organisationMunicipality(db: Executor, organisationId: number) {
  const row = await db
    .selectFrom('organisation')
    .select('municipality_id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.municipality_id ?? null;
}

export interface RatingInsert {
  family_request_id: number;
  rated_by: string;
  module: string;
  kind: string;
  organisation_id: number | null;
  municipality_id: number | null;
  time_to_result: number;
  waiting_time: number;
  staff_politeness: number;
  comfort: number;
  information: number;
  comment: string | null;
  created_at?: Date;
}

export async function insertRating(tx: Executor, r: RatingInsert): Promise<number | null> {
  const row = await tx
    .insertInto('service_rating')
    .values(r)
    .onConflict((oc) => oc.column('family_request_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function insertAnswer(tx: Executor, a: { ratingId: number; by: string; body: string }) {
  const row = await tx
    .insertInto('service_rating_answer')
    .values({ rating_id: a.ratingId, answered_by: a.by, body: a.body })
    .onConflict((oc) => oc.column('rating_id').doNothing())
    .returning('rating_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function ratingScope(db: Executor, id: number) {
  return db
    .selectFrom('service_rating')
    .select(['id', 'organisation_id', 'municipality_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const RATING_COLUMNS = [
  'r.id',
  'r.family_request_id',
  'r.module',
  'r.kind',
  'r.organisation_id',
  'o.short_name',
  'r.municipality_id',
  'r.time_to_result',
  'r.waiting_time',
  'r.staff_politeness',
  'r.comfort',
  'r.information',
  'r.comment',
  'r.created_at',
  'a.body as answer_body',
  'a.answered_at',
] as const;

function ratingsBase(db: Executor) {
  return db
    .selectFrom('service_rating as r')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('service_rating_answer as a', 'a.rating_id', 'r.id');
}

export type RatingRow = Awaited<ReturnType<typeof ratingsByRequests>>[number];

export async function ratingsByRequests(db: Executor, requestIds: readonly number[]) {
  if (requestIds.length === 0) return [];
  return ratingsBase(db)
    .select(RATING_COLUMNS)
    .where('r.family_request_id', '=', anyOf(requestIds, 'int'))
    .execute();
}

export async function ratingById(db: Executor, id: number) {
  return ratingsBase(db).select(RATING_COLUMNS).where('r.id', '=', id).executeTakeFirstOrThrow();
}

export interface RatingFilter {
  organisationId?: number;
  municipalityId?: number;
  module?: string;
  unanswered?: boolean;
  /** Staff lists: only these organisations or municipalities (null: the whole region). */
  coverage?: { organisationIds: number[]; municipalityIds: number[] } | null;
  page: number;
  pageSize: number;
}

export async function listRatings(db: Db, f: RatingFilter) {
  let q = ratingsBase(db);
  if (f.organisationId) q = q.where('r.organisation_id', '=', f.organisationId);
  if (f.municipalityId) q = q.where('r.municipality_id', '=', f.municipalityId);
  if (f.module) q = q.where('r.module', '=', f.module);
  if (f.unanswered) q = q.where('a.rating_id', 'is', null);
  if (f.coverage) {
    const { organisationIds, municipalityIds } = f.coverage;
    q = q.where((e) =>
      e.or([
        e('r.organisation_id', '=', anyOf(organisationIds.length ? organisationIds : [0], 'int')),
        e('r.municipality_id', '=', anyOf(municipalityIds.length ? municipalityIds : [0], 'int')),
      ]),
    );
  }
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(RATING_COLUMNS)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** The family's finished requests (the ones it may rate), newest first. */
export async function finishedRequestsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('family_request')
    .select(['id', 'module', 'kind', 'reference', 'status', 'updated_at'])
    .where('owner_user_id', '=', userId)
    .where('state', '=', 'done')
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

const avg = (column: string) => sql<number>`round(avg(${sql.ref(column)})::numeric, 2)`;
const overall = sql<number>`round(avg((r.time_to_result + r.waiting_time + r.staff_politeness + r.comfort + r.information) / 5.0)::numeric, 2)`;

/** Averages per service, organisation or municipality, and the overall average by month. */
export async function summarise(
  db: Db,
  f: { by: 'service' | 'organisation' | 'municipality'; module?: string; municipalityId?: number },
) {
  const where = (e: ExpressionBuilder<Database & { r: Database['service_rating'] }, 'r'>) => {
    const parts = [];
    if (f.module) parts.push(e('r.module', '=', f.module));
    if (f.municipalityId) parts.push(e('r.municipality_id', '=', f.municipalityId));
    return e.and(parts);
  };
  const key =
    f.by === 'service'
      ? sql<string | null>`r.module || '/' || r.kind`
      : f.by === 'organisation'
        ? sql<string | null>`r.organisation_id::text`
        : sql<string | null>`r.municipality_id::text`;
  const name =
    f.by === 'service'
      ? sql<string | null>`null::text`
      : f.by === 'organisation'
        ? sql<string | null>`min(o.short_name)`
        : sql<string | null>`min(m.name)`;
  const groups = await db
    .selectFrom('service_rating as r')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('municipality as m', 'm.id', 'r.municipality_id')
    .where(where)
    .select([
      key.as('key'),
      name.as('name'),
      sql<number>`count(*)::int`.as('count'),
      avg('r.time_to_result').as('time_to_result'),
      avg('r.waiting_time').as('waiting_time'),
      avg('r.staff_politeness').as('staff_politeness'),
      avg('r.comfort').as('comfort'),
      avg('r.information').as('information'),
      overall.as('overall'),
    ])
    .groupBy(key)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(key)
    .limit(500)
    .execute();
  const months = await db
    .selectFrom('service_rating as r')
    .where(where)
    .select([
      sql<string>`to_char(r.created_at at time zone 'UTC', 'YYYY-MM')`.as('month'),
      sql<number>`count(*)::int`.as('count'),
      overall.as('overall'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return { groups, months };
}

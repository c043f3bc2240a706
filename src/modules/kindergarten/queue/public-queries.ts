// The public queue: a kindergarten's list by age group and the lookup by application number
// (a prepared statement: the hottest public query).

import type { CompiledQuery, InferResult } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { registerPreparedStatement } from '../../../platform/db/prepared-statements.js';
import './queue-tables.js';

/** A queue position as the application page and the public lookup show it. */
export const POSITION_COLUMNS = [
  'p.kindergarten_id',
  'p.age_group',
  'p.position',
  't.total',
  'p.queue_class',
  'p.ahead_extraordinary',
  'p.ahead_first',
  'p.ahead_sibling',
  'p.ahead_general',
  'k.name_ru',
] as const;

export async function publicQueuePage(
  db: Db,
  q: {
    municipalityId: number;
    ageGroup: number;
    kindergartenId: number;
    sort: 'position' | 'registeredAt' | 'desiredDate';
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  const column =
    q.sort === 'registeredAt'
      ? 'a.registered_at'
      : q.sort === 'desiredDate'
        ? 'a.desired_date'
        : 'p.position';
  const base = db
    .selectFrom('queue_position as p')
    .where('p.municipality_id', '=', q.municipalityId)
    .where('p.age_group', '=', q.ageGroup)
    .where('p.kindergarten_id', '=', q.kindergartenId);
  const total = await db
    .selectFrom('queue_total')
    .select('total as n')
    .where('municipality_id', '=', q.municipalityId)
    .where('kindergarten_id', '=', q.kindergartenId)
    .where('age_group', '=', q.ageGroup)
    .executeTakeFirst();
  const items = await base
    .innerJoin('application as a', 'a.id', 'p.application_id')
    .select(['p.position', 'a.number', 'a.registered_at', 'p.queue_class', 'a.desired_date', 'a.status'])
    .orderBy(column, q.order)
    .orderBy('p.position', 'asc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: total?.n ?? 0, items };
}

const lookupQuery = (db: Db, number: string) =>
  db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .leftJoin('queue_position as p', 'p.application_id', 'a.id')
    .leftJoin('kindergarten as k', 'k.id', 'p.kindergarten_id')
    .leftJoin('queue_total as t', (j) =>
      j
        .onRef('t.municipality_id', '=', 'p.municipality_id')
        .onRef('t.kindergarten_id', '=', 'p.kindergarten_id')
        .onRef('t.age_group', '=', 'p.age_group'),
    )
    .leftJoin('queue_recalculation as r', 'r.municipality_id', 'a.municipality_id')
    .select([
      'a.id',
      'a.number',
      'a.municipality_id',
      'a.status',
      'a.registered_at',
      'c.birth_date',
      'r.computed_at',
      ...POSITION_COLUMNS,
    ])
    .where('a.number', '=', number)
    .orderBy('p.kindergarten_id');

type LookupRow = InferResult<ReturnType<typeof lookupQuery>>[number];
let lookupCompiled: CompiledQuery<LookupRow> | null = null;

/**
 * The public lookup in one round trip: the application, its positions and when they were computed.
 * The hottest public query: compiled once and run as a prepared statement (planning the six-table
 * join cost more than running it).
 */
export async function lookupByNumber(db: Db, number: string) {
  if (!lookupCompiled) {
    lookupCompiled = lookupQuery(db, '').compile();
    registerPreparedStatement('queue_lookup_by_number', lookupCompiled);
  }
  const query: CompiledQuery<LookupRow> = { ...lookupCompiled, parameters: [number] };
  return (await db.executeQuery(query)).rows;
}

import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import '../tables.js';

/** The current version of every situation (or those matching a Russian full-text query), in catalogue order. */
export async function listCurrent(db: Db, f: { tsquery: string | null; origin?: 'federal' | 'regional' }) {
  let q = db
    .selectFrom('life_situation as s')
    .innerJoin('life_situation_version as v', (j) =>
      j.onRef('v.situation_code', '=', 's.code').onRef('v.version', '=', 's.current_version'),
    )
    .select(['s.code', 's.origin', 's.current_version', 'v.definition']);
  if (f.origin) q = q.where('s.origin', '=', f.origin);
  if (f.tsquery) {
    const query = sql`to_tsquery('russian', ${f.tsquery})`;
    q = q.where(sql<boolean>`v.search @@ ${query}`).orderBy(sql`ts_rank(v.search, ${query})`, 'desc');
  }
  return q.orderBy('s.position').execute();
}

export async function currentOf(db: Executor, code: string, lock = false) {
  let q = db
    .selectFrom('life_situation as s')
    .innerJoin('life_situation_version as v', (j) =>
      j.onRef('v.situation_code', '=', 's.code').onRef('v.version', '=', 's.current_version'),
    )
    .select(['s.code', 's.origin', 's.current_version', 's.updated_at', 'v.definition'])
    .where('s.code', '=', code);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function versionsOf(db: Db, code: string) {
  return db
    .selectFrom('life_situation_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.note', 'v.created_at', 'u.full_name'])
    .where('v.situation_code', '=', code)
    .orderBy('v.version', 'desc')
    .execute();
}

/** Ships the catalogue: version 1 of each situation not in the database yet (a rerun adds nothing). */
export async function insertShipped(
  tx: Executor,
  rows: readonly { code: string; origin: 'federal' | 'regional'; position: number; definition: unknown }[],
): Promise<string[]> {
  const added: string[] = [];
  for (const r of rows) {
    const inserted = await tx
      .insertInto('life_situation')
      .values({ code: r.code, origin: r.origin, position: r.position, current_version: 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (!inserted) continue;
    await tx
      .insertInto('life_situation_version')
      .values({
        situation_code: r.code,
        version: 1,
        definition: JSON.stringify(r.definition),
        note: 'shipped',
      })
      .execute();
    added.push(r.code);
  }
  return added;
}

export async function insertVersion(
  tx: Executor,
  v: { code: string; version: number; definition: unknown; note: string | null; createdBy: string | null },
) {
  await tx
    .insertInto('life_situation_version')
    .values({
      situation_code: v.code,
      version: v.version,
      definition: JSON.stringify(v.definition),
      note: v.note,
      created_by: v.createdBy,
    })
    .execute();
  await tx
    .updateTable('life_situation')
    .set({ current_version: v.version, updated_at: new Date() })
    .where('code', '=', v.code)
    .execute();
}

/** The registry rows of a person's requests the navigator reads (its own kinds only matter). */
export async function familyRequests(db: Db, userId: string) {
  const rows = await db
    .selectFrom('family_request')
    .select(['id', 'module', 'kind', 'reference', 'status', 'state', 'link', 'child_id'])
    .where('owner_user_id', '=', userId)
    .orderBy('submitted_at')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/transaction.js';
import type { FeedbackPublicAnswerTable } from '../tables.js';

export async function insertPublicAnswer(db: Executor, row: Insertable<FeedbackPublicAnswerTable>) {
  return db.insertInto('feedback_public_answer').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function publishedAnswerOf(db: Executor, appealId: number) {
  return db
    .selectFrom('feedback_public_answer')
    .select('id')
    .where('appeal_id', '=', String(appealId))
    .executeTakeFirst();
}

/** The archive, newest first or by relevance to a Russian full-text query; one page. */
export async function publicAnswers(
  db: Executor,
  q: { text?: string; categoryCode?: string; limit: number; offset: number },
) {
  let query = db
    .selectFrom('feedback_public_answer as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id');
  const tsquery = q.text ? sql`websearch_to_tsquery('russian', ${q.text})` : null;
  if (tsquery) query = query.where(sql<boolean>`p.search @@ ${tsquery}`);
  if (q.categoryCode) query = query.where('p.category_code', '=', q.categoryCode);
  const { total } = await query
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  let page = query.select([
    'p.id',
    'p.category_code',
    'p.question',
    'p.answer',
    'p.registered_on',
    'p.answered_on',
    'p.published_at',
    'o.short_name as organisation_name',
  ]);
  page = tsquery ? page.orderBy(sql`ts_rank(p.search, ${tsquery})`, 'desc') : page;
  const items = await page
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total), items };
}

/** Every archived text, for the check that none of them carries personal data. */
export async function allArchivedTexts(db: Executor) {
  return db.selectFrom('feedback_public_answer').select(['id', 'question', 'answer']).execute();
}

// The wizard's drafts: one per user, saved on every step.

import type { Executor } from '../../../platform/db/transaction.js';
import './queue-tables.js';

export async function getDraft(db: Executor, userId: string) {
  return db.selectFrom('application_draft').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveDraft(db: Executor, userId: string, step: number, data: Record<string, unknown>) {
  return db
    .insertInto('application_draft')
    .values({ user_id: userId, step, data: JSON.stringify(data), updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ step, data: JSON.stringify(data), updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(db: Executor, userId: string) {
  await db.deleteFrom('application_draft').where('user_id', '=', userId).execute();
}

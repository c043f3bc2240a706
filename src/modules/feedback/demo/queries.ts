import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/transaction.js';
import type { FamilyRequestTable } from '../../../platform/db/organisation-family-tables.js';
import type { FeedbackAppealEventTable, FeedbackAppealTable } from '../tables.js';

export async function demoCitizens(db: Executor, limit: number) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .orderBy('oidc_subject')
    .limit(limit)
    .execute();
}

export async function demoOrganisations(db: Executor, limit: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'kind', 'municipality_id'])
    .where('kind', 'in', ['kindergarten', 'school'])
    .where('municipality_id', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function demoMunicipalities(db: Executor) {
  return db.selectFrom('municipality').select(['id', 'center_lat', 'center_lon']).orderBy('id').execute();
}

export async function insertDemoAppeals(
  db: Executor,
  appeals: Insertable<FeedbackAppealTable>[],
  events: Insertable<FeedbackAppealEventTable>[],
  requests: Insertable<FamilyRequestTable>[],
) {
  for (let i = 0; i < appeals.length; i += 500) {
    await db
      .insertInto('feedback_appeal')
      .values(appeals.slice(i, i + 500))
      .execute();
    await db
      .insertInto('family_request')
      .values(requests.slice(i, i + 500))
      .execute();
  }
  for (let i = 0; i < events.length; i += 1000)
    await db
      .insertInto('feedback_appeal_event')
      .values(events.slice(i, i + 1000))
      .execute();
  // Ids were given explicitly: the sequence continues after them, so a new appeal never collides.
  await sql`select setval('feedback_appeal_id_seq', greatest((select max(id) from feedback_appeal), 1))`.execute(
    db,
  );
}

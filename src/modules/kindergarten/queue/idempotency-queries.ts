// Idempotency keys of application writes (idempotent_request).

import type { Executor } from '../../../platform/db/transaction.js';
import './queue-tables.js';

/** Claims an idempotency key inside the transaction: a concurrent twin waits on the primary key. */
export async function claimIdempotencyKey(
  tx: Executor,
  userId: string,
  key: string,
  route: string,
  hash: string,
) {
  const inserted = await tx
    .insertInto('idempotent_request')
    .values({ user_id: userId, idempotency_key: key, route, request_hash: hash })
    .onConflict((oc) => oc.columns(['user_id', 'idempotency_key']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (inserted) return null;
  return tx
    .selectFrom('idempotent_request')
    .select(['route', 'request_hash', 'status_code', 'response'])
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
}

export async function completeIdempotencyKey(
  tx: Executor,
  userId: string,
  key: string,
  status: number,
  response: unknown,
) {
  await tx
    .updateTable('idempotent_request')
    .set({ status_code: status, response: JSON.stringify(response) })
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .execute();
}

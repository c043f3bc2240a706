import type { Executor } from '../db/transaction.js';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** Unique per logical event and consumer: enqueuing the same key twice is a no-op. */
  dedupeKey: string;
  runAfter?: Date;
}

/** Enqueue inside the transaction of the change, so the job exists if and only if the change does. */
export async function enqueue(tx: Executor, message: OutboxMessage): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: message.topic,
      payload: JSON.stringify(message.payload),
      dedupe_key: message.dedupeKey,
      ...(message.runAfter ? { run_after: message.runAfter } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

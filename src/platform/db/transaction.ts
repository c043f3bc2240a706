import type { Transaction } from 'kysely';
import type { Database, Db } from './database.js';

export type Tx = Transaction<Database>;
/** Either the database or an open transaction: queries accept both. */
export type Executor = Db | Tx;

/**
 * Runs `work` in one transaction. On PostgreSQL a serialization failure or deadlock is retried
 * a few times; everything the work wrote (change, audit, outbox) commits or rolls back together.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, retries = 3): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < retries && (code === '40001' || code === '40P01')) continue;
      throw err;
    }
  }
}

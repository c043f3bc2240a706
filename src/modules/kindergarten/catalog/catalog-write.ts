import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import type { PublicCatalog } from './public-catalog.js';

/**
 * A staff write to the catalog: one transaction (the change with its audit event), then the response
 * waits for a snapshot that includes it, so the public pages show the change at once.
 */
export async function writeAndRefresh<T>(
  db: Db,
  catalog: PublicCatalog,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await inTransaction(db, work);
  await catalog.cache.refresh();
  return result;
}

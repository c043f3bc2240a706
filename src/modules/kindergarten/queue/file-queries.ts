// Uploaded documents of applications (stored_file).

import type { Executor } from '../../../platform/db/transaction.js';
import './queue-tables.js';

export async function insertFile(
  db: Executor,
  f: { ownerId: string; fileName: string; mediaType: string; content: Buffer; sha256: string },
) {
  return db
    .insertInto('stored_file')
    .values({
      owner_id: f.ownerId,
      file_name: f.fileName,
      media_type: f.mediaType,
      size_bytes: f.content.byteLength,
      sha256: f.sha256,
      content: f.content,
    })
    .returning(['id', 'file_name', 'media_type', 'size_bytes', 'sha256'])
    .executeTakeFirstOrThrow();
}

export async function filesOwnedBy(db: Executor, ownerId: string | null, ids: readonly string[]) {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('stored_file')
    .select(['id'])
    .where('id', 'in', [...ids]);
  if (ownerId) q = q.where('owner_id', '=', ownerId);
  return q.execute();
}

import crypto from 'node:crypto';
import type { UploadedFile } from '../../../contracts/kindergarten-queue.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { assertImageWithinLimits } from '../../../platform/files/image-limits.js';
import type { Upload } from '../../../platform/http/read-upload.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { sniffDocument } from './document-sniff.js';
import * as q from './queries.js';

/**
 * Keeps a citizen's benefit document (PDF, JPEG or PNG, recognised by content) and audits the
 * upload with its hash in the same transaction, so the file and its trace exist together or not at all.
 */
export async function storeBenefitDocument(
  db: Db,
  actor: Actor & { userId: string },
  upload: Upload,
): Promise<UploadedFile> {
  const content = upload.content;
  const sniffed = await sniffDocument(content);
  if (!sniffed.ok) {
    const status = sniffed.reason === 'too_large' ? 413 : sniffed.reason === 'empty' ? 400 : 415;
    throw new HttpProblem(
      status,
      `file-${sniffed.reason.replace('_', '-')}`,
      'Only PDF, JPEG or PNG documents up to 5 MB are accepted.',
      { errors: [{ field: 'file', message: sniffed.reason, expected: 'PDF, JPEG or PNG, ≤ 5 MB' }] },
    );
  }
  // A scan is shown to staff in the browser: one claiming gigapixels is refused before that.
  if (sniffed.mediaType !== 'application/pdf') assertImageWithinLimits(content, sniffed.mediaType);
  const fileName = (upload.fileName || 'document').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const f = await inTransaction(db, async (tx) => {
    const row = await q.insertFile(tx, {
      ownerId: actor.userId,
      fileName,
      mediaType: sniffed.mediaType,
      content,
      sha256,
    });
    await recordAudit(tx, actor, {
      action: 'queue.document.uploaded',
      subjectType: 'stored_file',
      subjectId: row.id,
      // The name a citizen gave a file can be personal («паспорт Иванова.pdf»): type, size and hash only.
      summary: { mediaType: row.media_type, sizeBytes: row.size_bytes, sha256 },
    });
    return row;
  });
  return {
    id: f.id,
    fileName: f.file_name,
    mediaType: f.media_type as UploadedFile['mediaType'],
    sizeBytes: f.size_bytes,
    sha256: f.sha256,
  };
}

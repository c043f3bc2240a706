import { sql } from 'kysely';
import type { Executor } from '../db/transaction.js';
import type { Db } from '../db/database.js';

export interface Actor {
  userId: string | null;
  role: string | null;
  requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system' };

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  municipalityId?: number | null;
  /** Before/after of what changed; no needless personal data (ids, not names). */
  summary?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Appends to the hash chain; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_event')
    .values({
      actor_id: actor.userId,
      actor_role: actor.role,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId == null ? null : String(entry.subjectId),
      municipality_id: entry.municipalityId ?? null,
      summary: JSON.stringify(entry.summary ?? {}),
      request_id: actor.requestId ?? null,
      ...(entry.occurredAt ? { occurred_at: entry.occurredAt } : {}),
    })
    .execute();
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match, if any. */
  firstBroken: { seq: number; reason: 'content' | 'link' } | null;
}

/**
 * Recomputes every row's hash in the database with the same SQL function the insert trigger used,
 * and checks each row points at its predecessor (so a deleted row breaks the next link), in pages so a long chain needs little memory.
 */
export async function verifyAuditChain(db: Db, pageSize = 50_000): Promise<ChainVerdict> {
  let checked = 0;
  let afterSeq = 0;
  let previousHash = '0'.repeat(64);
  for (;;) {
    const rows = await sql<{ seq: number; prev_hash: string; hash: string; recomputed: string }>`
      select e.seq, e.prev_hash, e.hash, audit_row_hash(e) as recomputed
      from audit_event e where e.seq > ${afterSeq} order by e.seq limit ${pageSize}`.execute(db);
    for (const row of rows.rows) {
      if (row.recomputed !== row.hash)
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'content' } };
      if (row.prev_hash !== previousHash)
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'link' } };
      previousHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
    if (rows.rows.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}

import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { Tx } from '../db/transaction.js';

export interface JobContext {
  id: number;
  attempt: number;
  dedupeKey: string;
}

/** A handler must be idempotent: a job may run again after a crash between its work and its commit. */
export type JobHandler = (payload: Record<string, unknown>, tx: Tx, job: JobContext) => Promise<void>;

export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s, … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3600_000, 5000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Polls the outbox and runs due jobs, one transaction each; `FOR UPDATE SKIP LOCKED` lets several
 * app processes share the work on PostgreSQL. A failure is recorded and retried with backoff.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.drain().catch((err) => this.log.error({ err }, 'outbox worker failed'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job now; returns how many ran. Tests call this instead of waiting. */
  async drain(limit = 1000): Promise<number> {
    let count = 0;
    while (count < limit && (await this.runOne())) count++;
    return count;
  }

  private async runOne(): Promise<boolean> {
    const topics = [...this.handlers.keys()];
    if (topics.length === 0) return false;
    let claimed = false;
    let failure: { id: number; attempts: number; error: string } | null = null;
    await this.db.transaction().execute(async (tx) => {
      const job = await tx
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload', 'attempts', 'dedupe_key'])
        .where('status', '=', 'pending')
        .where('run_after', '<=', sql<Date>`now()`)
        .where('topic', 'in', topics)
        .orderBy('run_after')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!job) return;
      claimed = true;
      const handler = this.handlers.get(job.topic)!;
      try {
        await runInSavepoint(tx, () =>
          handler(job.payload, tx, { id: job.id, attempt: job.attempts + 1, dedupeKey: job.dedupe_key }),
        );
        await tx
          .updateTable('outbox')
          .set({ status: 'done', done_at: new Date(), attempts: job.attempts + 1, last_error: null })
          .where('id', '=', job.id)
          .execute();
      } catch (err) {
        failure = { id: job.id, attempts: job.attempts + 1, error: String((err as Error).message ?? err) };
        const dead = failure.attempts >= MAX_ATTEMPTS;
        await tx
          .updateTable('outbox')
          .set({
            attempts: failure.attempts,
            last_error: failure.error.slice(0, 2000),
            status: dead ? 'dead' : 'pending',
            run_after: new Date(Date.now() + backoffMs(failure.attempts)),
          })
          .where('id', '=', job.id)
          .execute();
      }
    });
    if (failure) this.log.warn({ job: failure }, 'job failed; will retry with backoff');
    return claimed;
  }
}

/** The handler's writes roll back on failure while the job row's bookkeeping still commits. */
async function runInSavepoint(tx: Tx, work: () => Promise<void>): Promise<void> {
  await sql`savepoint job_work`.execute(tx);
  try {
    await work();
    await sql`release savepoint job_work`.execute(tx);
  } catch (err) {
    await sql`rollback to savepoint job_work`.execute(tx);
    throw err;
  }
}

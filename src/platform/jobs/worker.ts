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

/** Periodic work a module asks for: the scheduler enqueues `topic` once per period. */
export interface Schedule {
  topic: string;
  everyMinutes: number;
}

export interface WorkerOptions {
  schedules?: readonly Schedule[];
  /** Attempts before a job is dead-lettered (status `dead`, kept with its last error). */
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * The dedupe key of a schedule's period: every process computes the same key for the same period,
 * and the outbox's unique key lets only one of them enqueue it.
 */
export function periodKey(schedule: Schedule, at: Date): string {
  const period = Math.floor(at.getTime() / (schedule.everyMinutes * 60_000));
  return `schedule:${schedule.topic}:${schedule.everyMinutes}m:${period}`;
}

/** Exponential backoff: 5 s, 10 s, 20 s, … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3600_000, 5000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Polls the outbox and runs due jobs, one transaction each; `FOR UPDATE SKIP LOCKED` lets several
 * app processes share the work on PostgreSQL. A failure is recorded and retried with exponential
 * backoff; after `maxAttempts` the job is dead-lettered (status `dead`) for an operator to look at.
 * Each poll first enqueues the modules' schedules for the current period.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  private readonly maxAttempts: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly log: Logger,
    private readonly pollMs = 1000,
    private readonly options: WorkerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    this.now = options.now ?? (() => new Date());
    for (const s of options.schedules ?? []) {
      if (!handlers.has(s.topic)) throw new Error(`Schedule for ${s.topic} has no job handler`);
      if (!(s.everyMinutes > 0)) throw new Error(`Schedule for ${s.topic}: everyMinutes must be positive`);
    }
  }

  /** Enqueues the current period of every schedule (a no-op when any process already did). */
  async enqueueSchedules(): Promise<number> {
    const at = this.now();
    let added = 0;
    for (const schedule of this.options.schedules ?? []) {
      const res = await this.db
        .insertInto('outbox')
        .values({
          topic: schedule.topic,
          payload: JSON.stringify({ scheduledFor: at.toISOString(), everyMinutes: schedule.everyMinutes }),
          dedupe_key: periodKey(schedule, at),
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.enqueueSchedules()
        .then(() => this.drain())
        .catch((err) => this.log.error({ err }, 'outbox worker failed'));
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

  /**
   * Runs every due job now; returns how many ran. Tests call this instead of waiting. Once `stop()`
   * is called it ends after the job in hand: shutdown waits for one job, not for the whole backlog.
   */
  async drain(limit = 1000): Promise<number> {
    let count = 0;
    while (count < limit && !this.stopped && (await this.runOne())) count++;
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
        const dead = failure.attempts >= this.maxAttempts;
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
    if (failure) {
      const f = failure as { attempts: number };
      if (f.attempts >= this.maxAttempts) this.log.error({ job: failure }, 'job dead-lettered');
      else this.log.warn({ job: failure }, 'job failed; will retry with backoff');
    }
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

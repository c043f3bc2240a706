import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { createTestDatabase } from '../db/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { enqueue } from './outbox.js';
import { backoffMs, OutboxWorker, periodKey, type JobHandler } from './worker.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const log = pino({ level: 'silent' });
const job = (dedupeKey: string) =>
  handle.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', dedupeKey);
const makeDue = (dedupeKey: string) =>
  handle.db
    .updateTable('outbox')
    .set({ run_after: new Date(0) })
    .where('dedupe_key', '=', dedupeKey)
    .execute();

describe('outbox worker', () => {
  it('retries with exponential backoff and dead-letters after the last attempt', async () => {
    let calls = 0;
    const handlers = new Map<string, JobHandler>([
      [
        'test.flaky',
        async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
      ],
    ]);
    const worker = new OutboxWorker(handle.db, handlers, log, 1000, { maxAttempts: 3 });
    await inTransaction(handle.db, (tx) =>
      enqueue(tx, { topic: 'test.flaky', payload: {}, dedupeKey: 'flaky' }),
    );

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now();
      expect(await worker.drain()).toBe(1);
      const row = await job('flaky').executeTakeFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe(`boom ${attempt}`);
      delays.push(row.run_after.getTime() - before);
      if (attempt < 3) {
        expect(row.status).toBe('pending');
        expect(await worker.drain()).toBe(0); // not due yet: backing off
        await makeDue('flaky');
      } else {
        expect(row.status).toBe('dead');
      }
    }
    expect(delays[0]).toBeGreaterThanOrEqual(backoffMs(1) - 50);
    expect(delays[1]).toBeGreaterThanOrEqual(backoffMs(2) - 50);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(100)).toBe(3600_000);
    // A dead job is never picked up again.
    await makeDue('flaky');
    expect(await worker.drain()).toBe(0);
    expect(calls).toBe(3);
  });

  it("rolls back a failed attempt's writes but keeps its bookkeeping", async () => {
    const handlers = new Map<string, JobHandler>([
      [
        'test.half-done',
        async (_payload, tx) => {
          await tx.insertInto('region').values({ name_ru: 'Черновик', name_en: 'Draft' }).execute();
          throw new Error('after the write');
        },
      ],
    ]);
    const worker = new OutboxWorker(handle.db, handlers, log);
    await inTransaction(handle.db, (tx) =>
      enqueue(tx, { topic: 'test.half-done', payload: {}, dedupeKey: 'half-done' }),
    );
    await worker.drain();
    expect(
      await handle.db.selectFrom('region').select('id').where('name_ru', '=', 'Черновик').execute(),
    ).toEqual([]);
    expect((await job('half-done').executeTakeFirstOrThrow()).attempts).toBe(1);
  });

  it('enqueues each schedule once per period, however many processes run the scheduler', async () => {
    const ran: unknown[] = [];
    const handlers = new Map<string, JobHandler>([
      [
        'test.nightly',
        async (payload) => {
          ran.push(payload);
        },
      ],
    ]);
    let now = new Date('2026-09-01T10:15:00Z');
    const schedules = [{ topic: 'test.nightly', everyMinutes: 60 }];
    const processes = [1, 2, 3].map(
      () => new OutboxWorker(handle.db, handlers, log, 1000, { schedules, now: () => now }),
    );
    const added = await Promise.all(processes.map((w) => w.enqueueSchedules()));
    expect(added.reduce((a, b) => a + b, 0)).toBe(1);
    await Promise.all(processes.map((w) => w.drain()));
    expect(ran).toHaveLength(1);

    now = new Date('2026-09-01T10:59:59Z'); // same hour: nothing new
    expect(await processes[1]!.enqueueSchedules()).toBe(0);
    now = new Date('2026-09-01T11:00:00Z'); // next hour
    expect(await processes[2]!.enqueueSchedules()).toBe(1);
    await processes[0]!.drain();
    expect(ran).toHaveLength(2);
    expect(periodKey(schedules[0]!, now)).toMatch(/^schedule:test\.nightly:60m:\d+$/);
  });

  it('refuses a schedule without a handler', () => {
    expect(
      () =>
        new OutboxWorker(handle.db, new Map(), log, 1000, { schedules: [{ topic: 'x', everyMinutes: 5 }] }),
    ).toThrow(/no job handler/);
  });

  it('stops between jobs: the job running finishes and commits, the rest stay pending', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const firstStarted = new Promise<void>((r) => (started = r));
    const ran: string[] = [];
    const handlers = new Map<string, JobHandler>([
      [
        'test.slow',
        async (_payload, _tx, j) => {
          started();
          await gate;
          ran.push(j.dedupeKey);
        },
      ],
    ]);
    await inTransaction(handle.db, async (tx) => {
      for (const key of ['slow-1', 'slow-2', 'slow-3'])
        await enqueue(tx, { topic: 'test.slow', payload: {}, dedupeKey: key });
    });
    const worker = new OutboxWorker(handle.db, handlers, log, 1000);
    worker.start();
    await firstStarted;
    const stopped = worker.stop();
    release();
    await stopped;

    expect(ran).toEqual(['slow-1']);
    expect((await job('slow-1').executeTakeFirstOrThrow()).status).toBe('done');
    expect((await job('slow-2').executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await job('slow-3').executeTakeFirstOrThrow()).status).toBe('pending');
  });
});

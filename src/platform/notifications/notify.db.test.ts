import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { inTransaction } from '../db/transaction.js';
import { enqueue } from '../jobs/outbox.js';
import { notify } from './notify.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('notifications through the outbox', () => {
  it('delivers one email over SMTP and one in-app notice per event, even when enqueued twice', async () => {
    const userId = t.fixture.users.citizen1;
    for (let i = 0; i < 2; i++) {
      await inTransaction(t.db, (tx) =>
        notify(tx, {
          userId,
          template: 'platform.welcome',
          params: { name: 'Анна', region: 'Тестовая область' },
          eventKey: 'welcome:citizen1',
        }),
      );
    }
    await t.drainJobs();
    await t.drainJobs();
    const mails = t.mail.filter((m) => m.to.includes('citizen1@example.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Добро пожаловать в Тестовая область');
    expect(mails[0]!.text).toContain('Здравствуйте, Анна!');

    const client = await t.asFixture('citizen1');
    const list = (await client.get('/api/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0].title).toBe('Добро пожаловать в Тестовая область');
    const read = await client.post(`/api/notifications/${list.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect((await client.get('/api/notifications')).json().unread).toBe(0);
  });

  it('retries a failing job with backoff and keeps the error', async () => {
    await inTransaction(t.db, (tx) =>
      enqueue(tx, {
        topic: 'notification.email',
        payload: { template: 'no-such-template', params: {}, email: 'x@example.test', eventKey: 'bad' },
        dedupeKey: 'bad-1',
      }),
    );
    await t.drainJobs();
    const job = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('dedupe_key', '=', 'bad-1')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(job.attempts).toBe(1);
    expect(job.last_error).toMatch(/Unknown message template/);
    expect(job.run_after.getTime()).toBeGreaterThan(Date.now());
    const delivered = await t.db
      .selectFrom('email_delivery')
      .select('id')
      .where('dedupe_key', '=', 'bad')
      .execute();
    expect(delivered).toHaveLength(0);
  });

  it('rolls the job back with the change that enqueued it', async () => {
    await expect(
      inTransaction(t.db, async (tx) => {
        await notify(tx, {
          userId: t.fixture.users.citizen2,
          template: 'platform.welcome',
          params: {},
          eventKey: 'rolled-back',
        });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const jobs = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', 'like', '%rolled-back')
      .execute();
    expect(jobs).toHaveLength(0);
  });
});

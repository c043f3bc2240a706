import type { Executor } from '../db/transaction.js';
import { enqueue } from '../jobs/outbox.js';
import type { JobHandler } from '../jobs/worker.js';
import type { Mailer } from './mailer.js';
import { renderTemplate, type Locale } from './templates.js';

export interface Notice {
  userId?: string | null;
  /** Paper applicants have no account, only an address. */
  email?: string | null;
  locale?: Locale;
  template: string;
  params: Record<string, unknown>;
  link?: string;
  /** Identifies the event: the same event never notifies twice. */
  eventKey: string;
}

/** Enqueues an in-app notice and an email in the caller's transaction (outbox). */
export async function notify(tx: Executor, notice: Notice): Promise<void> {
  const payload = { ...notice } as unknown as Record<string, unknown>;
  if (notice.userId) {
    await enqueue(tx, { topic: 'notification.in-app', payload, dedupeKey: `in-app:${notice.eventKey}` });
  }
  if (notice.email || notice.userId) {
    await enqueue(tx, { topic: 'notification.email', payload, dedupeKey: `email:${notice.eventKey}` });
  }
}

export function notificationHandlers(mailer: Mailer): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    [
      'notification.in-app',
      async (payload, tx) => {
        const n = payload as unknown as Notice;
        await tx
          .insertInto('notification')
          .values({
            user_id: n.userId!,
            template: n.template,
            params: JSON.stringify(n.params),
            link: n.link ?? null,
            dedupe_key: n.eventKey,
          })
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .execute();
      },
    ],
    [
      'notification.email',
      async (payload, tx) => {
        const n = payload as unknown as Notice;
        const already = await tx
          .selectFrom('email_delivery')
          .select('id')
          .where('dedupe_key', '=', n.eventKey)
          .executeTakeFirst();
        if (already) return;
        let to = n.email ?? null;
        let locale: Locale = n.locale ?? 'ru';
        if (n.userId) {
          // The job's own transaction: PGlite has one connection, a second query outside would wait forever.
          const user = await tx
            .selectFrom('app_user')
            .select(['email', 'locale'])
            .where('id', '=', n.userId)
            .executeTakeFirst();
          to = to ?? user?.email ?? null;
          locale = n.locale ?? user?.locale ?? 'ru';
        }
        if (!to) return;
        const { subject, body } = renderTemplate(n.template, locale, n.params);
        // The delivery row commits with the job: only a crash between the SMTP send and that commit
        // can repeat a mail; a failed send rolls the row back and the job retries.
        await tx
          .insertInto('email_delivery')
          .values({ dedupe_key: n.eventKey, recipient: to, subject, template: n.template })
          .execute();
        const sent = await mailer.send({ to, subject, text: body });
        await tx
          .updateTable('email_delivery')
          .set({ message_id: sent.messageId })
          .where('dedupe_key', '=', n.eventKey)
          .execute();
      },
    ],
  ]);
}

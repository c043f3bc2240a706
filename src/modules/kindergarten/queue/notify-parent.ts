import type { Executor } from '../../../platform/db/transaction.js';
import { enqueue } from '../../../platform/jobs/outbox.js';
import { notify, type Notice } from '../../../platform/notifications/notify.js';

/**
 * Notifies a parent in-app and by email through the platform outbox, in the caller's transaction.
 * The email address and language are resolved here, inside the transaction, so the email job never
 * has to read app_user itself (on PGlite's single connection that read would wait on the job's own
 * transaction). Same dedupe keys as `notify`: exactly once per event.
 */
export async function notifyParent(tx: Executor, notice: Notice): Promise<void> {
  let email = notice.email ?? null;
  let locale = notice.locale;
  if (notice.userId) {
    await enqueue(tx, {
      topic: 'notification.in-app',
      payload: { ...notice } as unknown as Record<string, unknown>,
      dedupeKey: `in-app:${notice.eventKey}`,
    });
    const user = await tx
      .selectFrom('app_user')
      .select(['email', 'locale'])
      .where('id', '=', notice.userId)
      .executeTakeFirst();
    email = user?.email ?? email;
    locale = locale ?? user?.locale ?? 'ru';
  }
  if (email) await notify(tx, { ...notice, userId: null, email, locale: locale ?? 'ru' });
}

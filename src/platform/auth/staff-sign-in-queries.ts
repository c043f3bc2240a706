import type { Executor, Tx } from '../db/transaction.js';
import { admitAttempt, SIGN_IN_THROTTLE, type Admission } from './sign-in-throttle.js';

export function findStaffByLogin(db: Executor, login: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'totp_enabled', 'totp_secret', 'totp_last_step', 'disabled_at'])
    .where('login', '=', login)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
}

/**
 * Decides whether a sign-in attempt of `login` may go ahead and, if so, counts it as failed until
 * clearSignInFailures says otherwise. The login's row is locked meanwhile: parallel attempts queue.
 */
export async function admitSignInAttempt(tx: Tx, login: string, now: Date): Promise<Admission> {
  await tx
    .insertInto('login_throttle')
    .values({ login, failures: 0, last_attempt_at: now })
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  const row = await tx
    .selectFrom('login_throttle')
    .select(['failures', 'not_before', 'last_attempt_at'])
    .where('login', '=', login)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const admission = admitAttempt(
    { failures: row.failures, notBefore: row.not_before, lastAttemptAt: row.last_attempt_at },
    now,
  );
  if (admission.admitted) {
    await tx
      .updateTable('login_throttle')
      .set({ failures: admission.failures, not_before: admission.notBefore, last_attempt_at: now })
      .where('login', '=', login)
      .execute();
  }
  // Logins nobody tried for a day (mostly unknown ones) are of no use any more.
  await tx
    .deleteFrom('login_throttle')
    .where('last_attempt_at', '<', new Date(now.getTime() - SIGN_IN_THROTTLE.forgetAfterMs))
    .execute();
  return admission;
}

export async function clearSignInFailures(tx: Executor, login: string): Promise<void> {
  await tx.deleteFrom('login_throttle').where('login', '=', login).execute();
}

/**
 * Records `step` as the user's last accepted TOTP step, unless that step or a later one was accepted
 * already (then false: the code is used up). One statement, so two requests cannot both use a code.
 */
export async function consumeTotpStep(tx: Executor, userId: string, step: number): Promise<boolean> {
  const res = await tx
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

import type { Config } from '../config.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { HttpProblem, unauthorized } from '../http/problem.js';
import { verifyPasswordOrDummy } from './password.js';
import { createSession } from './session-store.js';
import type { Admission } from './sign-in-throttle.js';
import {
  admitSignInAttempt,
  clearSignInFailures,
  consumeTotpStep,
  findStaffByLogin,
} from './staff-sign-in-queries.js';
import { totpStep } from './totp.js';

/** Why a staff sign-in did not succeed, as the audit log records it. */
export type SignInFailure =
  'unknown-login' | 'wrong-password' | 'disabled' | 'totp-invalid' | 'totp-reused' | 'delayed' | 'locked';

// Same message whatever was wrong, so a login form does not reveal which logins exist.
const WRONG_CREDENTIALS = 'Wrong login or password.';

export interface StaffSignIn {
  login: string;
  password: string;
  totp?: string;
}

/**
 * Staff sign-in with password and, when enabled, a TOTP code. Every attempt costs one argon2 check
 * (a dummy one for an unknown login), passes the per-login throttle first, and a failure is audited
 * with the login and the reason (never the password). Returns the new session.
 */
export async function signInStaff(
  db: Db,
  config: Config,
  input: StaffSignIn,
  meta: { requestId: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const login = input.login.toLowerCase();
  const user = await findStaffByLogin(db, login);
  const fail = async (reason: SignInFailure, problem: HttpProblem): Promise<never> => {
    await recordAudit(
      db,
      { userId: null, role: null, requestId: meta.requestId },
      {
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        summary: { login, reason },
      },
    );
    throw problem;
  };

  const now = new Date();
  const admission = await inTransaction(db, (tx) => admitSignInAttempt(tx, login, now));
  if (!admission.admitted) return fail(admission.locked ? 'locked' : 'delayed', throttled(admission, now));

  const passwordOk = await verifyPasswordOrDummy(user?.password_hash, input.password);
  if (!user) return fail('unknown-login', unauthorized(WRONG_CREDENTIALS));
  if (!passwordOk) return fail('wrong-password', unauthorized(WRONG_CREDENTIALS));
  if (user.disabled_at) return fail('disabled', unauthorized(WRONG_CREDENTIALS));

  let step: number | null = null;
  if (user.totp_enabled) {
    // The first half of a normal sign-in, not audited; it still counts against the throttle, or
    // asking without a code would be a free test of a guessed password.
    if (!input.totp)
      throw new HttpProblem(401, 'totp-required', 'Enter the 6-digit code from your authenticator app.');
    step = await totpStep(user.totp_secret!, input.totp);
    if (step === null)
      return fail('totp-invalid', new HttpProblem(401, 'totp-invalid', 'The code is wrong or expired.'));
  }

  const session = await inTransaction(db, async (tx) => {
    if (step !== null && !(await consumeTotpStep(tx, user.id, step))) return null;
    await clearSignInFailures(tx, login);
    const s = await createSession(tx, user.id, config.SESSION_TTL_HOURS, meta.userAgent);
    const grant = await tx
      .selectFrom('role_assignment')
      .select('role')
      .where('user_id', '=', user.id)
      .orderBy('id')
      .executeTakeFirst();
    await recordAudit(
      tx,
      { userId: user.id, role: grant?.role ?? null, requestId: meta.requestId },
      { action: 'auth.login', subjectType: 'user', subjectId: user.id },
    );
    return s;
  });
  if (!session)
    return fail(
      'totp-reused',
      new HttpProblem(
        401,
        'totp-reused',
        'This code has already been used; wait for the next one in your authenticator app.',
      ),
    );
  return session;
}

function throttled(admission: Extract<Admission, { admitted: false }>, now: Date): HttpProblem {
  const retryAfter = Math.max(1, Math.ceil((admission.retryAt.getTime() - now.getTime()) / 1000));
  if (!admission.locked) {
    const unit = retryAfter === 1 ? 'second' : 'seconds';
    return new HttpProblem(
      429,
      'sign-in-delayed',
      `Too many failed sign-ins for this login: wait ${retryAfter} ${unit} and try again.`,
      { retryAfter },
    );
  }
  const until = admission.retryAt.toISOString();
  return new HttpProblem(
    429,
    'sign-in-locked',
    `Too many failed sign-ins: this login is locked until ${until.slice(11, 16)} UTC ` +
      `(${Math.ceil(retryAfter / 60)} min). Try again then, or ask an administrator.`,
    { retryAfter, lockedUntil: until },
  );
}

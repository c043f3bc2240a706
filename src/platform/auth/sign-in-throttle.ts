/**
 * Growing waits between failed staff sign-ins of one login, then a temporary lock: the per-IP limit
 * alone lets an attacker with many addresses guess one account's password without end.
 *
 * Counted per login name, known or not, so a lock says nothing about which logins exist. An attempt
 * counts as a failure when it is admitted (before the password is checked) and the count is cleared
 * when it succeeds: parallel guesses cannot slip in before the first failure is written.
 */
export const SIGN_IN_THROTTLE = {
  /** Consecutive failures that lock the login. */
  lockAfter: 5,
  lockMs: 15 * 60_000,
  /** The wait after the 2nd failure, doubling after each further one until the lock. */
  firstWaitMs: 1000,
  /** Failures this old are forgotten. */
  forgetAfterMs: 24 * 3600_000,
} as const;

/** How long the login must wait after its n-th consecutive failure. */
export function waitAfterFailures(failures: number): number {
  const { lockAfter, lockMs, firstWaitMs } = SIGN_IN_THROTTLE;
  if (failures >= lockAfter) return lockMs;
  if (failures < 2) return 0; // one typo costs nothing
  return firstWaitMs * 2 ** (failures - 2);
}

export interface ThrottleState {
  failures: number;
  notBefore: Date | null;
  lastAttemptAt: Date;
}

export type Admission =
  | { admitted: true; failures: number; notBefore: Date | null }
  | { admitted: false; retryAt: Date; locked: boolean };

/** Whether an attempt may go ahead now, and the state to store if it does (counted as failed). */
export function admitAttempt(state: ThrottleState | null, now: Date): Admission {
  if (state?.notBefore && state.notBefore > now)
    return {
      admitted: false,
      retryAt: state.notBefore,
      locked: state.failures >= SIGN_IN_THROTTLE.lockAfter,
    };
  const fresh = !state || now.getTime() - state.lastAttemptAt.getTime() >= SIGN_IN_THROTTLE.forgetAfterMs;
  const failures = (fresh ? 0 : state.failures) + 1;
  const wait = waitAfterFailures(failures);
  return { admitted: true, failures, notBefore: wait ? new Date(now.getTime() + wait) : null };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitAttempt, SIGN_IN_THROTTLE, waitAfterFailures } from './sign-in-throttle.js';

const now = new Date('2026-12-02T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

describe('waiting after failed sign-ins', () => {
  it('is free after one failure, then grows, and locks for 15 minutes from the 5th', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(waitAfterFailures)).toEqual([
      0,
      1000,
      2000,
      4000,
      15 * 60_000,
      15 * 60_000,
      15 * 60_000,
    ]);
  });

  it('never shrinks as failures add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
        expect(waitAfterFailures(n + 1)).toBeGreaterThanOrEqual(waitAfterFailures(n));
      }),
    );
  });
});

describe('admitting a sign-in attempt', () => {
  it('admits a first attempt and counts it as a failure until it succeeds', () => {
    expect(admitAttempt(null, now)).toEqual({ admitted: true, failures: 1, notBefore: null });
  });

  it('admits after the wait and sets the next, longer wait', () => {
    const row = { failures: 2, notBefore: ago(1), lastAttemptAt: ago(1001) };
    expect(admitAttempt(row, now)).toEqual({ admitted: true, failures: 3, notBefore: later(2000) });
  });

  it('refuses during the wait, telling when to try again, and whether the login is locked', () => {
    expect(admitAttempt({ failures: 3, notBefore: later(1500), lastAttemptAt: ago(500) }, now)).toEqual({
      admitted: false,
      retryAt: later(1500),
      locked: false,
    });
    expect(
      admitAttempt({ failures: 5, notBefore: later(14 * 60_000), lastAttemptAt: ago(60_000) }, now),
    ).toEqual({ admitted: false, retryAt: later(14 * 60_000), locked: true });
  });

  it('locks again at once when a locked login fails after its lock', () => {
    const row = { failures: 5, notBefore: ago(1), lastAttemptAt: ago(15 * 60_000) };
    expect(admitAttempt(row, now)).toEqual({ admitted: true, failures: 6, notBefore: later(15 * 60_000) });
  });

  it('forgets failures a day old', () => {
    const row = {
      failures: 4,
      notBefore: ago(86_000_000),
      lastAttemptAt: ago(SIGN_IN_THROTTLE.forgetAfterMs),
    };
    expect(admitAttempt(row, now)).toEqual({ admitted: true, failures: 1, notBefore: null });
  });

  it('lets at most lockAfter attempts through in any 15 minutes, however they are timed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        let row: { failures: number; notBefore: Date | null; lastAttemptAt: Date } | null = null;
        let clock = now.getTime();
        const admittedAt: number[] = [];
        for (const gap of gaps) {
          clock += gap;
          const at = new Date(clock);
          const decision = admitAttempt(row, at);
          if (!decision.admitted) continue;
          admittedAt.push(clock);
          row = { failures: decision.failures, notBefore: decision.notBefore, lastAttemptAt: at };
        }
        for (let i = SIGN_IN_THROTTLE.lockAfter; i < admittedAt.length; i++)
          expect(admittedAt[i]! - admittedAt[i - SIGN_IN_THROTTLE.lockAfter]!).toBeGreaterThanOrEqual(
            SIGN_IN_THROTTLE.lockMs,
          );
      }),
    );
  });
});

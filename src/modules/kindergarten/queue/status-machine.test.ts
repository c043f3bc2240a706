import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../../contracts/kindergarten-queue.js';
import {
  ACTIVE_STATUSES,
  assertTransition,
  canTransition,
  EPGU_STATUS,
  IllegalTransition,
  IN_QUEUE_STATUSES,
  STATUS_NAMES,
  TRANSITIONS,
} from './status-machine.js';

describe('status machine', () => {
  const status = fc.constantFrom(...APPLICATION_STATUSES);
  it('knows every status, names it, and maps it for ЕПГУ (or says it is not reported)', () => {
    for (const s of APPLICATION_STATUSES) {
      expect(TRANSITIONS[s]).toBeDefined();
      expect(STATUS_NAMES[s].ru.length).toBeGreaterThan(2);
      expect(s in EPGU_STATUS).toBe(true);
    }
  });
  it('rejects an illegal transition with the allowed ones; never a self-loop', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (from === to) expect(canTransition(from, to)).toBe(false);
        if (canTransition(from, to)) expect(() => assertTransition(from, to)).not.toThrow();
        else {
          try {
            assertTransition(from, to);
            expect.unreachable();
          } catch (err) {
            expect(err).toBeInstanceOf(IllegalTransition);
            expect((err as IllegalTransition).allowed).toEqual(TRANSITIONS[from]);
          }
        }
      }),
    );
  });
  it('archived is final; every status reaches archived; queue statuses are active', () => {
    expect(TRANSITIONS.archived).toEqual([]);
    for (const s of APPLICATION_STATUSES) {
      const seen = new Set([s]);
      const todo = [s];
      while (todo.length) {
        for (const n of TRANSITIONS[todo.pop()!]) {
          if (seen.has(n)) continue;
          seen.add(n);
          todo.push(n);
        }
      }
      expect(seen.has('archived')).toBe(true);
    }
    for (const s of IN_QUEUE_STATUSES) expect(ACTIVE_STATUSES).toContain(s);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTEST_STATES,
  isEditable,
  nextState,
  publicFiles,
  stateIndex,
  transitionRefusal,
  votingOpenAt,
  windowsError,
  type ContestPart,
  type ContestState,
} from './contest-state.js';

const state = fc.constantFrom(...CONTEST_STATES);
const part = fc.constantFrom<ContestPart>(
  'rules',
  'nominations',
  'criteria',
  'windows',
  'shortlist',
  'title',
);
const goodFacts = { nominations: 13, criteria: 3, weightSum: 100, shortlisted: 5 };

describe('contest state machine', () => {
  it('moves only to the next state, never back or across', () => {
    fc.assert(
      fc.property(state, state, (from, to) => {
        const refusal = transitionRefusal(from, to, goodFacts);
        if (stateIndex(to) === stateIndex(from) + 1) expect(refusal).toBeNull();
        else expect(refusal).toEqual({ reason: 'not_next', expected: nextState(from) });
      }),
    );
  });

  it('walks the whole lifecycle in six states and stops at published', () => {
    let s: ContestState | null = 'draft';
    const seen: ContestState[] = [];
    while (s) {
      seen.push(s);
      s = nextState(s);
    }
    expect(seen).toEqual([...CONTEST_STATES]);
  });

  it('refuses submissions without nominations, criteria or weights summing to 100, and voting without a shortlist', () => {
    expect(transitionRefusal('draft', 'submissions', { ...goodFacts, nominations: 0 })).toEqual({
      reason: 'no_nominations',
    });
    expect(transitionRefusal('draft', 'submissions', { ...goodFacts, criteria: 0 })).toEqual({
      reason: 'no_criteria',
    });
    expect(transitionRefusal('draft', 'submissions', { ...goodFacts, weightSum: 90 })).toEqual({
      reason: 'bad_weights',
    });
    expect(transitionRefusal('review', 'voting', { ...goodFacts, shortlisted: 0 })).toEqual({
      reason: 'empty_shortlist',
    });
  });

  it('freezes rules, nominations and the shortlist from voting on, and once frozen never thaws', () => {
    fc.assert(
      fc.property(state, part, (s, p) => {
        if (['rules', 'nominations', 'shortlist'].includes(p) && stateIndex(s) >= stateIndex('voting')) {
          expect(isEditable(s, p)).toBe(false);
        }
        if (!isEditable(s, p)) {
          for (const later of CONTEST_STATES.slice(stateIndex(s))) expect(isEditable(later, p)).toBe(false);
        }
      }),
    );
    expect(isEditable('review', 'nominations')).toBe(true);
  });

  it('takes votes only in voting and inside the window', () => {
    const w = { votingOpen: '2026-11-07T00:00:00+03:00', votingClose: '2026-12-08T23:59:59+03:00' };
    fc.assert(
      fc.property(state, fc.integer({ min: -40, max: 40 }), (s, days) => {
        const at = new Date(Date.parse('2026-11-20T12:00:00Z') + days * 86_400_000);
        const inside = at.getTime() >= Date.parse(w.votingOpen) && at.getTime() <= Date.parse(w.votingClose);
        expect(votingOpenAt(s, w, at)).toBe(s === 'voting' && inside);
      }),
    );
  });

  it('names the first window out of order', () => {
    const w = {
      submissionsOpen: '2026-09-01T00:00:00Z',
      submissionsClose: '2026-10-01T00:00:00Z',
      reviewOpen: '2026-10-02T00:00:00Z',
      reviewClose: '2026-11-01T00:00:00Z',
      votingOpen: '2026-11-07T00:00:00Z',
      votingClose: '2026-12-08T00:00:00Z',
    };
    expect(windowsError(w)).toBeNull();
    expect(windowsError({ ...w, reviewOpen: '2026-09-15T00:00:00Z' })).toBe('reviewOpen');
    expect(windowsError({ ...w, votingClose: 'soon' })).toBe('votingClose');
  });

  it('publishes checkpoints from voting and the log from closed', () => {
    expect(publicFiles('draft')).toEqual({ listed: false, checkpoints: false, log: false });
    expect(publicFiles('voting')).toEqual({ listed: true, checkpoints: true, log: false });
    expect(publicFiles('closed').log).toBe(true);
    expect(publicFiles('published').log).toBe(true);
  });
});

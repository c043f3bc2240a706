import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_STATUSES,
  initialAppealState,
  transition,
  WITHOUT_ANSWER_GROUNDS,
  type AppealEvent,
  type AppealState,
} from './appeal-status.js';

function run(events: AppealEvent[], from: AppealState = initialAppealState()) {
  let state = from;
  const applied: AppealEvent[] = [];
  for (const e of events) {
    const r = transition(state, e);
    if (r.ok) {
      state = r.state;
      applied.push(e);
    }
  }
  return { state, applied };
}

describe('appeal status', () => {
  it('goes registered → in work → answered → rated 2 → back to work once → answered → rated 2 → closed', () => {
    const { state } = run([{ type: 'start_work' }, { type: 'answer' }, { type: 'rate', rating: 2 }]);
    expect(state).toMatchObject({ status: 'answer_rejected', reworkUsed: true, rating: 2 });
    const again = run([{ type: 'start_work' }, { type: 'answer' }, { type: 'rate', rating: 1 }], state);
    expect(again.state).toMatchObject({ status: 'closed', rating: 1 });
  });

  it('refuses to answer what is not in work, to rate what has no answer, and a second extension', () => {
    expect(transition(initialAppealState(), { type: 'answer' }).ok).toBe(false);
    expect(transition(initialAppealState(), { type: 'rate', rating: 5 }).ok).toBe(false);
    const extended = transition(initialAppealState(), { type: 'extend' });
    expect(extended.ok && transition(extended.state, { type: 'extend' }).ok).toBe(false);
  });

  it('leaves an open appeal without answer with a ground, and nothing moves it after', () => {
    const r = transition(initialAppealState(), { type: 'leave_without_answer', ground: 'obscene_language' });
    expect(r.ok && r.state.status).toBe('left_without_answer');
  });
});

const event: fc.Arbitrary<AppealEvent> = fc.oneof(
  fc.constant({ type: 'forward' as const }),
  fc.constant({ type: 'start_work' as const }),
  fc.constant({ type: 'answer' as const }),
  fc.constant({ type: 'extend' as const }),
  fc.integer({ min: 0, max: 6 }).map((rating) => ({ type: 'rate' as const, rating })),
  fc
    .constantFrom(...WITHOUT_ANSWER_GROUNDS)
    .map((ground) => ({ type: 'leave_without_answer' as const, ground })),
);

describe('appeal status properties', () => {
  it('any sequence: at most one rework and one extension, a known status, ratings 1–5 only', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const { state, applied } = run(events);
        expect(APPEAL_STATUSES).toContain(state.status);
        expect(applied.filter((e) => e.type === 'extend').length).toBeLessThanOrEqual(1);
        const rejections = applied.filter((e) => e.type === 'rate' && e.rating < 3).length;
        const rates = applied.filter((e) => e.type === 'rate');
        // A second low rating closes: at most one rejection sends the appeal back.
        expect(rejections).toBeLessThanOrEqual(2);
        for (const r of rates) expect(r.type === 'rate' && r.rating >= 1 && r.rating <= 5).toBe(true);
        if (state.status === 'answer_rejected') expect(state.reworkUsed).toBe(true);
      }),
    );
  });

  it('closed and left without answer are final', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.array(event, { maxLength: 10 }), (before, after) => {
        const { state } = run(before);
        if (state.status !== 'closed' && state.status !== 'left_without_answer') return;
        for (const e of after) expect(transition(state, e).ok).toBe(false);
      }),
    );
  });

  it('only an answered appeal can be closed, and only by a rating', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let state = initialAppealState();
        for (const e of events) {
          const r = transition(state, e);
          if (!r.ok) continue;
          if (r.state.status === 'closed')
            expect(state.status === 'answered' && e.type === 'rate').toBe(true);
          if (r.state.status === 'answered') expect(state.status).toBe('in_work');
          state = r.state;
        }
      }),
    );
  });
});

describe('the «устранено» survey', () => {
  const withSurvey: fc.Arbitrary<AppealEvent> = fc.oneof(
    event,
    fc.constant({ type: 'survey_not_fixed' as const }),
  );

  it('a «нет» reopens an answered or closed appeal once, back to work', () => {
    const answered = run([{ type: 'start_work' }, { type: 'answer' }]).state;
    const reopened = transition(answered, { type: 'survey_not_fixed' });
    expect(reopened.ok && reopened.state).toMatchObject({ status: 'in_work', surveyReopened: true });
    const closed = run([{ type: 'rate', rating: 5 }], answered).state;
    expect(transition(closed, { type: 'survey_not_fixed' }).ok).toBe(true);
    const again = run([{ type: 'answer' }], reopened.ok ? reopened.state : answered).state;
    expect(transition(again, { type: 'survey_not_fixed' }).ok).toBe(false);
    expect(transition(initialAppealState(), { type: 'survey_not_fixed' }).ok).toBe(false);
  });

  it('any sequence: the survey reopens at most once, only from answered or closed', () => {
    fc.assert(
      fc.property(fc.array(withSurvey, { maxLength: 40 }), (events) => {
        let state = initialAppealState();
        let reopens = 0;
        for (const e of events) {
          const r = transition(state, e);
          if (!r.ok) continue;
          if (e.type === 'survey_not_fixed') {
            reopens += 1;
            expect(['answered', 'closed']).toContain(state.status);
            expect(r.state.status).toBe('in_work');
          }
          state = r.state;
        }
        expect(reopens).toBeLessThanOrEqual(1);
        expect(APPEAL_STATUSES).toContain(state.status);
      }),
    );
  });
});

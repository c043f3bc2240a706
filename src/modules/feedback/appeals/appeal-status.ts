/**
 * The life of an appeal as a pure state machine. Every change the service stores goes through
 * `transition`, so an impossible step (answering a closed appeal, a second rework) is refused the
 * same way everywhere.
 */
export const APPEAL_STATUSES = [
  'registered',
  'forwarded',
  'in_work',
  'answered',
  'answer_rejected',
  'closed',
  'left_without_answer',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * Grounds to leave an appeal without an answer on the merits, 59-ФЗ ст. 11: no name or address for the
 * answer (ч. 1), obscene or offensive language or threats (ч. 3), unreadable text (ч. 4), text whose
 * essence cannot be made out (ч. 4.1), a question already answered on the merits with no new
 * arguments (ч. 5), an answer that would disclose a state secret (ч. 6).
 */
export const WITHOUT_ANSWER_GROUNDS = [
  'no_name_or_address',
  'obscene_language',
  'unreadable_text',
  'essence_unclear',
  'repeated_question',
  'state_secret',
] as const;
export type WithoutAnswerGround = (typeof WITHOUT_ANSWER_GROUNDS)[number];

export const GROUND_ARTICLE: Record<WithoutAnswerGround, string> = {
  no_name_or_address: '59-ФЗ ст. 11 ч. 1',
  obscene_language: '59-ФЗ ст. 11 ч. 3',
  unreadable_text: '59-ФЗ ст. 11 ч. 4',
  essence_unclear: '59-ФЗ ст. 11 ч. 4.1',
  repeated_question: '59-ФЗ ст. 11 ч. 5',
  state_secret: '59-ФЗ ст. 11 ч. 6',
};

export interface AppealState {
  status: AppealStatus;
  /** The citizen already sent one answer back: a second low rating closes the appeal. */
  reworkUsed: boolean;
  extended: boolean;
  rating: number | null;
  /** The «устранено» survey's «нет» already reopened the appeal once. */
  surveyReopened?: boolean;
}

export type AppealEvent =
  | { type: 'forward' }
  | { type: 'start_work' }
  | { type: 'answer' }
  | { type: 'extend' }
  | { type: 'rate'; rating: number }
  | { type: 'leave_without_answer'; ground: WithoutAnswerGround }
  /** The citizen says a problem the answer called «устранено» is not fixed: back to work, once. */
  | { type: 'survey_not_fixed' };

export type TransitionResult = { ok: true; state: AppealState } | { ok: false; reason: string };

const OPEN: readonly AppealStatus[] = ['registered', 'forwarded', 'in_work', 'answer_rejected'];

export const initialAppealState = (): AppealState => ({
  status: 'registered',
  reworkUsed: false,
  extended: false,
  rating: null,
});

export const isOpen = (status: AppealStatus) => OPEN.includes(status);

/** The rating from which an answer is accepted; below it, the appeal goes back to work once. */
export const LOWEST_ACCEPTED_RATING = 3;

export function transition(state: AppealState, event: AppealEvent): TransitionResult {
  const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
  const to = (patch: Partial<AppealState>): TransitionResult => ({ ok: true, state: { ...state, ...patch } });
  const { status } = state;
  switch (event.type) {
    case 'forward':
      return status === 'registered' || status === 'in_work'
        ? to({ status: 'forwarded' })
        : refuse(`An appeal ${status} cannot be forwarded.`);
    case 'start_work':
      return status === 'registered' || status === 'forwarded' || status === 'answer_rejected'
        ? to({ status: 'in_work' })
        : refuse(`An appeal ${status} cannot be taken into work.`);
    case 'answer':
      return status === 'in_work'
        ? to({ status: 'answered' })
        : refuse(`An appeal ${status} cannot be answered.`);
    case 'extend':
      if (!isOpen(status)) return refuse(`An appeal ${status} has no deadline to extend.`);
      return state.extended ? refuse('The answer limit was already extended once.') : to({ extended: true });
    case 'rate': {
      if (!Number.isInteger(event.rating) || event.rating < 1 || event.rating > 5)
        return refuse('A rating is a whole number from 1 to 5.');
      if (status !== 'answered') return refuse(`An appeal ${status} has no answer to rate.`);
      if (event.rating < LOWEST_ACCEPTED_RATING && !state.reworkUsed)
        return to({ status: 'answer_rejected', reworkUsed: true, rating: event.rating });
      return to({ status: 'closed', rating: event.rating });
    }
    case 'leave_without_answer':
      return isOpen(status)
        ? to({ status: 'left_without_answer' })
        : refuse(`An appeal ${status} cannot be left without an answer.`);
    case 'survey_not_fixed':
      if (status !== 'answered' && status !== 'closed')
        return refuse(`An appeal ${status} has no answer to reopen.`);
      return state.surveyReopened
        ? refuse('The survey already reopened this appeal once.')
        : to({ status: 'in_work', surveyReopened: true });
  }
}

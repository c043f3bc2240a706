/**
 * The contest's lifecycle (issue 18): draft → submissions → review → voting → closed → published.
 * Pure, so the service, the open data and the tests share one answer to «may this happen now?».
 */
export const CONTEST_STATES = ['draft', 'submissions', 'review', 'voting', 'closed', 'published'] as const;
export type ContestState = (typeof CONTEST_STATES)[number];

/** What an organiser may change on a contest; each part freezes at its own state. */
export type ContestPart = 'rules' | 'nominations' | 'criteria' | 'windows' | 'shortlist' | 'title';

export interface ContestWindows {
  submissionsOpen: string;
  submissionsClose: string;
  reviewOpen: string;
  reviewClose: string;
  votingOpen: string;
  votingClose: string;
}

export function stateIndex(state: ContestState): number {
  return CONTEST_STATES.indexOf(state);
}

/** The only move from a state is to the next one: no skipping, no going back. */
export function nextState(state: ContestState): ContestState | null {
  return CONTEST_STATES[stateIndex(state) + 1] ?? null;
}

export type TransitionRefusal =
  | { reason: 'not_next'; expected: ContestState | null }
  | { reason: 'no_nominations' }
  | { reason: 'no_criteria' }
  | { reason: 'empty_shortlist' }
  | { reason: 'bad_weights' };

export interface TransitionFacts {
  nominations: number;
  criteria: number;
  /** Sum of the criteria weights; must be 100 before submissions open. */
  weightSum: number;
  /** Shortlisted practices over all nominations. */
  shortlisted: number;
}

/** Decides whether a contest may move from `from` to `to` given what it holds; null when it may. */
export function transitionRefusal(
  from: ContestState,
  to: ContestState,
  facts: TransitionFacts,
): TransitionRefusal | null {
  const expected = nextState(from);
  if (to !== expected) return { reason: 'not_next', expected };
  if (to === 'submissions') {
    if (facts.nominations === 0) return { reason: 'no_nominations' };
    if (facts.criteria === 0) return { reason: 'no_criteria' };
    if (facts.weightSum !== 100) return { reason: 'bad_weights' };
  }
  if (to === 'voting' && facts.shortlisted === 0) return { reason: 'empty_shortlist' };
  return null;
}

/**
 * Whether a part may still be edited. Rules, nominations and the shortlist freeze when voting opens
 * (the ballot must not change under the voters); criteria freeze once experts may score (review).
 */
export function isEditable(state: ContestState, part: ContestPart): boolean {
  const i = stateIndex(state);
  switch (part) {
    case 'criteria':
      return i < stateIndex('review');
    case 'rules':
    case 'nominations':
    case 'shortlist':
    case 'windows':
      return i < stateIndex('voting');
    case 'title':
      return i < stateIndex('closed');
  }
}

/** Windows must follow one another: submissions, then review, then voting, each opening before closing. */
export function windowsError(w: ContestWindows): keyof ContestWindows | null {
  const order: (keyof ContestWindows)[] = [
    'submissionsOpen',
    'submissionsClose',
    'reviewOpen',
    'reviewClose',
    'votingOpen',
    'votingClose',
  ];
  let last = -Infinity;
  for (const key of order) {
    const t = Date.parse(w[key]);
    if (!Number.isFinite(t) || t < last) return key;
    last = t;
  }
  return null;
}

/** A vote counts only in `voting` and inside the voting window. */
export function votingOpenAt(
  state: ContestState,
  w: Pick<ContestWindows, 'votingOpen' | 'votingClose'>,
  at: Date,
): boolean {
  const t = at.getTime();
  return state === 'voting' && t >= Date.parse(w.votingOpen) && t <= Date.parse(w.votingClose);
}

/** Which open-data files exist in a state (spec: checkpoints from voting, log and results from closed). */
export function publicFiles(state: ContestState): { listed: boolean; checkpoints: boolean; log: boolean } {
  const i = stateIndex(state);
  return {
    listed: i >= stateIndex('submissions'),
    checkpoints: i >= stateIndex('voting'),
    log: i >= stateIndex('closed'),
  };
}

import crypto from 'node:crypto';
import type { z } from 'zod';
import type {
  Contest,
  createContestSchema,
  nominationsSchema,
  updateContestSchema,
} from '../../contracts/contests.js';
import { recordAudit, type Actor } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Executor } from '../../platform/db/transaction.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import {
  isEditable,
  transitionRefusal,
  windowsError,
  type ContestPart,
  type ContestState,
  type ContestWindows,
} from './domain/contest-state.js';
import * as q from './queries.js';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export const fieldProblem = (
  status: number,
  code: string,
  field: string,
  message: string,
  expected?: string,
) => new HttpProblem(status, code, message, { errors: [{ field, message, expected }] });

export function windowsOf(row: q.ContestRow): ContestWindows {
  return {
    submissionsOpen: iso(row.submissions_open),
    submissionsClose: iso(row.submissions_close),
    reviewOpen: iso(row.review_open),
    reviewClose: iso(row.review_close),
    votingOpen: iso(row.voting_open),
    votingClose: iso(row.voting_close),
  };
}

export async function loadContest(db: Executor, id: string, forUpdate = false): Promise<q.ContestRow> {
  const row = await q.contestById(db, id, forUpdate);
  if (!row) throw notFound('Contest');
  return row;
}

/** The organiser's view: everything, with the actions the state allows. */
export async function contestView(db: Executor, row: q.ContestRow): Promise<Contest> {
  const parts = await q.contestParts(db, row.id);
  const state = row.state;
  const actions: string[] = [];
  for (const part of ['title', 'rules', 'windows', 'criteria', 'nominations', 'shortlist'] as ContestPart[])
    if (isEditable(state, part)) actions.push(`edit.${part}`);
  return {
    id: row.id,
    title: row.title,
    rules: row.rules,
    state,
    windows: windowsOf(row),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    directions: parts.directions.map((d) => ({ code: d.code, title: d.title })),
    criteria: parts.criteria.map((c) => ({
      code: c.code,
      title: c.title,
      weight: c.weight,
      maxScore: c.max_score,
    })),
    nominations: parts.nominations.map((n) => ({
      id: n.id,
      directionCode: n.direction_code,
      title: n.title,
      position: n.position,
      topicCode: n.topic_code,
      topicCount: n.topic_count,
      topicShare: n.topic_share === null ? null : Number(n.topic_share),
    })),
    permittedActions: actions,
  };
}

function checkWindows(w: ContestWindows) {
  const bad = windowsError(w);
  if (bad)
    throw fieldProblem(
      422,
      'invalid-field',
      `body.windows.${bad}`,
      'windows must follow one another',
      'submissions ≤ review ≤ voting, each opening before it closes',
    );
}

function checkCriteria(criteria: { code: string }[]) {
  const codes = new Set(criteria.map((c) => c.code));
  if (codes.size !== criteria.length)
    throw fieldProblem(422, 'invalid-field', 'body.criteria', 'a criterion code is listed twice');
}

function frozen(part: ContestPart, state: ContestState) {
  return fieldProblem(409, 'frozen', `body.${part}`, `the ${part} can no longer change in state ${state}`);
}

export async function createContest(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createContestSchema>,
): Promise<Contest> {
  checkWindows(input.windows);
  checkCriteria(input.criteria);
  return inTransaction(db, async (tx) => {
    if (await q.contestById(tx, input.id))
      throw fieldProblem(409, 'conflict', 'body.id', 'a contest with this id exists');
    await q.insertContest(tx, {
      id: input.id,
      title: input.title,
      rules: input.rules,
      windows: { ...input.windows },
      createdBy: actor.userId,
      voterKey: crypto.randomBytes(32).toString('hex'),
    });
    await q.replaceDirections(tx, input.id, input.directions);
    await q.replaceCriteria(tx, input.id, input.criteria);
    await recordAudit(tx, actor, {
      action: 'contests.contest.created',
      subjectType: 'contest',
      subjectId: input.id,
      summary: { directions: input.directions.map((d) => d.code), criteria: input.criteria.length },
    });
    return contestView(tx, (await q.contestById(tx, input.id))!);
  });
}

export async function updateContest(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateContestSchema>,
): Promise<Contest> {
  return inTransaction(db, async (tx) => {
    const row = await loadContest(tx, id, true);
    const state = row.state;
    const changed: string[] = [];
    if (input.title !== undefined && !isEditable(state, 'title')) throw frozen('title', state);
    if (input.rules !== undefined && !isEditable(state, 'rules')) throw frozen('rules', state);
    if (input.windows !== undefined && !isEditable(state, 'windows')) throw frozen('windows', state);
    if (input.criteria !== undefined && !isEditable(state, 'criteria')) throw frozen('criteria', state);
    if (input.directions !== undefined && !isEditable(state, 'nominations'))
      throw frozen('nominations', state);
    if (input.windows) checkWindows(input.windows);
    if (input.criteria) checkCriteria(input.criteria);
    if (input.title !== undefined && input.title !== row.title) changed.push('title');
    if (input.rules !== undefined && input.rules !== row.rules) changed.push('rules');
    if (input.windows) changed.push('windows');
    await q.updateContestFields(tx, id, { title: input.title, rules: input.rules, windows: input.windows });
    if (input.directions) {
      await q.replaceDirections(tx, id, input.directions);
      changed.push('directions');
    }
    if (input.criteria) {
      await q.replaceCriteria(tx, id, input.criteria);
      changed.push('criteria');
    }
    await recordAudit(tx, actor, {
      action: 'contests.contest.updated',
      subjectType: 'contest',
      subjectId: id,
      summary: { changed, state },
    });
    return contestView(tx, (await q.contestById(tx, id))!);
  });
}

export async function setNominations(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof nominationsSchema>,
): Promise<Contest> {
  return inTransaction(db, async (tx) => {
    const row = await loadContest(tx, id, true);
    if (!isEditable(row.state, 'nominations')) throw frozen('nominations', row.state);
    const ids = new Set(input.nominations.map((n) => n.id));
    if (ids.size !== input.nominations.length)
      throw fieldProblem(422, 'invalid-field', 'body.nominations', 'a nomination id is listed twice');
    const { directions } = await q.contestParts(tx, id);
    const known = new Set(directions.map((d) => d.code));
    for (const [i, n] of input.nominations.entries())
      if (!known.has(n.directionCode))
        throw fieldProblem(
          422,
          'invalid-field',
          `body.nominations.${i}.directionCode`,
          'no such direction in this contest',
          [...known].join(', '),
        );
    const used = await q.nominationsInUse(tx, id);
    const dropped = used.filter((u) => !ids.has(u));
    if (dropped.length > 0)
      throw fieldProblem(
        409,
        'conflict',
        'body.nominations',
        `practices were submitted to ${dropped.join(', ')}`,
        'keep those nominations',
      );
    await q.replaceNominations(tx, id, input.nominations);
    await recordAudit(tx, actor, {
      action: 'contests.nominations.set',
      subjectType: 'contest',
      subjectId: id,
      summary: {
        nominations: input.nominations.map((n) => ({ id: n.id, topic: n.topicCode })),
      },
    });
    return contestView(tx, row);
  });
}

/** Moves the contest to its next state through the pure machine; closing writes the last checkpoint. */
export async function transition(
  db: Db,
  actor: Actor,
  id: string,
  to: ContestState,
  now = new Date(),
): Promise<Contest> {
  return inTransaction(db, async (tx) => {
    const row = await loadContest(tx, id, true);
    const parts = await q.contestParts(tx, id);
    const refusal = transitionRefusal(row.state, to, {
      nominations: parts.nominations.length,
      criteria: parts.criteria.length,
      weightSum: parts.criteria.reduce((s, c) => s + c.weight, 0),
      shortlisted: await q.shortlistedCount(tx, id),
    });
    if (refusal) {
      const messages: Record<string, string> = {
        not_next: `the next state after ${row.state} is ${'expected' in refusal ? refusal.expected : ''}`,
        no_nominations: 'add nominations first',
        no_criteria: 'add criteria first',
        bad_weights: 'the criteria weights must sum to 100',
        empty_shortlist: 'shortlist practices first',
      };
      throw fieldProblem(409, 'transition-refused', 'body.to', messages[refusal.reason]!, refusal.reason);
    }
    const closing = to === 'closed';
    await q.updateContestFields(tx, id, { state: to, ...(closing ? { closedAt: now } : {}) });
    if (closing) {
      const h = await q.lockHead(tx, id);
      if (h.seq > 0) await q.insertCheckpoint(tx, id, { seq: h.seq, hash: h.hash, at: now });
    }
    await recordAudit(tx, actor, {
      action: 'contests.contest.transition',
      subjectType: 'contest',
      subjectId: id,
      summary: { from: row.state, to },
    });
    return contestView(tx, (await q.contestById(tx, id))!);
  });
}

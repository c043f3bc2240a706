import crypto from 'node:crypto';
import type { Practice, PracticeInput } from '../../contracts/contests.js';
import { recordAudit, type Actor } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { isEditable } from './domain/contest-state.js';
import { fieldProblem, loadContest } from './contest-service.js';
import * as q from './queries.js';

async function toPractices(db: Executor, contestId: string, rows: q.PracticeRow[]): Promise<Practice[]> {
  const docs = await q.documentsOf(
    db,
    contestId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    contestId: r.contest_id,
    nominationId: r.nomination_id,
    submitterKind: r.submitter_kind,
    organisationId: r.organisation_id,
    regionCode: r.region_code,
    title: r.title,
    problem: r.problem,
    solution: r.solution,
    results: r.results,
    resultFigures: r.result_figures as Practice['resultFigures'],
    periodFrom: r.period_from,
    periodTo: r.period_to,
    worksAt: r.works_at,
    contacts: r.contacts,
    status: r.status,
    moderationReason: r.moderation_reason,
    shortlisted: r.shortlisted,
    documents: docs
      .filter((d) => d.practice_id === r.id)
      .map((d) => ({ id: Number(d.id), name: d.name, mediaType: d.media_type })),
  }));
}

export async function practiceView(db: Executor, row: q.PracticeRow): Promise<Practice> {
  return (await toPractices(db, row.contest_id, [row]))[0]!;
}

export async function listPractices(
  db: Db,
  contestId: string,
  f: { status?: string; nominationId?: string },
) {
  await loadContest(db, contestId);
  return toPractices(db, contestId, await q.listPractices(db, contestId, f));
}

export async function myPractices(db: Db, userId: string) {
  const rows = await q.myPractices(db, userId);
  const out: Practice[] = [];
  for (const contestId of new Set(rows.map((r) => r.contest_id)))
    out.push(
      ...(await toPractices(
        db,
        contestId,
        rows.filter((r) => r.contest_id === contestId),
      )),
    );
  return out;
}

/** An admitted practice as the public sees it (no contacts of a draft, nothing not admitted). */
export async function publicPractice(db: Db, contestId: string, practiceId: string) {
  const row = await q.practiceById(db, contestId, practiceId);
  if (!row || row.status !== 'admitted') throw notFound('Practice');
  return practiceView(db, row);
}

async function checkInput(tx: Executor, contestId: string, p: PracticeInput) {
  const { nominations } = await q.contestParts(tx, contestId);
  if (!nominations.some((n) => n.id === p.nominationId))
    throw fieldProblem(
      422,
      'invalid-field',
      'body.nominationId',
      'no such nomination in this contest',
      nominations.map((n) => n.id).join(', '),
    );
  if (p.organisationId !== null && !(await q.organisationExists(tx, p.organisationId)))
    throw fieldProblem(422, 'invalid-field', 'body.organisationId', 'no such organisation');
  if (p.periodFrom && p.periodTo && p.periodFrom > p.periodTo)
    throw fieldProblem(422, 'invalid-field', 'body.periodTo', 'the period ends before it begins');
}

function checkComplete(p: PracticeInput) {
  const missing = (['problem', 'solution', 'periodFrom'] as const).find((k) => !p[k]);
  if (missing) throw fieldProblem(422, 'invalid-field', `body.${missing}`, 'required to submit');
}

async function openForSubmissions(tx: Executor, contestId: string) {
  const contest = await loadContest(tx, contestId, true);
  if (contest.state !== 'submissions')
    throw fieldProblem(
      409,
      'not-open',
      'params.contestId',
      `submissions are not open (state ${contest.state})`,
      'submissions',
    );
  return contest;
}

/** A draft (or, with `submit`, a submitted practice) of the caller. */
export async function createPractice(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  p: PracticeInput,
  submit: boolean,
) {
  return inTransaction(db, async (tx) => {
    await openForSubmissions(tx, contestId);
    await checkInput(tx, contestId, p);
    if (submit) checkComplete(p);
    const id = await q.nextPracticeId(tx, contestId);
    await tx
      .insertInto('contest_practice')
      .values({
        contest_id: contestId,
        id,
        submitted_by: actor.userId,
        ...q.practiceValues(p),
        status: submit ? 'submitted' : 'draft',
      })
      .execute();
    await recordAudit(tx, actor, {
      action: submit ? 'contests.practice.submitted' : 'contests.practice.drafted',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${id}`,
      summary: { nomination: p.nominationId, region: p.regionCode },
    });
    return practiceView(tx, (await q.practiceById(tx, contestId, id))!);
  });
}

async function ownDraft(tx: Executor, contestId: string, practiceId: string, userId: string) {
  const row = await q.practiceById(tx, contestId, practiceId, true);
  if (!row || row.submitted_by !== userId) throw notFound('Practice');
  if (row.status !== 'draft')
    throw fieldProblem(409, 'conflict', 'params.practiceId', 'the practice is no longer a draft', 'a draft');
  return row;
}

export async function updateDraft(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  practiceId: string,
  p: PracticeInput,
  submit: boolean,
) {
  return inTransaction(db, async (tx) => {
    await openForSubmissions(tx, contestId);
    await ownDraft(tx, contestId, practiceId, actor.userId);
    await checkInput(tx, contestId, p);
    if (submit) checkComplete(p);
    await tx
      .updateTable('contest_practice')
      .set({ ...q.practiceValues(p), status: submit ? 'submitted' : 'draft', updated_at: new Date() })
      .where('contest_id', '=', contestId)
      .where('id', '=', practiceId)
      .execute();
    await recordAudit(tx, actor, {
      action: submit ? 'contests.practice.submitted' : 'contests.practice.draft_saved',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${practiceId}`,
      summary: { nomination: p.nominationId },
    });
    return practiceView(tx, (await q.practiceById(tx, contestId, practiceId))!);
  });
}

/** The media type the bytes themselves say (magic numbers), or null: a name or a header proves nothing. */
export function sniffDocument(bytes: Buffer): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export async function addDocument(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  practiceId: string,
  doc: { name: string; contentBase64: string },
) {
  const bytes = Buffer.from(doc.contentBase64, 'base64');
  const mediaType = sniffDocument(bytes);
  if (!mediaType || bytes.length > 10 * 1024 * 1024)
    throw fieldProblem(
      422,
      'invalid-field',
      'body.contentBase64',
      'not a PDF, PNG or JPEG file of at most 10 MB',
      'a PDF document or a PNG/JPEG photo',
    );
  return inTransaction(db, async (tx) => {
    await ownDraft(tx, contestId, practiceId, actor.userId);
    const row = await tx
      .insertInto('contest_practice_file')
      .values({
        contest_id: contestId,
        practice_id: practiceId,
        name: doc.name,
        media_type: mediaType,
        content: bytes,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'contests.practice.document_added',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${practiceId}`,
      summary: { fileId: Number(row.id), mediaType, bytes: bytes.length },
    });
    return practiceView(tx, (await q.practiceById(tx, contestId, practiceId))!);
  });
}

/** The organiser admits or rejects a submitted practice, with a reason either way. */
export async function moderate(
  db: Db,
  actor: Actor,
  contestId: string,
  practiceId: string,
  m: { decision: 'admit' | 'reject'; reason: string },
) {
  return inTransaction(db, async (tx) => {
    const contest = await loadContest(tx, contestId, true);
    if (contest.state !== 'submissions' && contest.state !== 'review')
      throw fieldProblem(
        409,
        'not-open',
        'params.contestId',
        `moderation is closed (state ${contest.state})`,
        'submissions or review',
      );
    const row = await q.practiceById(tx, contestId, practiceId, true);
    if (!row) throw notFound('Practice');
    if (row.status === 'draft')
      throw fieldProblem(
        409,
        'conflict',
        'params.practiceId',
        'a draft is not submitted yet',
        'a submitted practice',
      );
    const status = m.decision === 'admit' ? 'admitted' : 'rejected';
    await tx
      .updateTable('contest_practice')
      .set({
        status,
        moderation_reason: m.reason,
        moderated_by: actor.userId,
        moderated_at: new Date(),
        shortlisted: status === 'admitted' ? row.shortlisted : false,
        updated_at: new Date(),
      })
      .where('contest_id', '=', contestId)
      .where('id', '=', practiceId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'contests.practice.moderated',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${practiceId}`,
      summary: { from: row.status, to: status, reason: m.reason },
    });
    return practiceView(tx, (await q.practiceById(tx, contestId, practiceId))!);
  });
}

/** The organiser's shortlist of one nomination (replaced whole); frozen once voting opens. */
export async function setShortlist(
  db: Db,
  actor: Actor,
  contestId: string,
  s: { nominationId: string; practiceIds: string[] },
) {
  return inTransaction(db, async (tx) => {
    const contest = await loadContest(tx, contestId, true);
    if (!isEditable(contest.state, 'shortlist') || contest.state === 'draft')
      throw fieldProblem(
        409,
        'frozen',
        'body.practiceIds',
        `the shortlist cannot change in state ${contest.state}`,
      );
    const { nominations } = await q.contestParts(tx, contestId);
    if (!nominations.some((n) => n.id === s.nominationId))
      throw fieldProblem(422, 'invalid-field', 'body.nominationId', 'no such nomination in this contest');
    const rows = await q.listPractices(tx, contestId, { nominationId: s.nominationId });
    for (const [i, id] of s.practiceIds.entries()) {
      const p = rows.find((r) => r.id === id);
      if (!p)
        throw fieldProblem(
          422,
          'invalid-field',
          `body.practiceIds.${i}`,
          `${id} is not a practice of nomination ${s.nominationId}`,
        );
      if (p.status !== 'admitted')
        throw fieldProblem(422, 'invalid-field', `body.practiceIds.${i}`, `${id} is not admitted`);
    }
    await tx
      .updateTable('contest_practice')
      .set({ shortlisted: false })
      .where('contest_id', '=', contestId)
      .where('nomination_id', '=', s.nominationId)
      .execute();
    if (s.practiceIds.length > 0)
      await tx
        .updateTable('contest_practice')
        .set({ shortlisted: true })
        .where('contest_id', '=', contestId)
        .where('id', 'in', s.practiceIds)
        .execute();
    await recordAudit(tx, actor, {
      action: 'contests.shortlist.set',
      subjectType: 'contest',
      subjectId: contestId,
      summary: { nomination: s.nominationId, practices: s.practiceIds },
    });
    return toPractices(tx, contestId, await q.listPractices(tx, contestId, { nominationId: s.nominationId }));
  });
}

import type { PublicAnswer } from '../../../contracts/feedback.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { appealById, citizenName } from '../appeals/queries.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { regionDay } from '../calendar/region-today.js';
import { insertPublicAnswer, publicAnswers, publishedAnswerOf } from './archive-queries.js';
import { redact } from './redact.js';

const PUBLISHABLE = new Set(['answered', 'closed']);

/**
 * The public archive of answers to questions of general interest (59-ФЗ ст. 10 ч. 4): an operator
 * publishes an answered appeal's question and answer with personal data removed. The server redacts
 * what the operator sends too, so a name they missed does not reach the archive.
 */
export class ArchiveService {
  constructor(private readonly db: Db) {}

  /** The appeal's texts with personal data removed, for the operator to check before publishing. */
  async preview(appealId: number) {
    const row = await appealById(this.db, appealId);
    if (!row) throw notFound('Appeal');
    const author = await citizenName(this.db, row.owner_user_id);
    return { question: redact(row.text, [author]), answer: redact(row.answer_text ?? '', [author]) };
  }

  async publish(
    actor: Actor & { userId: string },
    appealId: number,
    edited: { question?: string; answer?: string },
  ) {
    return inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      if (!PUBLISHABLE.has(row.status) || !row.answer_text)
        throw conflict('Only an answered appeal is published; this one has no answer yet.');
      if (await publishedAnswerOf(tx, appealId)) throw conflict('This answer is already in the archive.');
      const author = await citizenName(tx, row.owner_user_id);
      const question = redact(edited.question ?? row.text, [author]);
      const answer = redact(edited.answer ?? row.answer_text, [author]);
      const { id } = await insertPublicAnswer(tx, {
        appeal_id: String(appealId),
        category_code: row.category_code,
        organisation_id: row.organisation_id,
        municipality_id: row.municipality_id,
        question,
        answer,
        registered_on: String(row.registered_on),
        answered_on: regionDay(new Date(row.answered_at!)),
        published_by: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'feedback.answer.published',
        subjectType: 'feedback_appeal',
        subjectId: String(appealId),
        municipalityId: row.municipality_id,
        summary: {
          number: row.number,
          publicAnswerId: id,
          edited: edited.question !== undefined || edited.answer !== undefined,
        },
      });
      return { id };
    });
  }

  async list(q: { q?: string; categoryCode?: string; page: number; pageSize: number }) {
    const { total, items } = await publicAnswers(this.db, {
      text: q.q,
      categoryCode: q.categoryCode,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: items.map((r): PublicAnswer => {
        const leaf = CATEGORIES.leaf(r.category_code);
        return {
          id: r.id,
          categoryCode: r.category_code,
          categoryRu: leaf?.ru ?? r.category_code,
          categoryEn: leaf?.en ?? r.category_code,
          organisationName: r.organisation_name ?? null,
          question: r.question,
          answer: r.answer,
          registeredOn: String(r.registered_on).slice(0, 10),
          answeredOn: String(r.answered_on).slice(0, 10),
          publishedAt: new Date(r.published_at).toISOString(),
        };
      }),
    };
  }
}

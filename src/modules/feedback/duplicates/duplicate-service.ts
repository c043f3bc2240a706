import type { SimilarAppeal } from '../../../contracts/feedback.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { invalidField } from '../../../platform/http/problem.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { APPEAL_STATUSES, isOpen, type AppealStatus } from '../appeals/appeal-status.js';
import { duplicateCandidates, linkedAppeals, type CandidateRow } from './queries.js';
import {
  boundingBox,
  jaccard,
  rankDuplicates,
  textStems,
  type DuplicateRules,
  type DuplicateSubject,
  type Point,
} from './similarity.js';

export interface DuplicateQuery {
  categoryCode: string;
  organisationId?: number | null;
  point?: Point | null;
  text: string;
  /** The subject's day of registration (today for one not yet filed). */
  registeredOn: string;
}

const OPEN_STATUSES = APPEAL_STATUSES.filter(isOpen);
/** How many similar appeals the form and the staff page show. */
export const SIMILAR_LIMIT = 5;

const round2 = (x: number) => Math.round(x * 100) / 100;

function subjectOf(row: {
  category_code: string;
  organisation_id: number | null;
  lat: number | null;
  lon: number | null;
  registered_on: string;
  text: string;
}): DuplicateSubject {
  return {
    categoryCode: row.category_code,
    organisationId: row.organisation_id,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    registeredOn: row.registered_on,
    stems: textStems(row.text),
  };
}

/** What anyone who may see that a similar appeal exists sees of it: no author, text or answer. */
function publicView(row: CandidateRow, similarity: number, distance: number | null): SimilarAppeal {
  const leaf = CATEGORIES.leaf(row.category_code);
  return {
    id: Number(row.id),
    number: row.number,
    categoryCode: row.category_code,
    categoryRu: leaf?.ru ?? row.category_code,
    categoryEn: leaf?.en ?? row.category_code,
    organisationName: row.organisation_name,
    status: row.status as AppealStatus,
    registeredOn: row.registered_on,
    answerDue: row.answer_due,
    similarity: round2(similarity),
    distanceMetres: distance === null ? null : Math.round(distance),
  };
}

/** Possible duplicates by the configured rules, and the links citizens made by joining. */
export class DuplicateFinder {
  constructor(readonly rules: DuplicateRules) {}

  /** Appeals (open ones by default) that the rules call duplicates of `q`, most similar first. */
  async similar(
    db: Executor,
    q: DuplicateQuery,
    opts: { statuses?: readonly string[]; excludeIds?: readonly string[]; limit?: number } = {},
  ): Promise<SimilarAppeal[]> {
    const subject = subjectOf({
      category_code: q.categoryCode,
      organisation_id: q.organisationId ?? null,
      lat: q.point?.lat ?? null,
      lon: q.point?.lon ?? null,
      registered_on: q.registeredOn,
      text: q.text,
    });
    if (subject.stems.size === 0) return [];
    const rows = await duplicateCandidates(db, {
      categoryCode: q.categoryCode,
      organisationId: subject.organisationId,
      box: subject.point ? boundingBox(subject.point, this.rules.radiusMetres) : null,
      from: addDays(q.registeredOn, -this.rules.windowDays),
      to: addDays(q.registeredOn, this.rules.windowDays),
      statuses: opts.statuses ?? OPEN_STATUSES,
      excludeIds: opts.excludeIds ?? [],
    });
    const ranked = rankDuplicates(
      subject,
      rows.map((row) => ({ ...subjectOf(row), row })),
      this.rules,
      opts.limit ?? SIMILAR_LIMIT,
    );
    return ranked.map(({ candidate, match }) =>
      publicView(candidate.row, match.similarity, match.distanceMetres),
    );
  }

  /**
   * «Присоединиться к обращению»: the appeal joined must be one the rules offer for this input
   * (open, similar, near, recent) — anything else is the same 422, so an id reveals nothing.
   */
  async assertJoinable(db: Executor, q: DuplicateQuery, duplicateOfId: number): Promise<void> {
    const offered = await this.similar(db, q, { limit: 500 });
    if (!offered.some((s) => s.id === duplicateOfId))
      throw invalidField(
        'body.duplicateOfId',
        'This appeal cannot be joined: it is not an open similar appeal.',
        'an id from POST /api/my/feedback/appeals/similar',
      );
  }

  /** The staff page: appeals linked by joining, and possible duplicates (any status) not linked. */
  async forStaff(
    db: Executor,
    row: {
      id: string;
      category_code: string;
      organisation_id: number | null;
      lat: number | null;
      lon: number | null;
      registered_on: string;
      text: string;
      duplicate_of_id: string | null;
    },
  ) {
    const linkedRows = await linkedAppeals(db, row.id, row.duplicate_of_id);
    const me = subjectOf(row);
    const linked = linkedRows.map((l) => {
      const relation =
        l.id === row.duplicate_of_id
          ? ('joined' as const)
          : l.duplicate_of_id === row.id
            ? ('joined_by' as const)
            : ('sibling' as const);
      return { ...publicView(l, jaccard(me.stems, textStems(l.text)), null), relation };
    });
    const possible = await this.similar(
      db,
      {
        categoryCode: row.category_code,
        organisationId: row.organisation_id,
        point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
        text: row.text,
        registeredOn: row.registered_on,
      },
      { statuses: APPEAL_STATUSES, excludeIds: [row.id, ...linkedRows.map((l) => l.id)] },
    );
    return { linked, possible };
  }
}

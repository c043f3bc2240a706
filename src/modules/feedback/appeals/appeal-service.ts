import crypto from 'node:crypto';
import {
  APPEAL_PHOTO_MEDIA_TYPES,
  appealUrl,
  MAX_APPEAL_PHOTO_BYTES,
  MAX_APPEAL_PHOTOS,
  type Appeal,
} from '../../../contracts/feedback.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Tx } from '../../../platform/db/transaction.js';
import { assertImageWithinLimits } from '../../../platform/files/image-limits.js';
import { sniffFileType } from '../../../platform/files/sniff-file-type.js';
import { conflict, HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import { notify } from '../../../platform/notifications/notify.js';
import { appealDeadlines } from '../calendar/deadlines.js';
import { RUSSIAN_CALENDAR } from '../calendar/production-calendar.js';
import { regionDay } from '../calendar/region-today.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { initialAppealState, transition, type AppealEvent, type AppealStatus } from './appeal-status.js';
import { photoUrl, requestState, toAppeal, toSummary } from './appeal-view.js';
import {
  appealById,
  appealNumber,
  appealsOfOwner,
  dueSurveys,
  eventsOf,
  insertAppeal,
  insertAppealEvent,
  insertPhoto,
  nearestMunicipality,
  nextAppealId,
  organisationOf,
  photosOf,
  routingRules,
  updateAppeal,
  upsertFamilyRequest,
  type AppealRow,
} from './queries.js';
import { routeAppeal } from './routing.js';
import { autoRoutingDecision } from './auto-routing.js';
import type { SuggestCategories } from './category-suggestion.js';
import { DuplicateFinder } from '../duplicates/duplicate-service.js';
import { DEFAULT_DUPLICATE_RULES } from '../duplicates/similarity.js';
import './templates.js';

export interface FileAppealInput {
  kind: 'appeal' | 'message';
  categoryCode: string;
  organisationId?: number;
  point?: { lat: number; lon: number };
  text: string;
  duplicateOfId?: number;
}

/** What the module's configuration decides: duplicates, the classifier, the survey delay. */
export interface AppealOptions {
  duplicates: DuplicateFinder;
  /** The classifier's suggestions; null: no model (no automatic routing). */
  suggest: SuggestCategories | null;
  /** A top-1 score at or above this routes a new appeal by the suggested category (> 1: never). */
  autoRouteConfidence: number;
  /** Calendar days from an answer saying «устранено» to the survey. */
  surveyDays: number;
}

export const DEFAULT_APPEAL_OPTIONS: AppealOptions = {
  duplicates: new DuplicateFinder(DEFAULT_DUPLICATE_RULES),
  suggest: null,
  autoRouteConfidence: 0.85,
  surveyDays: 14,
};

const ACCEPTED_PHOTO = 'JPEG, PNG or WebP, ≤ 5 MB';

/**
 * The citizen's side of appeals: filing (with its request on the family page, audit and notices in
 * the same transaction), photos, their own list and page, and rating an answer.
 */
export class AppealService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    readonly options: AppealOptions = DEFAULT_APPEAL_OPTIONS,
  ) {}

  /** Open appeals the rules call similar to what the citizen is about to file (no author, no text). */
  async similar(input: Omit<FileAppealInput, 'kind' | 'duplicateOfId'>) {
    if (!CATEGORIES.leaf(input.categoryCode))
      throw invalidField(
        'body.categoryCode',
        `There is no category «${input.categoryCode}».`,
        'a code from GET /api/feedback/categories',
      );
    return {
      items: await this.options.duplicates.similar(this.db, { ...input, registeredOn: this.today() }),
    };
  }

  today(): string {
    return regionDay(this.now());
  }

  async file(actor: Actor & { userId: string }, input: FileAppealInput): Promise<Appeal> {
    return inTransaction(this.db, (tx) => this.fileIn(tx, actor, input));
  }

  /** Files inside the caller's transaction (an Open311 confirmation marks its token in the same one). */
  async fileIn(tx: Tx, actor: Actor & { userId: string }, input: FileAppealInput): Promise<Appeal> {
    const leaf = CATEGORIES.leaf(input.categoryCode);
    if (!leaf)
      throw invalidField(
        'body.categoryCode',
        `There is no category «${input.categoryCode}».`,
        'a code from GET /api/feedback/categories',
      );
    const day = this.today();
    let municipalityId: number | null = null;
    if (input.organisationId !== undefined) {
      const org = await organisationOf(tx, input.organisationId);
      if (!org)
        throw invalidField('body.organisationId', 'There is no such organisation.', 'an organisation id');
      municipalityId = org.municipality_id;
    }
    if (municipalityId === null && input.point)
      municipalityId = await nearestMunicipality(tx, input.point.lat, input.point.lon);
    // An electronic appeal is registered the day it arrives (59-ФЗ ст. 8 ч. 2 allows up to 3 days).
    const deadlines = appealDeadlines(
      { kind: input.kind, receivedOn: day, registeredOn: day, messageTarget: leaf.messageTarget },
      RUSSIAN_CALENDAR,
    );
    if (input.duplicateOfId !== undefined)
      await this.options.duplicates.assertJoinable(tx, { ...input, registeredOn: day }, input.duplicateOfId);
    const rules = (await routingRules(tx)).map((r) => ({
      id: r.id,
      categoryCode: r.category_code,
      municipalityId: r.municipality_id,
      organisationId: r.organisation_id,
      assigneeUserId: r.assignee_user_id,
    }));
    const decision = autoRoutingDecision(
      input.categoryCode,
      this.topSuggestion(input.text),
      this.options.autoRouteConfidence,
    );
    const place = { municipalityId, organisationId: input.organisationId ?? null };
    // Above the threshold the suggested category's rules decide; none matching, the citizen's do.
    const bySuggestion = decision.routeBy
      ? routeAppeal(rules, { ...place, categoryCode: decision.routeBy })
      : null;
    const routed = bySuggestion ?? routeAppeal(rules, { ...place, categoryCode: input.categoryCode });
    const autoRouted = bySuggestion !== null;
    const id = await nextAppealId(tx);
    const number = `FB-${day.slice(0, 4)}-${id.padStart(6, '0')}`;
    await insertAppeal(tx, {
      id,
      number,
      kind: input.kind,
      owner_user_id: actor.userId,
      category_code: input.categoryCode,
      organisation_id: input.organisationId ?? null,
      lat: input.point?.lat ?? null,
      lon: input.point?.lon ?? null,
      municipality_id: municipalityId,
      text: input.text,
      status: initialAppealState().status,
      without_answer_ground: null,
      without_answer_note: null,
      extension_reason: null,
      rating: null,
      rating_comment: null,
      received_on: day,
      registered_on: day,
      registration_due: deadlines.registrationDue,
      forwarding_due: deadlines.forwardingDue,
      answer_due: deadlines.answerDue,
      responsible_organisation_id: input.organisationId ?? null,
      assignee_user_id: routed?.assigneeUserId ?? null,
      answer_text: null,
      answered_at: null,
      answered_by: null,
      duplicate_of_id: input.duplicateOfId ?? null,
      suggested_category_code: decision.suggestion?.categoryCode ?? null,
      suggested_score: decision.suggestion?.score ?? null,
      auto_routed: autoRouted,
    });
    await insertAppealEvent(tx, {
      appealId: id,
      actorUserId: actor.userId,
      type: 'registered',
      toStatus: 'registered',
    });
    if (input.duplicateOfId !== undefined)
      await insertAppealEvent(tx, {
        appealId: id,
        actorUserId: actor.userId,
        type: 'joined',
        note: (await appealNumber(tx, input.duplicateOfId)) ?? String(input.duplicateOfId),
      });
    if (autoRouted && decision.suggestion)
      await insertAppealEvent(tx, {
        appealId: id,
        actorUserId: null,
        type: 'auto_routed',
        note: `${decision.suggestion.categoryCode} ${decision.suggestion.score.toFixed(2)}`,
      });
    if (routed)
      await insertAppealEvent(tx, {
        appealId: id,
        actorUserId: null,
        type: 'assigned',
        note: `routing rule ${routed.id}`,
      });
    await upsertFamilyRequest(tx, {
      appealId: Number(id),
      kind: input.kind,
      ownerUserId: actor.userId,
      organisationId: input.organisationId ?? null,
      number,
      status: 'registered',
      state: 'open',
      link: appealUrl(Number(id)),
      submittedAt: this.now(),
    });
    await recordAudit(tx, actor, {
      action: 'feedback.appeal.registered',
      subjectType: 'feedback_appeal',
      subjectId: id,
      municipalityId,
      summary: {
        number,
        kind: input.kind,
        categoryCode: input.categoryCode,
        organisationId: input.organisationId ?? null,
        answerDue: deadlines.answerDue,
        assigneeUserId: routed?.assigneeUserId ?? null,
        routingRuleId: routed?.id ?? null,
        duplicateOfId: input.duplicateOfId ?? null,
        suggestion: decision.suggestion,
      },
    });
    if (autoRouted && decision.suggestion)
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'feedback.appeal.auto_routed',
        subjectType: 'feedback_appeal',
        subjectId: id,
        municipalityId,
        summary: {
          number,
          citizenCategory: input.categoryCode,
          suggestedCategory: decision.suggestion.categoryCode,
          score: decision.suggestion.score,
          threshold: this.options.autoRouteConfidence,
          routingRuleId: routed?.id ?? null,
          assigneeUserId: routed?.assigneeUserId ?? null,
        },
      });
    await notify(tx, {
      userId: actor.userId,
      template: 'feedback.appeal.registered',
      params: { number, registeredOn: day, answerDue: deadlines.answerDue },
      link: appealUrl(Number(id)),
      eventKey: `feedback:${id}:registered`,
    });
    if (routed)
      await notify(tx, {
        userId: routed.assigneeUserId,
        template: 'feedback.appeal.assigned',
        params: { number, answerDue: deadlines.answerDue },
        link: `/staff/feedback/appeals/${id}`,
        eventKey: `feedback:${id}:assigned:${routed.assigneeUserId}:0`,
      });
    return this.view(tx, Number(id), [], false);
  }

  /** The classifier's top-1, or undefined without a model (a broken model never stops a filing). */
  private topSuggestion(text: string) {
    if (!this.options.suggest) return undefined;
    try {
      return this.options.suggest(text)[0];
    } catch {
      return undefined;
    }
  }

  async addPhoto(actor: Actor & { userId: string }, appealId: number, content: Buffer) {
    const sniffed = await sniffFileType(content, APPEAL_PHOTO_MEDIA_TYPES, MAX_APPEAL_PHOTO_BYTES);
    if (!sniffed.ok) {
      const [status, message] =
        sniffed.reason === 'empty'
          ? [400, 'The file is empty.']
          : sniffed.reason === 'too_large'
            ? [413, 'The photo is larger than 5 MB.']
            : [
                415,
                `Only JPEG, PNG or WebP images are accepted${sniffed.detected ? ` (this is ${sniffed.detected})` : ''}.`,
              ];
      throw new HttpProblem(status, `file-${sniffed.reason.replace('_', '-')}`, message, {
        errors: [{ field: 'file', message, expected: ACCEPTED_PHOTO }],
      });
    }
    const size = assertImageWithinLimits(content, sniffed.mediaType);
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    return inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const photos = await photosOf(tx, appealId);
      if (photos.length >= MAX_APPEAL_PHOTOS)
        throw conflict(`An appeal holds at most ${MAX_APPEAL_PHOTOS} photos.`, {
          errors: [{ field: 'file', message: 'too many photos', expected: `≤ ${MAX_APPEAL_PHOTOS} photos` }],
        });
      const photo = await insertPhoto(tx, {
        appealId,
        position: photos.length + 1,
        mediaType: sniffed.mediaType,
        bytes: content,
        sha256,
        width: size.width,
        height: size.height,
      });
      await insertAppealEvent(tx, { appealId, actorUserId: actor.userId, type: 'photo_added' });
      await recordAudit(tx, actor, {
        action: 'feedback.appeal.photo_added',
        subjectType: 'feedback_appeal',
        subjectId: appealId,
        municipalityId: row.municipality_id,
        summary: { photoId: photo.id, mediaType: photo.media_type, sizeBytes: photo.size_bytes, sha256 },
      });
      return {
        id: photo.id,
        url: photoUrl(appealId, photo.id, false),
        mediaType: photo.media_type,
        sizeBytes: photo.size_bytes,
        width: photo.width,
        height: photo.height,
      };
    });
  }

  async mine(ownerUserId: string) {
    const today = this.today();
    return { items: (await appealsOfOwner(this.db, ownerUserId)).map((r) => toSummary(r, today)) };
  }

  async one(appealId: number, permittedActions: string[], staff: boolean) {
    return this.view(this.db, appealId, permittedActions, staff);
  }

  async view(db: Db | Tx, appealId: number, permittedActions: string[], staff: boolean): Promise<Appeal> {
    const row = await appealById(db, appealId);
    if (!row) throw notFound('Appeal');
    const [photos, events, duplicateOfNumber] = await Promise.all([
      photosOf(db, appealId),
      eventsOf(db, appealId),
      row.duplicate_of_id === null ? null : appealNumber(db, row.duplicate_of_id),
    ]);
    return toAppeal(row, this.today(), { photos, events, permittedActions, staff, duplicateOfNumber });
  }

  /** A rating of 1–2 sends the answer back to work once (the second time it closes the appeal). */
  async rate(actor: Actor & { userId: string }, appealId: number, rating: number, comment?: string) {
    return inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const next = await applyEvent(tx, actor, row, { type: 'rate', rating }, 'body.rating');
      await updateAppeal(tx, appealId, {
        status: next.status,
        rework_used: next.reworkUsed,
        rating,
        rating_comment: comment || null,
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'rated',
        fromStatus: row.status,
        toStatus: next.status,
        note: `${rating}/5`,
      });
      await afterStatusChange(tx, actor, row, next.status, { rating });
      if (next.status === 'answer_rejected' && row.assignee_user_id)
        await notify(tx, {
          userId: row.assignee_user_id,
          template: 'feedback.appeal.rework',
          params: { number: row.number, rating },
          link: `/staff/feedback/appeals/${appealId}`,
          eventKey: `feedback:${appealId}:rework`,
        });
      return this.view(tx, appealId, [], false);
    });
  }
}

/** The citizen answers «Проблема действительно устранена?»; «нет» reopens the appeal once. */
export async function answerSurvey(
  service: AppealService,
  db: Db,
  actor: Actor & { userId: string },
  appealId: number,
  fixed: boolean,
) {
  return inTransaction(db, async (tx) => {
    const row = await appealById(tx, appealId, { lock: true });
    if (!row) throw notFound('Appeal');
    if (row.survey_sent_at === null || row.survey_answer !== null)
      throw conflict('There is no open survey question on this appeal.', {
        errors: [
          { field: 'body.fixed', message: 'no question asked', expected: 'an appeal whose survey was sent' },
        ],
      });
    const now = new Date();
    if (fixed) {
      await updateAppeal(tx, appealId, { survey_answer: 'fixed', survey_answered_at: now });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'survey_answered',
        note: 'устранено: да',
      });
      await recordAudit(tx, actor, {
        action: 'feedback.appeal.survey_answered',
        subjectType: 'feedback_appeal',
        subjectId: appealId,
        municipalityId: row.municipality_id,
        summary: { number: row.number, fixed: true },
      });
      return service.view(tx, appealId, [], false);
    }
    const next = await applyEvent(tx, actor, row, { type: 'survey_not_fixed' }, 'body.fixed');
    await updateAppeal(tx, appealId, {
      status: next.status,
      survey_answer: 'not_fixed',
      survey_answered_at: now,
      survey_reopened: true,
    });
    await insertAppealEvent(tx, {
      appealId,
      actorUserId: actor.userId,
      type: 'reopened',
      fromStatus: row.status,
      toStatus: next.status,
      note: 'устранено: нет',
    });
    await afterStatusChange(tx, actor, row, next.status, { survey: 'not_fixed' });
    for (const userId of new Set([row.assignee_user_id, row.answered_by].filter((u): u is string => !!u)))
      await notify(tx, {
        userId,
        template: 'feedback.appeal.reopened',
        params: { number: row.number },
        link: `/staff/feedback/appeals/${appealId}`,
        eventKey: `feedback:${appealId}:reopened:${userId}`,
      });
    await notify(tx, {
      userId: row.owner_user_id,
      template: 'feedback.appeal.reopened',
      params: { number: row.number },
      link: appealUrl(appealId),
      eventKey: `feedback:${appealId}:reopened`,
    });
    return service.view(tx, appealId, [], false);
  });
}

/**
 * The survey sweep (a scheduled job): each answer saying «устранено» whose survey day has come gets
 * its one question, once. Idempotent: a sent survey is marked in the same transaction.
 */
export async function sendDueSurveys(tx: Tx, today: string, now: Date = new Date()): Promise<number> {
  const due = await dueSurveys(tx, today);
  for (const row of due) {
    await updateAppeal(tx, row.id, { survey_sent_at: now });
    await insertAppealEvent(tx, { appealId: row.id, actorUserId: null, type: 'survey_sent' });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'feedback.appeal.survey_sent',
      subjectType: 'feedback_appeal',
      subjectId: row.id,
      municipalityId: row.municipality_id,
      summary: { number: row.number, surveyDue: row.survey_due },
    });
    await notify(tx, {
      userId: row.owner_user_id,
      template: 'feedback.appeal.survey',
      params: { number: row.number },
      link: appealUrl(Number(row.id)),
      eventKey: `feedback:${row.id}:survey`,
    });
  }
  return due.length;
}

/** Runs the state machine; an impossible step is a 409 naming the field that asked for it. */
export async function applyEvent(_tx: Tx, _actor: Actor, row: AppealRow, event: AppealEvent, field: string) {
  const r = transition(
    {
      status: row.status as AppealStatus,
      reworkUsed: row.rework_used,
      extended: row.extended,
      rating: row.rating,
      surveyReopened: row.survey_reopened,
    },
    event,
  );
  if (!r.ok)
    throw conflict(r.reason, {
      errors: [{ field, message: r.reason, expected: `an appeal whose status allows it` }],
    });
  return r.state;
}

/** The request on the family page and the audit follow every status change. */
export async function afterStatusChange(
  tx: Tx,
  actor: Actor,
  row: AppealRow,
  to: AppealStatus,
  summary: Record<string, unknown> = {},
) {
  await upsertFamilyRequest(tx, {
    appealId: Number(row.id),
    kind: row.kind,
    ownerUserId: row.owner_user_id,
    organisationId: row.organisation_id,
    number: row.number,
    status: to,
    state: requestState(to),
    link: appealUrl(Number(row.id)),
    submittedAt: new Date(),
  });
  await recordAudit(tx, actor, {
    action: 'feedback.appeal.status_changed',
    subjectType: 'feedback_appeal',
    subjectId: row.id,
    municipalityId: row.municipality_id,
    summary: { number: row.number, from: row.status, to, ...summary },
  });
}

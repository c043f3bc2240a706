import type { StaffAppeal } from '../../../contracts/feedback.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import { permittedActions } from '../../../platform/auth/permissions.js';
import type { Principal, RoleGrant } from '../../../platform/auth/roles.js';
import { REGION_WIDE_ROLES } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, invalidField, notFound } from '../../../platform/http/problem.js';
import { notify } from '../../../platform/notifications/notify.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { extendAnswerDue } from '../calendar/deadlines.js';
import { RUSSIAN_CALENDAR } from '../calendar/production-calendar.js';
import { HANDLER_ROLES, STAFF_APPEAL_ACTIONS } from '../permissions.js';
import { GROUND_ARTICLE, isOpen, type WithoutAnswerGround } from './appeal-status.js';
import { afterStatusChange, applyEvent, type AppealService } from './appeal-service.js';
import { toSummary } from './appeal-view.js';
import type { SuggestCategories } from './category-suggestion.js';
import {
  appealById,
  citizenName,
  insertAppealEvent,
  organisationOf,
  queuePage,
  staffUser,
  updateAppeal,
  type QueueCoverage,
} from './queries.js';
import { APPEAL_STATUSES } from './appeal-status.js';

const OPEN_STATUSES = APPEAL_STATUSES.filter(isOpen);
const SOON_DAYS = 3;

/** What a staff member's grants cover in the queue: the region, municipalities, organisations. */
export function queueCoverage(principal: Principal): QueueCoverage {
  const grants = principal.grants.filter(
    (g: RoleGrant) => HANDLER_ROLES.includes(g.role) || REGION_WIDE_ROLES.has(g.role),
  );
  const region = grants.some(
    (g) => REGION_WIDE_ROLES.has(g.role) || (g.role === 'cur_operator' && g.municipalityId === null),
  );
  const municipalityIds = grants
    .filter((g) => (g.role === 'cur_operator' || g.role === 'municipal_officer') && g.municipalityId !== null)
    .map((g) => g.municipalityId!);
  const organisationIds = grants
    .filter((g) => g.role !== 'cur_operator' && g.role !== 'municipal_officer' && g.organisationId !== null)
    .map((g) => g.organisationId!);
  return {
    region,
    municipalityIds: [...new Set(municipalityIds)],
    organisationIds: [...new Set(organisationIds)],
  };
}

export interface QueueQuery {
  status?: string;
  open: boolean;
  urgency?: 'overdue' | 'due_soon' | 'in_time';
  categoryCode?: string;
  municipalityId?: number;
  organisationId?: number;
  page: number;
  pageSize: number;
}

/** The staff side: the queue, an appeal's page, routing and the answer. */
export class StaffAppealService {
  constructor(
    private readonly db: Db,
    private readonly appeals: AppealService,
    private readonly suggest: SuggestCategories | null,
  ) {}

  async queue(principal: Principal, q: QueueQuery) {
    const today = this.appeals.today();
    const statuses = q.status ? [q.status] : q.open ? OPEN_STATUSES : null;
    const due =
      q.urgency === 'overdue'
        ? { dueBefore: today }
        : q.urgency === 'due_soon'
          ? { dueFrom: today, dueBefore: addDays(today, SOON_DAYS + 1) }
          : q.urgency === 'in_time'
            ? { dueFrom: addDays(today, SOON_DAYS + 1) }
            : {};
    const { total, items } = await queuePage(
      this.db,
      queueCoverage(principal),
      {
        statuses,
        categoryCode: q.categoryCode,
        municipalityId: q.municipalityId,
        organisationId: q.organisationId,
        ...due,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: items.map((r) => ({
        ...toSummary(r, today),
        municipalityId: r.municipality_id,
        assigneeUserId: r.assignee_user_id,
        assigneeName: r.assignee_name,
      })),
    };
  }

  async one(principal: Principal, appealId: number): Promise<StaffAppeal> {
    const row = await appealById(this.db, appealId);
    if (!row) throw notFound('Appeal');
    const scope = { municipalityId: row.municipality_id, organisationId: row.responsible_organisation_id };
    const actions = isOpen(row.status as never)
      ? permittedActions(principal, scope, STAFF_APPEAL_ACTIONS)
      : [];
    const appeal = await this.appeals.one(appealId, actions, true);
    let suggestions: StaffAppeal['suggestions'] = null;
    if (this.suggest) {
      try {
        suggestions = this.suggest(row.text);
      } catch {
        suggestions = null; // a broken model must not hide the appeal; the page says there is none
      }
    }
    const duplicates = await this.appeals.options.duplicates.forStaff(this.db, row);
    return {
      ...appeal,
      duplicates,
      autoRouting:
        row.suggested_category_code !== null && row.suggested_score !== null
          ? {
              categoryCode: row.suggested_category_code,
              score: row.suggested_score,
              threshold: this.appeals.options.autoRouteConfidence,
              routed: row.auto_routed,
            }
          : null,
      municipalityId: row.municipality_id,
      citizenName: await citizenName(this.db, row.owner_user_id),
      assigneeUserId: row.assignee_user_id,
      assigneeName: row.assignee_name,
      responsibleOrganisationId: row.responsible_organisation_id,
      suggestions,
    };
  }

  /** Take into work (no assignee named: the caller) or reassign; the status moves to «in work». */
  async assign(
    principal: Principal,
    actor: Actor,
    appealId: number,
    input: { assigneeUserId?: string; note?: string },
  ) {
    const assignee = input.assigneeUserId ?? principal.userId;
    await inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const user = await staffUser(tx, assignee);
      if (!user || user.kind !== 'staff')
        throw invalidField('body.assigneeUserId', 'Appeals are assigned to staff only.', 'a staff user id');
      // Reassigning an appeal already in work changes only who holds it.
      const next =
        row.status === 'in_work'
          ? null
          : await applyEvent(tx, actor, row, { type: 'start_work' }, 'body.assigneeUserId');
      await updateAppeal(tx, appealId, {
        assignee_user_id: assignee,
        ...(next ? { status: next.status } : {}),
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: next ? 'work_started' : 'assigned',
        fromStatus: row.status,
        toStatus: next?.status ?? row.status,
        note: input.note ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'feedback.appeal.assigned',
        subjectType: 'feedback_appeal',
        subjectId: appealId,
        municipalityId: row.municipality_id,
        summary: { number: row.number, from: row.assignee_user_id, to: assignee },
      });
      if (next) await afterStatusChange(tx, actor, row, next.status);
      if (assignee !== principal.userId)
        await notify(tx, {
          userId: assignee,
          template: 'feedback.appeal.assigned',
          params: { number: row.number, answerDue: row.answer_due },
          link: `/staff/feedback/appeals/${appealId}`,
          eventKey: `feedback:${appealId}:assigned:${assignee}:${Date.now()}`,
        });
    });
    return this.one(principal, appealId);
  }

  /** Forward to the competent organisation (59-ФЗ ст. 8 ч. 3), with notice to the citizen. */
  async forward(
    principal: Principal,
    actor: Actor,
    appealId: number,
    input: { organisationId: number; note: string },
  ) {
    await inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const org = await organisationOf(tx, input.organisationId);
      if (!org)
        throw invalidField('body.organisationId', 'There is no such organisation.', 'an organisation id');
      if (org.id === row.responsible_organisation_id)
        throw conflict('The appeal is already with this organisation.', {
          errors: [{ field: 'body.organisationId', message: 'already responsible' }],
        });
      const next = await applyEvent(tx, actor, row, { type: 'forward' }, 'body.organisationId');
      await updateAppeal(tx, appealId, {
        status: next.status,
        responsible_organisation_id: org.id,
        municipality_id: org.municipality_id ?? row.municipality_id,
        assignee_user_id: null,
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'forwarded',
        fromStatus: row.status,
        toStatus: next.status,
        note: `${org.short_name}: ${input.note}`,
      });
      await afterStatusChange(tx, actor, row, next.status, { organisationId: org.id });
      await notify(tx, {
        userId: row.owner_user_id,
        template: 'feedback.appeal.forwarded',
        params: { number: row.number, organisation: org.short_name },
        link: `/feedback/appeals/${appealId}`,
        eventKey: `feedback:${appealId}:forwarded:${org.id}`,
      });
    });
    return this.one(principal, appealId);
  }

  /**
   * The answer; `fixed` («устранено») schedules the one-question survey `surveyDays` later (not after
   * the survey already reopened the appeal: a «нет» reopens once).
   */
  async answer(principal: Principal, actor: Actor, appealId: number, text: string, fixed = false) {
    await inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const next = await applyEvent(tx, actor, row, { type: 'answer' }, 'body.text');
      const survey = row.survey_reopened
        ? {}
        : {
            survey_due: fixed ? addDays(this.appeals.today(), this.appeals.options.surveyDays) : null,
            survey_sent_at: null,
            survey_answer: null,
            survey_answered_at: null,
          };
      await updateAppeal(tx, appealId, {
        status: next.status,
        answer_text: text,
        answered_at: new Date(),
        answered_by: actor.userId,
        answer_fixed: fixed,
        ...survey,
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'answered',
        fromStatus: row.status,
        toStatus: next.status,
      });
      await afterStatusChange(tx, actor, row, next.status, {
        answerLength: text.length,
        fixed,
        surveyDue: 'survey_due' in survey ? survey.survey_due : null,
      });
      await notify(tx, {
        userId: row.owner_user_id,
        template: 'feedback.appeal.answered',
        params: { number: row.number },
        link: `/feedback/appeals/${appealId}`,
        eventKey: `feedback:${appealId}:answered:${row.rework_used ? 2 : 1}`,
      });
    });
    return this.one(principal, appealId);
  }

  /** One extension of the answer limit by up to 30 days (59-ФЗ ст. 12 ч. 2), with notice. */
  async extend(
    principal: Principal,
    actor: Actor,
    appealId: number,
    input: { days: number; reason: string },
  ) {
    await inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      await applyEvent(tx, actor, row, { type: 'extend' }, 'body.days');
      const ext = extendAnswerDue(
        { answerDue: row.answer_due, extended: row.extended },
        input.days,
        RUSSIAN_CALENDAR,
      );
      if (!ext.ok)
        throw invalidField('body.days', `The extension is refused: ${ext.reason}.`, '1–30 days, once');
      await updateAppeal(tx, appealId, {
        extended: true,
        extension_reason: input.reason,
        answer_due: ext.answerDue,
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'extended',
        note: `${row.answer_due} → ${ext.answerDue}: ${input.reason}`,
      });
      await recordAudit(tx, actor, {
        action: 'feedback.appeal.extended',
        subjectType: 'feedback_appeal',
        subjectId: appealId,
        municipalityId: row.municipality_id,
        summary: { number: row.number, from: row.answer_due, to: ext.answerDue, days: input.days },
      });
      await notify(tx, {
        userId: row.owner_user_id,
        template: 'feedback.appeal.extended',
        params: { number: row.number, answerDue: ext.answerDue, reason: input.reason },
        link: `/feedback/appeals/${appealId}`,
        eventKey: `feedback:${appealId}:extended`,
      });
    });
    return this.one(principal, appealId);
  }

  async leaveWithoutAnswer(
    principal: Principal,
    actor: Actor,
    appealId: number,
    input: { ground: WithoutAnswerGround; note?: string },
  ) {
    await inTransaction(this.db, async (tx) => {
      const row = await appealById(tx, appealId, { lock: true });
      if (!row) throw notFound('Appeal');
      const next = await applyEvent(
        tx,
        actor,
        row,
        { type: 'leave_without_answer', ground: input.ground },
        'body.ground',
      );
      await updateAppeal(tx, appealId, {
        status: next.status,
        without_answer_ground: input.ground,
        without_answer_note: input.note || null,
      });
      await insertAppealEvent(tx, {
        appealId,
        actorUserId: actor.userId,
        type: 'left_without_answer',
        fromStatus: row.status,
        toStatus: next.status,
        note: GROUND_ARTICLE[input.ground],
      });
      await afterStatusChange(tx, actor, row, next.status, { ground: input.ground });
      await notify(tx, {
        userId: row.owner_user_id,
        template: 'feedback.appeal.without_answer',
        params: { number: row.number, article: GROUND_ARTICLE[input.ground] },
        link: `/feedback/appeals/${appealId}`,
        eventKey: `feedback:${appealId}:without-answer`,
      });
    });
    return this.one(principal, appealId);
  }
}

import crypto from 'node:crypto';
import type { Actor } from '../../../platform/audit/audit-log.js';
import { recordAudit } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Executor, type Tx } from '../../../platform/db/transaction.js';
import { badRequest, conflict, HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import { enqueue } from '../../../platform/jobs/outbox.js';
import { notifyParent } from './notify-parent.js';
import {
  BENEFIT_KINDS,
  type ApplicationDetail,
  type ApplicationInput,
  type ApplicationStatusName,
  type BenefitKind,
  type PaperApplicationInput,
  type PositionResponse,
} from '../../../contracts/kindergarten-queue.js';
import type { ApplicationStatus } from '../tables.js';
import { applicationAgeGroup, checkApplication } from './application-rules.js';
import { queueConfigOf, type QueueConfig } from './municipality-config.js';
import { allPositions, orderQueues } from './order-queue.js';
import { positionView } from './position-view.js';
import * as q from './queries.js';
import { IllegalTransition, assertTransition, STATUS_NAMES, isInQueue } from './status-machine.js';
import './queue-templates.js';

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Inside a job the worker's transaction is reused (PGlite has one connection); otherwise a new one. */
export function withTx<T>(db: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Tx) : inTransaction(db as Db, work);
}
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export async function loadQueueConfig(db: Executor, municipalityId: number): Promise<QueueConfig> {
  const m = await q.municipalityConfig(db, municipalityId);
  if (!m) throw notFound('Municipality');
  return queueConfigOf(m.config);
}

/** For a submitted application an unknown municipality is a bad field, not a missing page. */
async function submittedMunicipalityConfig(db: Executor, municipalityId: number): Promise<QueueConfig> {
  const m = await q.municipalityConfig(db, municipalityId);
  if (!m)
    throw new HttpProblem(422, 'invalid-field', 'No such municipality.', {
      errors: [{ field: 'municipalityId', message: 'no such municipality' }],
    });
  return queueConfigOf(m.config);
}

/** Rejects with 422 naming every bad field; nothing is written before this passes. */
async function validate(
  db: Executor,
  input: ApplicationInput,
  now: Date,
  config: QueueConfig,
  source: 'portal' | 'paper',
) {
  const kgs = await q.kindergartenFacts(db, input.kindergartenIds);
  const benefits = input.benefits.map((b) => ({ ...b, class: BENEFIT_KINDS[b.kind as BenefitKind].class }));
  const problems = checkApplication(
    {
      birthDate: input.child.birthDate,
      desiredDate: input.desiredDate,
      kindergartenIds: input.kindergartenIds,
      benefits,
      portal: source === 'portal' ? { today: today(now) } : undefined,
    },
    today(now),
    input.municipalityId,
    config,
    kgs,
  );
  if (problems.length > 0)
    throw new HttpProblem(422, 'invalid-field', problems[0]!.message, { errors: problems });
  return benefits;
}

function requestHash(input: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

/** Enqueues the municipality's recalculation in the change's transaction (versioned: none is lost). */
export async function requestRecalc(tx: Executor, municipalityId: number): Promise<void> {
  const version = await q.requestRecalculation(tx, municipalityId);
  await enqueue(tx, {
    topic: 'queue.recalculate',
    payload: { municipalityId, version },
    dedupeKey: `queue.recalc:${municipalityId}:${version}`,
  });
}

/**
 * A birth certificate already on file for a child with another birth date, or already in another
 * family's application. The citizen is told what to do, never which part matched: a stranger trying
 * certificates and birth dates learns neither the child's birth date nor that it is in the queue.
 * (Two parents of one child, a typo in the certificate, a child registered by a relative: the
 * education office sorts these out with the documents in hand.)
 */
const CERTIFICATE_IN_USE = () =>
  new HttpProblem(
    409,
    'certificate-in-use',
    'An application with this birth certificate cannot be accepted online. Please contact the ' +
      "municipality's education office and bring the child's birth certificate and your identity " +
      'document, so that the staff can check the records.',
  );

interface CreateOptions {
  actor: Actor;
  applicantId: string | null;
  source: 'portal' | 'paper';
  registeredAt: Date;
  now: Date;
}

async function createApplication(tx: Tx, input: ApplicationInput, opts: CreateOptions, config: QueueConfig) {
  const benefits = await validate(tx, input, opts.now, config, opts.source);
  const docIds = input.benefits.flatMap((b) => b.documentIds);
  if (docIds.length > 0) {
    const owned = await q.filesOwnedBy(tx, opts.source === 'portal' ? opts.applicantId : null, docIds);
    if (owned.length !== new Set(docIds).size)
      throw new HttpProblem(422, 'invalid-field', 'a document was not uploaded by you', {
        errors: [{ field: 'benefits.documentIds', message: 'unknown document' }],
      });
  }
  const child = await q.findOrCreateChild(tx, input.child);
  const existing = await q.activeApplicationOf(tx, child.id, input.municipalityId);
  const staff = opts.source === 'paper';
  const ownApplication = !!existing && existing.applicant_id === opts.applicantId;
  // A child whose legal representatives (the platform's family) do not include the applicant is
  // another family's, even with no application: applying must not make a stranger its parent.
  const representatives = await q.childRepresentatives(tx, child.id);
  const othersChild =
    representatives.length > 0 && (!opts.applicantId || !representatives.includes(opts.applicantId));
  // A citizen whose certificate is on file with another birth date, or in another family's
  // application or family, gets one answer that confirms neither (see CERTIFICATE_IN_USE).
  if (!staff && (child.birth_date !== input.child.birthDate || (existing && !ownApplication) || othersChild))
    throw CERTIFICATE_IN_USE();
  if (child.birth_date !== input.child.birthDate)
    throw new HttpProblem(
      422,
      'invalid-field',
      'this birth certificate is registered with another birth date',
      {
        errors: [
          { field: 'child.birthCertificate', message: 'the certificate does not match the birth date' },
        ],
      },
    );
  if (existing)
    // The existing number is told only to its own applicant or to staff: never to a stranger.
    throw conflict('This child already has an active application in this municipality.', {
      code: 'duplicate-child',
      existingNumber: existing.number,
    });
  const status: ApplicationStatus = benefits.length > 0 ? 'benefit_check' : 'registered';
  const row = await q.insertApplication(tx, {
    number: `tmp-${crypto.randomUUID()}`,
    municipalityId: input.municipalityId,
    childId: child.id,
    applicantId: opts.applicantId,
    applicantName: input.applicant.fullName,
    applicantEmail: input.applicant.email ?? null,
    applicantPhone: input.applicant.phone ?? null,
    address: input.address,
    registeredAt: opts.registeredAt,
    desiredDate: input.desiredDate,
    orientation: input.orientation,
    stayMode: input.stayMode,
    language: input.language,
    consentOther: input.consentOther,
    status,
    source: opts.source,
    createdBy: opts.source === 'paper' ? opts.actor.userId : null,
  });
  const number = await q.assignNumber(
    tx,
    row.id,
    input.municipalityId,
    row.serial,
    String(opts.registeredAt.getUTCFullYear()),
  );
  await q.replaceChoices(tx, row.id, input.kindergartenIds);
  await q.insertBenefits(
    tx,
    row.id,
    benefits.map((b) => ({
      kind: b.kind,
      class: b.class,
      siblingKindergartenId: b.siblingKindergartenId ?? null,
      documentIds: b.documentIds,
    })),
  );
  const reason =
    status === 'benefit_check'
      ? 'Заявление зарегистрировано; заявлена льгота, документы на проверке'
      : 'Заявление зарегистрировано, ребёнок поставлен на учёт';
  const event = await q.insertEvent(tx, {
    applicationId: row.id,
    kind: 'status',
    fromStatus: null,
    toStatus: status,
    reason,
    data: { choices: input.kindergartenIds, source: opts.source },
    actorId: opts.actor.userId,
    occurredAt: opts.registeredAt,
  });
  await recordAudit(tx, opts.actor, {
    action: 'queue.application.register',
    subjectType: 'application',
    subjectId: row.id,
    municipalityId: input.municipalityId,
    summary: {
      number,
      status,
      source: opts.source,
      kindergartens: input.kindergartenIds.length,
      benefits: benefits.length,
    },
  });
  await notifyParent(tx, {
    userId: opts.applicantId,
    email: input.applicant.email ?? null,
    template: 'queue.registered',
    params: {
      number,
      child: `${input.child.firstName} ${input.child.lastName}`,
      registeredAt: opts.registeredAt.toISOString(),
      statusRu: STATUS_NAMES[status].ru,
      statusEn: STATUS_NAMES[status].en,
    },
    link: `/my/applications/${row.id}`,
    eventKey: `queue.event:${event.id}`,
  });
  await requestRecalc(tx, input.municipalityId);
  return { id: row.id, number };
}

export interface ApplyResult {
  id: string;
  number: string;
  replayed: boolean;
}

/** The citizen's submission; the same Idempotency-Key returns the first answer and creates nothing new. */
export async function apply(
  db: Db,
  actor: Actor & { userId: string },
  input: ApplicationInput,
  idempotencyKey: string,
  now = new Date(),
): Promise<ApplyResult> {
  const config = await submittedMunicipalityConfig(db, input.municipalityId);
  const route = 'POST /api/kindergarten/applications';
  const hash = requestHash(input);
  try {
    return await inTransaction(db, async (tx) => {
      const previous = await q.claimIdempotencyKey(tx, actor.userId, idempotencyKey, route, hash);
      if (previous) {
        if (previous.request_hash !== hash || previous.route !== route)
          throw new HttpProblem(
            422,
            'idempotency-key-reused',
            'This Idempotency-Key was used for another request.',
            {
              errors: [{ field: 'Idempotency-Key', message: 'reused for a different request' }],
            },
          );
        const r = previous.response as { id: string; number: string } | null;
        if (!r) throw conflict('The first request with this Idempotency-Key is still running.');
        return { ...r, replayed: true };
      }
      const created = await createApplication(
        tx,
        input,
        { actor, applicantId: actor.userId, source: 'portal', registeredAt: now, now },
        config,
      );
      await q.completeIdempotencyKey(tx, actor.userId, idempotencyKey, 201, created);
      await q.deleteDraft(tx, actor.userId);
      return { ...created, replayed: false };
    });
  } catch (err) {
    // The same child twice at the same moment: the partial unique index application_one_active decides.
    if (isUniqueViolation(err))
      throw conflict('This child already has an active application in this municipality.', {
        code: 'duplicate-child',
      });
    throw err;
  }
}

export async function applyPaper(
  db: Db,
  actor: Actor,
  municipalityId: number,
  input: PaperApplicationInput,
  now = new Date(),
) {
  const config = await loadQueueConfig(db, municipalityId);
  const full: ApplicationInput = { ...input, municipalityId };
  const registeredAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (registeredAt > now)
    throw badRequest('receivedAt is in the future', [{ field: 'receivedAt', message: 'in the future' }]);
  try {
    return await inTransaction(db, (tx) =>
      createApplication(tx, full, { actor, applicantId: null, source: 'paper', registeredAt, now }, config),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('This child already has an active application in this municipality.', {
        code: 'duplicate-child',
      });
    throw err;
  }
}

// ——— reading an application ———

const STAFF_EVENT = new Set(['staff']);

function eventText(e: {
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
}) {
  const s = (x: string | null) => (x ? STATUS_NAMES[x as ApplicationStatusName] : null);
  if (e.kind === 'status') {
    const to = s(e.to_status)!;
    const from = s(e.from_status);
    return {
      textRu: from ? `${from.ru} → ${to.ru}` : to.ru,
      textEn: from ? `${from.en} → ${to.en}` : to.en,
    };
  }
  const names: Record<string, [string, string]> = {
    choices: ['Изменён список детских садов', 'Preferred kindergartens changed'],
    benefit: ['Изменение льготы', 'Benefit changed'],
    desired_date: ['Изменена желаемая дата', 'Desired date changed'],
    details: ['Изменены сведения заявления', 'Application details changed'],
  };
  const [ru, en] = names[e.kind] ?? ['Изменение', 'Change'];
  return { textRu: ru, textEn: en };
}

export async function detail(
  db: Executor,
  id: string,
  permitted: string[],
  config?: QueueConfig,
): Promise<ApplicationDetail> {
  const a = await q.applicationRow(db, id);
  if (!a) throw notFound('Application');
  const cfg = config ?? (await loadQueueConfig(db, a.municipality_id));
  const [choices, benefits, events] = await Promise.all([
    q.choicesOf(db, [id]),
    q.benefitsOf(db, [id]),
    q.eventsOf(db, id),
  ]);
  return {
    id: a.id,
    number: a.number,
    municipalityId: a.municipality_id,
    status: a.status,
    statusChangedAt: a.status_changed_at.toISOString(),
    registeredAt: a.registered_at.toISOString(),
    desiredDate: a.desired_date,
    orientation: a.orientation,
    stayMode: a.stay_mode,
    language: a.language,
    consentOther: a.consent_other,
    source: a.source,
    child: {
      lastName: a.last_name,
      firstName: a.first_name,
      patronymic: a.patronymic,
      birthDate: a.birth_date,
      birthCertificate: a.birth_certificate,
    },
    applicant: { fullName: a.applicant_name, email: a.applicant_email, phone: a.applicant_phone },
    address: a.address,
    ageGroup: applicationAgeGroup(a.birth_date, a.desired_date, cfg),
    choices: choices.map((c) => ({
      rank: c.rank,
      kindergartenId: c.kindergarten_id,
      nameRu: c.name_ru,
      nameEn: c.name_en,
    })),
    benefits: benefits.map((b) => ({
      id: b.id,
      kind: b.kind,
      class: b.class,
      status: b.status,
      siblingKindergartenId: b.sibling_kindergarten_id,
      validUntil: b.valid_until,
      documentIds: b.document_ids,
      decidedAt: b.decided_at ? b.decided_at.toISOString() : null,
      decisionReason: b.decision_reason,
      claimedAt: b.claimed_at.toISOString(),
    })),
    timeline: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurred_at.toISOString(),
      kind: e.kind,
      fromStatus: (e.from_status as ApplicationStatusName | null) ?? null,
      toStatus: (e.to_status as ApplicationStatusName | null) ?? null,
      reason: e.reason,
      ...eventText(e),
      byStaff: STAFF_EVENT.has(e.actor_kind ?? ''),
    })),
    permittedActions: permitted,
  };
}

// ——— status changes ———

async function notifyStatus(
  tx: Executor,
  a: { id: string; number: string; applicant_id: string | null; applicant_email: string | null },
  from: ApplicationStatusName,
  to: ApplicationStatusName,
  reason: string,
  eventId: number,
) {
  await notifyParent(tx, {
    userId: a.applicant_id,
    email: a.applicant_email,
    template: 'queue.status-changed',
    params: {
      number: a.number,
      fromRu: STATUS_NAMES[from].ru,
      fromEn: STATUS_NAMES[from].en,
      statusRu: STATUS_NAMES[to].ru,
      statusEn: STATUS_NAMES[to].en,
      reason,
    },
    link: `/my/applications/${a.id}`,
    eventKey: `queue.event:${eventId}`,
  });
}

/** One audited transition with its event, notification and recalculation, in the caller's transaction. */
export async function transition(
  tx: Executor,
  actor: Actor,
  a: q.ApplicationRowT,
  to: ApplicationStatusName,
  reason: string,
  now: Date,
  opts: { notify?: boolean; data?: Record<string, unknown> } = {},
) {
  try {
    assertTransition(a.status, to);
  } catch (err) {
    if (err instanceof IllegalTransition)
      throw conflict(err.message, {
        code: 'illegal-transition',
        from: err.from,
        to: err.to,
        allowed: err.allowed,
      });
    throw err;
  }
  await q.setStatus(tx, a.id, to, now);
  const event = await q.insertEvent(tx, {
    applicationId: a.id,
    kind: 'status',
    fromStatus: a.status,
    toStatus: to,
    reason,
    data: opts.data ?? {},
    actorId: actor.userId,
    occurredAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'queue.application.status',
    subjectType: 'application',
    subjectId: a.id,
    municipalityId: a.municipality_id,
    summary: { from: a.status, to, eventId: event.id },
  });
  if (opts.notify !== false) await notifyStatus(tx, a, a.status, to, reason, event.id);
  if (isInQueue(a.status) || isInQueue(to)) await requestRecalc(tx, a.municipality_id);
  return event;
}

export async function changeStatus(
  db: Db,
  actor: Actor,
  id: string,
  to: ApplicationStatusName,
  reason: string,
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const a = await q.applicationRow(tx, id, true);
    if (!a) throw notFound('Application');
    await transition(tx, actor, a, to, reason, now);
    return { id, status: to, statusChangedAt: now.toISOString() };
  });
}

export async function withdraw(
  db: Db,
  actor: Actor,
  id: string,
  reason: string | undefined,
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const a = await q.applicationRow(tx, id, true);
    if (!a) throw notFound('Application');
    await transition(tx, actor, a, 'removed', reason?.trim() || 'Снято с учёта по заявлению родителя', now, {
      data: { byApplicant: true },
    });
    return { id, status: 'removed' as const, statusChangedAt: now.toISOString() };
  });
}

export async function changeChoices(
  db: Db,
  actor: Actor,
  id: string,
  kindergartenIds: number[],
  reason: string | undefined,
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const a = await q.applicationRow(tx, id, true);
    if (!a) throw notFound('Application');
    if (!isInQueue(a.status) && a.status !== 'new')
      throw conflict(`Kindergartens can be changed only while waiting in the queue (status ${a.status}).`, {
        code: 'not-in-queue',
      });
    const config = await loadQueueConfig(tx, a.municipality_id);
    const benefits = await q.benefitsOf(tx, [id]);
    const kgs = await q.kindergartenFacts(tx, kindergartenIds);
    const problems = checkApplication(
      {
        birthDate: a.birth_date,
        desiredDate: a.desired_date,
        kindergartenIds,
        benefits: benefits
          .filter((b) => b.status !== 'rejected')
          .map((b) => ({
            kind: b.kind,
            class: b.class,
            siblingKindergartenId: b.sibling_kindergarten_id ?? undefined,
          })),
      },
      '9999-12-31',
      a.municipality_id,
      { ...config, maxAgeYears: 99 },
      kgs,
    ).filter((p) => !p.field.startsWith('child.') && !p.field.startsWith('desiredDate'));
    if (problems.length > 0)
      throw new HttpProblem(422, 'invalid-field', problems[0]!.message, { errors: problems });
    const before = (await q.choicesOf(tx, [id])).map((c) => c.kindergarten_id);
    await q.replaceChoices(tx, id, kindergartenIds);
    if (!config.keepRegistrationOnChoiceChange) await q.setRegisteredAt(tx, id, now);
    const event = await q.insertEvent(tx, {
      applicationId: id,
      kind: 'choices',
      reason: reason?.trim() || 'Родитель изменил список детских садов',
      data: {
        from: before,
        choices: kindergartenIds,
        registrationKept: config.keepRegistrationOnChoiceChange,
      },
      actorId: actor.userId,
      occurredAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'queue.application.choices',
      subjectType: 'application',
      subjectId: id,
      municipalityId: a.municipality_id,
      summary: { from: before, to: kindergartenIds, eventId: event.id },
    });
    await requestRecalc(tx, a.municipality_id);
    return detail(tx, id, [], config);
  });
}

export async function decideBenefit(
  db: Db,
  actor: Actor,
  id: string,
  d: {
    benefitId: number;
    decision: 'verify' | 'reject';
    reason?: string | undefined;
    validUntil?: string | undefined;
  },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const a = await q.applicationRow(tx, id, true);
    if (!a) throw notFound('Application');
    const b = await q.benefitById(tx, d.benefitId);
    if (!b || b.application_id !== id) throw notFound('Benefit');
    if (b.status !== 'claimed')
      throw conflict(`This benefit was already decided (${b.status}).`, { code: 'benefit-decided' });
    // With no document on file the confirmation is the officer's own check (a registry query, the
    // papers seen at the desk): it is recorded only with what was checked.
    if (d.decision === 'verify' && b.document_ids.length === 0 && (d.reason?.trim().length ?? 0) < 5)
      throw invalidField(
        'reason',
        'a privilege without a document is confirmed only with the reason of the check',
        'what was checked, e.g. «справка из реестра ФССП от 01.12.2026»',
      );
    const status = d.decision === 'verify' ? 'verified' : 'rejected';
    const reason =
      d.reason?.trim() || (status === 'verified' ? 'Льгота подтверждена документами' : 'В льготе отказано');
    const decided = await q.decideBenefit(tx, b.id, {
      status,
      by: actor.userId,
      reason,
      validUntil: d.validUntil ?? b.valid_until,
      at: now,
    });
    const event = await q.insertEvent(tx, {
      applicationId: id,
      kind: 'benefit',
      reason,
      data: { benefitId: b.id, kind: b.kind, class: b.class, decision: status },
      actorId: actor.userId,
      occurredAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'queue.benefit.decide',
      subjectType: 'benefit',
      subjectId: b.id,
      municipalityId: a.municipality_id,
      summary: { applicationId: id, class: b.class, decision: status, eventId: event.id },
    });
    const kind = BENEFIT_KINDS[b.kind as BenefitKind];
    await notifyParent(tx, {
      userId: a.applicant_id,
      email: a.applicant_email,
      template: 'queue.benefit-decided',
      params: {
        number: a.number,
        benefitRu: kind?.ru ?? b.kind,
        benefitEn: kind?.en ?? b.kind,
        decisionRu: status === 'verified' ? 'подтверждена' : 'отказано',
        decisionEn: status === 'verified' ? 'verified' : 'rejected',
        reason,
      },
      link: `/my/applications/${id}`,
      eventKey: `queue.event:${event.id}`,
    });
    // The last open check done: back to «Зарегистрировано»; the benefit notice already told the parent.
    let current: ApplicationStatusName = a.status;
    if (a.status === 'benefit_check' && (await q.pendingBenefitCount(tx, id)) === 0) {
      await transition(tx, actor, a, 'registered', 'Проверка льгот завершена', now, { notify: false });
      current = 'registered';
    } else await requestRecalc(tx, a.municipality_id);
    return {
      applicationId: id,
      status: current,
      benefit: {
        id: decided.id,
        kind: decided.kind,
        class: decided.class,
        status: decided.status,
        siblingKindergartenId: decided.sibling_kindergarten_id,
        validUntil: decided.valid_until,
        documentIds: decided.document_ids,
        decidedAt: decided.decided_at ? decided.decided_at.toISOString() : null,
        decisionReason: decided.decision_reason,
        claimedAt: decided.claimed_at.toISOString(),
      },
    };
  });
}

// ——— recalculation ———

export interface RecalcOutcome {
  skipped: boolean;
  applications: number;
  rows: number;
  ms: number;
  /** Stages: reading the input, the pure ordering, writing positions and notices. */
  stages: { readMs: number; orderMs: number; writeMs: number };
  notified: number;
}

/**
 * Recomputes every position of a municipality with the pure ordering and replaces them in one
 * transaction; then notifies parents whose municipality-queue position moved past the threshold.
 */
/**
 * The last positions this process wrote per municipality, reused by the next recalculation when the
 * stored version is still the one it wrote (saves re-reading ~100k rows). Dropped on any failure.
 */
const lastWritten = new Map<number, q.StoredPositions>();

export async function recalculate(
  db: Executor,
  municipalityId: number,
  opts: { minVersion?: number; now?: Date } = {},
): Promise<RecalcOutcome> {
  const started = performance.now();
  const state = await q.recalculationState(db, municipalityId);
  if (opts.minVersion !== undefined && state && state.computed_version >= opts.minVersion)
    return {
      skipped: true,
      applications: 0,
      rows: 0,
      ms: 0,
      stages: { readMs: 0, orderMs: 0, writeMs: 0 },
      notified: 0,
    };
  const version = state?.requested_version ?? 0;
  const previous = lastWritten.get(municipalityId) ?? null;
  const config = await loadQueueConfig(db, municipalityId);
  const now = opts.now ?? new Date();
  const apps = await q.queueInput(db, municipalityId, config.ageRule);
  const read = performance.now();
  const rows = allPositions(orderQueues(apps, today(now), config));
  const ordered = performance.now();
  let notified = 0;
  let stored: Map<string, string> | null = null;
  lastWritten.delete(municipalityId);
  await withTx(db, async (tx) => {
    const written = await q.writePositions(tx, municipalityId, rows, previous);
    stored = written.stored;
    // Only a moved child can have crossed the notification threshold.
    const moved = written.changed.filter((r) => r.kindergartenId === null);
    notified = await notifyPositionMoves(tx, moved, config, now);
    await q.finishRecalculation(tx, municipalityId, {
      version,
      computedAt: now,
      applications: apps.length,
      durationMs: performance.now() - started,
    });
  });
  if (stored) lastWritten.set(municipalityId, { version, computedAt: now.getTime(), rows: stored });
  const end = performance.now();
  return {
    skipped: false,
    applications: apps.length,
    rows: rows.length,
    ms: end - started,
    stages: {
      readMs: Math.round(read - started),
      orderMs: Math.round(ordered - read),
      writeMs: Math.round(end - ordered),
    },
    notified,
  };
}

async function notifyPositionMoves(
  tx: Executor,
  moved: readonly { applicationId: string; position: number }[],
  config: QueueConfig,
  now: Date,
): Promise<number> {
  const contacts = new Map(
    (
      await q.noticesFor(
        tx,
        moved.map((m) => m.applicationId),
      )
    ).map((n) => [n.id, n]),
  );
  const updates: { applicationId: string; position: number }[] = [];
  let sent = 0;
  for (const m of moved) {
    const p = contacts.get(m.applicationId);
    if (!p) continue;
    // First time in the queue: remember the position, nothing to tell yet.
    if (p.last === null) {
      updates.push({ applicationId: m.applicationId, position: m.position });
      continue;
    }
    if (Math.abs(m.position - p.last) < config.positionNotifyThreshold) continue;
    updates.push({ applicationId: m.applicationId, position: m.position });
    if (!p.applicant_id && !p.applicant_email) continue;
    await notifyParent(tx, {
      userId: p.applicant_id,
      email: p.applicant_email,
      template: 'queue.position-changed',
      params: { number: p.number, previous: p.last, position: m.position },
      link: `/my/applications/${m.applicationId}`,
      eventKey: `queue.position:${m.applicationId}:${p.last}:${m.position}:${now.toISOString()}`,
    });
    sent++;
  }
  await q.upsertNotices(tx, updates);
  return sent;
}

/** Computes a municipality's positions on first use (e.g. right after the seed), later jobs keep them fresh. */
export async function ensureComputed(db: Db, municipalityId: number): Promise<void> {
  const state = await q.recalculationState(db, municipalityId);
  if (!state?.computed_at) await recalculate(db, municipalityId);
}

/** Recalculates every municipality whose positions are missing or older than its last change. */
export async function recalculateStale(db: Executor): Promise<number> {
  const ids = await q.staleMunicipalities(db);
  for (const id of ids) await recalculate(db, id);
  return ids.length;
}

// ——— positions ———

export async function positionOf(db: Db, id: string, now = new Date()): Promise<PositionResponse> {
  const a = await q.applicationRow(db, id);
  if (!a) throw notFound('Application');
  await ensureComputed(db, a.municipality_id);
  const rows = await q.positionsOf(db, id);
  const computed = await q.computedAt(db, a.municipality_id);
  const toPosition = (r: (typeof rows)[number]) => ({
    ...positionView(r),
    kindergartenNameEn: r.kindergarten_id === 0 ? null : r.name_en,
  });
  const inQueue = isInQueue(a.status);
  // Out of the queue (directed, enrolled, withdrawn…) the last computed rows may linger until the
  // next recalculation: a place «58 of 446» beside «not in the queue» would say two things at once.
  const municipality = inQueue ? rows.find((r) => r.kindergarten_id === 0) : undefined;
  return {
    applicationId: id,
    number: a.number,
    status: a.status,
    inQueue,
    asOf: (computed ?? now).toISOString(),
    municipality: municipality ? toPosition(municipality) : null,
    kindergartens: inQueue ? rows.filter((r) => r.kindergarten_id !== 0).map(toPosition) : [],
    wait: null,
  };
}

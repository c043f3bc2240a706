// Use cases of placement waves and directions: one transaction each, audit and notifications written
// in the same transaction as the change.

import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/audit/audit-log.js';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Executor, type Tx } from '../../../platform/db/transaction.js';
import { enqueue } from '../../../platform/jobs/outbox.js';
import { conflict, HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import { notify } from '../../../platform/notifications/notify.js';
import type { CreateWaveInput } from '../../../contracts/kindergarten-placement.js';
import { enrollmentSeptemberFirst } from '../queue/age-group.js';
import { anonymize } from './anonymize.js';
import { buildInstance, type WaveRules } from './build-instance.js';
import { draftReview, type StoredReview } from './draft-review.js';
import * as q from './queries.js';
import { MalformedInstanceError, parseInstance, solve } from './solver/index.js';
import type { InstanceJson } from './solver/index.js';

export const RUN_TOPIC = 'placement.run';
export const EXPIRE_TOPIC = 'placement.expire-directions';
export const DEFAULT_DIRECTION_DAYS = 30;

/** Progress of runs on this process (a run writes nothing until its single final transaction). */
const progress = new Map<number, { progress: number; stage: string }>();
export const runProgress = (runId: number) => progress.get(runId);

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

/** Default rule after a decline or no-show: desired date moves to 1 September of the next school year. */
export function nextSeptemberFirst(placementDate: string): string {
  const start = enrollmentSeptemberFirst(placementDate);
  return `${Number(start.slice(0, 4)) + 1}-09-01`;
}

export async function createWave(db: Db, actor: Actor, input: CreateWaveInput): Promise<string> {
  if (input.rules.ageMin > input.rules.ageMax)
    throw invalidField('rules.ageMax', 'ageMax must not be below ageMin.', '>= ageMin');
  if (Number.isNaN(Date.parse(input.placementDate)))
    throw invalidField('placementDate', 'Not a calendar date.', 'YYYY-MM-DD');
  return inTransaction(db, async (tx) => {
    if (!(await q.municipalityExists(tx, input.municipalityId)))
      throw invalidField('municipalityId', 'Unknown municipality.');
    let seats = input.seats;
    if (seats === undefined) {
      seats = (await q.freePlaces(tx, input.municipalityId))
        .map((g) => ({
          groupId: g.groupId,
          seats:
            input.seatSource === 'capacity'
              ? Math.min(60, g.capacity)
              : Math.max(0, g.capacity - (g.attending ?? 0) - (g.directed ?? 0)),
        }))
        .filter((s) => s.seats > 0);
    } else {
      const ids = [...new Set(seats.map((s) => s.groupId))];
      if (ids.length !== seats.length) throw invalidField('seats', 'A group is listed twice.');
      const known = new Set((await q.groupsOfMunicipality(tx, input.municipalityId, ids)).map((g) => g.id));
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined)
        throw invalidField('seats', `Group ${unknown} is not a group of this municipality.`);
    }
    const id = await q.insertWave(tx, {
      municipalityId: input.municipalityId,
      kind: input.kind,
      title: input.title,
      placementDate: input.placementDate,
      schoolYearStart: enrollmentSeptemberFirst(input.placementDate),
      rules: input.rules,
      createdBy: actor.userId,
    });
    await q.insertSeats(tx, id, seats);
    await recordAudit(tx, actor, {
      action: 'placement.wave.create',
      subjectType: 'placement_wave',
      subjectId: id,
      municipalityId: input.municipalityId,
      summary: {
        kind: input.kind,
        placementDate: input.placementDate,
        rules: input.rules,
        groups: seats.length,
      },
    });
    return id;
  });
}

async function openWave(tx: Executor, waveId: string) {
  const wave = await q.lockWave(tx, waveId);
  if (!wave) throw notFound('Wave');
  if (wave.status === 'confirmed')
    throw conflict('The wave is already confirmed; its directions are issued.', { code: 'wave-confirmed' });
  return wave;
}

export async function requestRun(db: Db, actor: Actor, waveId: string): Promise<number> {
  return inTransaction(db, async (tx) => {
    const wave = await openWave(tx, waveId);
    const counts = await q.waveCounts(tx, waveId);
    if (counts.seats === 0)
      throw new HttpProblem(
        409,
        'no-seats',
        'The wave offers no seats: add seats to at least one group first.',
      );
    const runId = await q.insertRun(tx, waveId, actor.userId);
    await enqueue(tx, { topic: RUN_TOPIC, payload: { runId }, dedupeKey: `placement-run:${runId}` });
    await recordAudit(tx, actor, {
      action: 'placement.wave.run',
      subjectType: 'placement_wave',
      subjectId: waveId,
      municipalityId: wave.municipality_id,
      summary: { runId },
    });
    return runId;
  });
}

/**
 * The background job: build the instance from the database, solve, and store instance, result and
 * review as the draft — all inside the job's one transaction, so a crash leaves the run queued and
 * the outbox retries it from scratch. The same database state gives the same draft (deterministic).
 */
export async function executeRun(tx: Tx, runId: number): Promise<void> {
  const run = await q.findRun(tx, runId);
  if (!run || run.status !== 'queued') return;
  const wave = await q.findWave(tx, run.wave_id);
  if (!wave || wave.status === 'confirmed') {
    await q.finishRun(tx, runId, { status: 'failed', error: 'The wave was confirmed before this run.' });
    return;
  }
  const stage = (p: number, s: string) => progress.set(runId, { progress: p, stage: s });
  stage(0.1, 'loading');
  const offered = await q.offeredGroups(tx, wave.id);
  const applications = await q.candidateApplications(tx, wave.municipality_id, wave.id);
  const heldIds = [
    ...new Set(applications.map((a) => a.currentGroupId).filter((g): g is number => g !== null)),
  ];
  const held = await q.groupsById(tx, heldIds);
  stage(0.4, 'building');
  const built = buildInstance(
    {
      placementDate: wave.placement_date,
      schoolYearStart: wave.school_year_start,
      rules: wave.rules as unknown as WaveRules,
    },
    offered,
    held,
    applications,
  );
  stage(0.6, 'solving');
  let instance;
  try {
    instance = parseInstance(built.instance);
  } catch (error) {
    // Not retried: the same rows would build the same malformed instance. The officer sees why.
    if (!(error instanceof MalformedInstanceError)) throw error;
    await q.finishRun(tx, runId, { status: 'failed', error: `Malformed instance: ${error.message}` });
    return;
  }
  const result = solve(instance);
  stage(0.8, 'reviewing');
  const names = new Map((await q.kindergartenNames(tx, wave.municipality_id)).map((k) => [k.id, k.name_ru]));
  const review = draftReview(built, instance, result.assignments, (id) => names.get(id) ?? `#${id}`);
  const inputSha256 = createHash('sha256').update(JSON.stringify(built.instance)).digest('hex');
  await q.finishRun(tx, runId, {
    status: 'draft',
    instance: built.instance,
    result: { version: 1, assignments: { ...result.assignments }, stats: result.stats },
    review,
    inputSha256,
  });
  await q.supersedeDrafts(tx, wave.id, runId);
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'placement.run.draft',
    subjectType: 'placement_wave',
    subjectId: wave.id,
    municipalityId: wave.municipality_id,
    summary: { runId, children: result.stats.children, placed: result.stats.placed, inputSha256 },
  });
  stage(1, 'done');
}

export async function excludeApplication(
  db: Db,
  actor: Actor,
  waveId: string,
  applicationId: string,
  reason: string,
) {
  await inTransaction(db, async (tx) => {
    const wave = await openWave(tx, waveId);
    if (!(await q.applicationOfMunicipality(tx, applicationId, wave.municipality_id)))
      throw invalidField('applicationId', 'No such application in this municipality.');
    await q.excludeApplication(tx, waveId, applicationId, reason, actor.userId);
    await recordAudit(tx, actor, {
      action: 'placement.wave.exclude-application',
      subjectType: 'placement_wave',
      subjectId: waveId,
      municipalityId: wave.municipality_id,
      summary: { applicationId, reason },
    });
  });
}

export async function excludeSeat(db: Db, actor: Actor, waveId: string, groupId: number, reason: string) {
  await inTransaction(db, async (tx) => {
    const wave = await openWave(tx, waveId);
    if (!(await q.excludeSeat(tx, waveId, groupId, reason, actor.userId)))
      throw invalidField('groupId', 'This group offers no seats in the wave.');
    await recordAudit(tx, actor, {
      action: 'placement.wave.exclude-seat',
      subjectType: 'placement_wave',
      subjectId: waveId,
      municipalityId: wave.municipality_id,
      summary: { groupId, reason },
    });
  });
}

export async function setSeats(db: Db, actor: Actor, waveId: string, groupId: number, seats: number) {
  await inTransaction(db, async (tx) => {
    const wave = await openWave(tx, waveId);
    if ((await q.groupsOfMunicipality(tx, wave.municipality_id, [groupId])).length === 0)
      throw invalidField('groupId', 'Not a group of this municipality.');
    await q.setSeats(tx, waveId, groupId, seats);
    await recordAudit(tx, actor, {
      action: 'placement.wave.set-seats',
      subjectType: 'placement_wave',
      subjectId: waveId,
      municipalityId: wave.municipality_id,
      summary: { groupId, seats },
    });
  });
}

const tokenOf = () => randomBytes(9).toString('base64url');

/** Issues every direction of the wave's draft in one transaction; a wave is confirmed once. */
export async function confirmWave(db: Db, actor: Actor, waveId: string, publicUrl: string) {
  return inTransaction(db, async (tx) => {
    const wave = await openWave(tx, waveId);
    const last = await q.latestRun(tx, waveId);
    if (!last || last.status !== 'draft')
      throw conflict(
        last?.status === 'queued'
          ? 'The latest run is still in progress; confirm when its draft is ready.'
          : 'There is no draft to confirm: run the wave first.',
        { code: 'no-draft' },
      );
    const run = (await q.findRun(tx, last.id))!;
    const review = run.review as StoredReview;
    const instance = run.instance as InstanceJson;
    const config = await q.regionConfig(tx);
    const days =
      Number((config.placement as { directionValidDays?: number } | undefined)?.directionValidDays) ||
      DEFAULT_DIRECTION_DAYS;
    const validUntil = addDays(today(), days);
    const programs = new Map(review.programs.map((p) => [p.programId, p]));
    const moving = review.children.filter((c) => c.assigned !== null && !c.keptCurrent);
    const apps = new Map(
      (
        await q.applicationsForDirections(
          tx,
          moving.map((c) => c.applicationId),
        )
      ).map((a) => [a.id, a]),
    );
    const stale = moving.find((c) => {
      const s = apps.get(c.applicationId)?.status;
      return s !== 'registered' && s !== 'change_requested' && s !== 'benefit_check';
    });
    if (stale)
      throw conflict(
        `Application ${stale.childId} changed status since the run; run the wave again before confirming.`,
        { code: 'stale-draft' },
      );
    const year = wave.placement_date.slice(0, 4);
    const rows = moving.map((c, i) => {
      const p = programs.get(c.assigned!)!;
      return {
        wave_id: waveId,
        run_id: run.id,
        application_id: c.applicationId,
        group_id: p.groupId,
        kindergarten_id: p.kindergartenId,
        number: `Н-${year}-${run.id}-${String(i + 1).padStart(5, '0')}`,
        valid_until: validUntil,
        explanation: JSON.stringify(c.explanation),
      };
    });
    await q.insertDirections(tx, rows);
    const ids = moving.map((c) => c.applicationId);
    const fromStatus = new Map(ids.map((id) => [id, apps.get(id)!.status]));
    await q.setApplicationStatus(tx, ids, 'directed');
    await q.insertApplicationEvents(
      tx,
      moving.map((c) => ({
        application_id: c.applicationId,
        kind: 'status' as const,
        from_status: fromStatus.get(c.applicationId)!,
        to_status: 'directed',
        reason: 'Выдано направление в детский сад (комплектование)',
        data: { waveId, runId: run.id, programId: c.assigned, choiceRank: c.choiceRank },
        actor_id: actor.userId,
      })),
    );
    for (const c of moving) {
      const app = apps.get(c.applicationId)!;
      await notify(tx, {
        userId: app.applicant_id,
        email: app.applicant_id ? null : app.applicant_email,
        template: 'placement.direction-issued',
        params: { number: app.number, validUntil },
        link: '/my-directions',
        eventKey: `direction-issued:${waveId}:${c.applicationId}`,
      });
    }
    const { assignments } = run.result as { assignments: Record<string, string | null> };
    const published = anonymize(instance, assignments, tokenOf);
    await q.markRunConfirmed(tx, run.id, published);
    await q.markWaveConfirmed(tx, waveId, actor.userId);
    await recordAudit(tx, actor, {
      action: 'placement.wave.confirm',
      subjectType: 'placement_wave',
      subjectId: waveId,
      municipalityId: wave.municipality_id,
      summary: { runId: run.id, directions: rows.length, inputSha256: run.input_sha256, publicUrl },
    });
    return { directions: rows.length, runId: run.id };
  });
}

// ---------------------------------------------------------------------------------------------------
// Directions

type DirectionRow = NonNullable<Awaited<ReturnType<typeof q.findDirection>>>;

async function liveDirection(tx: Tx, directionId: string): Promise<DirectionRow> {
  const d = await q.lockDirection(tx, directionId);
  if (!d) throw notFound('Direction');
  if (d.status === 'offered' && d.valid_until < today())
    throw new HttpProblem(409, 'direction-expired', `The direction expired on ${d.valid_until}.`);
  return d;
}

export async function decideDirection(
  db: Db,
  actor: Actor,
  directionId: string,
  decision: 'accept' | 'decline',
) {
  await inTransaction(db, async (tx) => {
    const d = await liveDirection(tx, directionId);
    if (d.status !== 'offered')
      throw conflict(`The direction is already ${d.status}.`, { code: 'direction-decided' });
    if (decision === 'accept') {
      await q.setDirectionStatus(tx, d.id, 'accepted', actor.userId);
      await q.insertApplicationEvents(tx, [
        {
          application_id: d.application_id,
          kind: 'details',
          from_status: null,
          to_status: null,
          reason: 'Родитель согласился с направлением',
          data: { directionId: d.id },
          actor_id: actor.userId,
        },
      ]);
    } else {
      await q.setDirectionStatus(tx, d.id, 'declined', actor.userId);
      await returnToQueue(tx, d, actor, 'Отказ от предоставленного места');
    }
    await recordAudit(tx, actor, {
      action: `placement.direction.${decision}`,
      subjectType: 'direction',
      subjectId: d.id,
      municipalityId: d.municipality_id,
      summary: { applicationId: d.application_id },
    });
  });
}

/** The configured rule after a decline or no-show: back to the queue, desired date 1 September next year. */
async function returnToQueue(tx: Tx, d: DirectionRow, actor: Actor, why: string) {
  const moved = nextSeptemberFirst(d.placement_date);
  await q.setApplicationStatus(tx, [d.application_id], 'registered', { desiredDate: moved });
  await q.insertApplicationEvents(tx, [
    {
      application_id: d.application_id,
      kind: 'status',
      from_status: d.application_status,
      to_status: 'registered',
      reason: `${why}; ребёнок остаётся в очереди`,
      data: { directionId: d.id },
      actor_id: actor.userId,
    },
    {
      application_id: d.application_id,
      kind: 'desired_date',
      from_status: null,
      to_status: null,
      reason: 'Желаемая дата перенесена на 1 сентября следующего года',
      data: { from: d.desired_date, to: moved },
      actor_id: actor.userId,
    },
  ]);
}

export async function enrollDirection(db: Db, actor: Actor, directionId: string) {
  await inTransaction(db, async (tx) => {
    const d = await liveDirection(tx, directionId);
    if (d.status !== 'offered' && d.status !== 'accepted')
      throw conflict(`The direction is ${d.status}; only an offered or accepted one can be enrolled.`, {
        code: 'direction-decided',
      });
    const on = today() > d.placement_date ? today() : d.placement_date;
    await q.setDirectionStatus(tx, d.id, 'enrolled', actor.userId);
    await q.endEnrollment(tx, d.child_id, on, 'Перевод в другой детский сад');
    await q.insertEnrollment(tx, {
      groupId: d.group_id,
      childId: d.child_id,
      applicationId: d.application_id,
      on,
    });
    await q.setApplicationStatus(tx, [d.application_id], 'enrolled');
    await q.insertApplicationEvents(tx, [
      {
        application_id: d.application_id,
        kind: 'status',
        from_status: d.application_status,
        to_status: 'enrolled',
        reason: 'Зачислен в детский сад',
        data: { directionId: d.id, groupId: d.group_id, enrolledOn: on },
        actor_id: actor.userId,
      },
    ]);
    await notify(tx, {
      userId: d.applicant_id,
      email: d.applicant_id ? null : d.applicant_email,
      template: 'placement.enrolled',
      params: { number: d.application_number, kindergarten: d.kindergarten_name },
      link: '/my-directions',
      eventKey: `direction-enrolled:${d.id}`,
    });
    await recordAudit(tx, actor, {
      action: 'placement.direction.enroll',
      subjectType: 'direction',
      subjectId: d.id,
      municipalityId: d.municipality_id,
      summary: { applicationId: d.application_id, groupId: d.group_id, enrolledOn: on },
    });
  });
}

/** The scheduled job: directions past their period become no-shows (Не явился), then the configured rule. */
export async function expireDirections(tx: Tx, on = today()): Promise<number> {
  const overdue = await q.overdueDirections(tx, on);
  for (const d of overdue) {
    await q.setDirectionStatus(tx, d.id, 'expired', null);
    await q.setApplicationStatus(tx, [d.application_id], 'no_show');
    await q.insertApplicationEvents(tx, [
      {
        application_id: d.application_id,
        kind: 'status',
        from_status: d.application_status,
        to_status: 'no_show',
        reason: 'Не явился: срок действия направления истёк',
        data: { directionId: d.id, validUntil: d.valid_until },
        actor_id: null,
      },
    ]);
    await returnToQueue(tx, { ...d, application_status: 'no_show' }, SYSTEM_ACTOR, 'Не явился');
    await notify(tx, {
      userId: d.applicant_id,
      email: d.applicant_id ? null : d.applicant_email,
      template: 'placement.no-show',
      params: { number: d.application_number },
      link: '/my-directions',
      eventKey: `direction-expired:${d.id}`,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'placement.direction.expire',
      subjectType: 'direction',
      subjectId: d.id,
      municipalityId: d.municipality_id,
      summary: { applicationId: d.application_id, validUntil: d.valid_until },
    });
  }
  return overdue.length;
}

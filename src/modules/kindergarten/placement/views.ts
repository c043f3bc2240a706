// Response bodies: database rows and stored reviews shaped into the contracts, with permittedActions.

import type { z } from 'zod';
import type {
  Direction,
  WaveReview,
  WaveSummary,
  reviewQuerySchema,
} from '../../../contracts/kindergarten-placement.js';
import type { Principal } from '../../../platform/auth/roles.js';
import { permittedActions } from '../../../platform/auth/permissions.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { notFound } from '../../../platform/http/problem.js';
import { DEFAULT_CLASS_ORDER } from '../queue/queue-priority.js';
import type { StoredReview } from './draft-review.js';
import { registeredOn } from './explain.js';
import { NO_OWNER, PLACEMENT_ACTIONS as A } from './permissions.js';
import * as q from './queries.js';
import { runProgress } from './service.js';
import { reconcile } from './reconcile.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function waveSummary(
  db: Executor,
  principal: Principal | null,
  waveId: string,
): Promise<WaveSummary> {
  const w = await q.findWave(db, waveId);
  if (!w) throw notFound('Wave');
  const counts = await q.waveCounts(db, waveId);
  const run = await q.latestRun(db, waveId);
  const live = run ? runProgress(run.id) : undefined;
  const rules = w.rules as WaveSummary['rules'];
  return {
    id: w.id,
    municipalityId: w.municipality_id,
    kind: w.kind,
    title: w.title,
    placementDate: w.placement_date,
    schoolYearStart: w.school_year_start,
    rules,
    status: w.status,
    createdAt: w.created_at.toISOString(),
    confirmedAt: iso(w.confirmed_at),
    seatsOffered: counts.seats,
    groupsOffered: counts.groups,
    excludedApplications: counts.excluded,
    latestRun: run
      ? {
          id: run.id,
          status: run.status,
          requestedAt: run.requested_at.toISOString(),
          finishedAt: iso(run.finished_at),
          error: run.error,
          progress: run.status === 'queued' ? (live?.progress ?? 0) : 1,
          stage: run.status === 'queued' ? (live?.stage ?? 'queued') : run.status,
        }
      : null,
    permittedActions:
      w.status === 'open'
        ? permittedActions(principal, { municipalityId: w.municipality_id }, [A.waveManage])
        : [],
  };
}

function cutoffView(c: StoredReview['programs'][number]['cutoff']) {
  if (!c) return null;
  const rank = c.priority[0] ?? 3;
  return {
    classRank: rank,
    queueClass: DEFAULT_CLASS_ORDER[rank] ?? 'general',
    registeredOn: registeredOn(c.priority[1] ?? 0),
    holdsCurrent: c.holdsCurrent,
  };
}

export async function waveReview(
  db: Executor,
  waveId: string,
  query: z.infer<typeof reviewQuerySchema>,
): Promise<WaveReview> {
  const wave = await q.findWave(db, waveId);
  if (!wave) throw notFound('Wave');
  const run = await q.reviewedRun(db, waveId);
  if (!run) throw notFound('Draft (run the wave first)');
  const review = run.review as StoredReview;
  const kindergartens = new Map((await q.kindergartenNames(db, wave.municipality_id)).map((k) => [k.id, k]));
  const groups = new Map(
    (
      await q.groupNames(
        db,
        review.programs.map((p) => p.groupId),
      )
    ).map((g) => [g.id, g.name]),
  );
  const programById = new Map(review.programs.map((p) => [p.programId, p]));

  const byKindergarten = new Map<number, WaveReview['kindergartens'][number]>();
  for (const p of review.programs) {
    const k = kindergartens.get(p.kindergartenId);
    let entry = byKindergarten.get(p.kindergartenId);
    if (!entry) {
      entry = {
        kindergartenId: p.kindergartenId,
        code: k?.code ?? '',
        name: k?.name_ru ?? `#${p.kindergartenId}`,
        lat: k?.lat ?? null,
        lon: k?.lon ?? null,
        seats: 0,
        admitted: 0,
        seatsLeft: 0,
        programs: [],
      };
      byKindergarten.set(p.kindergartenId, entry);
    }
    const capacity = p.seats + p.held;
    entry.seats += capacity;
    entry.admitted += p.admitted;
    entry.seatsLeft += capacity - p.admitted;
    entry.programs.push({
      programId: p.programId,
      groupId: p.groupId,
      groupName: groups.get(p.groupId) ?? `#${p.groupId}`,
      kindergartenId: p.kindergartenId,
      seats: p.seats,
      held: p.held,
      admitted: p.admitted,
      seatsLeft: capacity - p.admitted,
      applicants: p.applicants,
      cutoff: cutoffView(p.cutoff),
    });
  }

  const ranks = new Map<number, number>();
  let placed = 0;
  for (const c of review.children)
    if (c.assigned !== null) {
      placed++;
      if (c.choiceRank !== null) ranks.set(c.choiceRank, (ranks.get(c.choiceRank) ?? 0) + 1);
    }
  const seatsOffered = review.programs.reduce((s, p) => s + p.seats + p.held, 0);

  let children = review.children;
  if (query.outcome !== 'all')
    children = children.filter((c) => (query.outcome === 'placed') === (c.assigned !== null));
  if (query.kindergartenId !== undefined)
    children = children.filter(
      (c) => c.assigned !== null && programById.get(c.assigned)?.kindergartenId === query.kindergartenId,
    );
  if (query.q) {
    const needle = query.q.toLowerCase();
    children = children.filter((c) => c.childId.toLowerCase().includes(needle));
  }
  const total = children.length;
  const page = children.slice(query.offset, query.offset + query.limit);
  const names = new Map(
    (
      await q.childNames(
        db,
        page.map((c) => c.applicationId),
      )
    ).map((n) => [n.id, [n.last_name, n.first_name, n.patronymic].filter(Boolean).join(' ')]),
  );

  return {
    runId: run.id,
    status: run.status,
    inputSha256: run.input_sha256 ?? '',
    stats: {
      children: review.children.length,
      placed,
      unplaced: review.children.length - placed,
      byChoiceRank: [...ranks].sort((a, b) => a[0] - b[0]).map(([rank, count]) => ({ rank, count })),
      seatsOffered,
      seatsLeft: seatsOffered - placed,
      ...reconcile(review),
    },
    kindergartens: [...byKindergarten.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    children: page.map((c) => {
      const p = c.assigned === null ? undefined : programById.get(c.assigned);
      return {
        applicationId: c.applicationId,
        number: c.childId,
        childName: names.get(c.applicationId) ?? '',
        ageGroup: c.ageGroup,
        queueClass: DEFAULT_CLASS_ORDER[c.priority[0] ?? 3] ?? 'general',
        assignedGroupId: p?.groupId ?? null,
        assignedKindergartenId: p?.kindergartenId ?? null,
        choiceRank: c.choiceRank,
        keptCurrent: c.keptCurrent,
        explanation: c.explanation,
      };
    }),
    total,
  };
}

type DirectionRow = NonNullable<Awaited<ReturnType<typeof q.findDirection>>>;

export function directionView(d: DirectionRow, principal: Principal | null): Direction {
  const scope = {
    municipalityId: d.municipality_id,
    kindergartenId: d.kindergarten_id,
    ownerUserId: d.applicant_id ?? NO_OWNER,
  };
  const today = new Date().toISOString().slice(0, 10);
  const live = d.valid_until >= today;
  const candidates: string[] = [];
  if (d.status === 'offered' && live) candidates.push(A.directionDecide);
  if ((d.status === 'offered' || d.status === 'accepted') && live) candidates.push(A.directionEnroll);
  return {
    id: d.id,
    number: d.number,
    waveId: d.wave_id,
    waveTitle: d.wave_title,
    applicationId: d.application_id,
    applicationNumber: d.application_number,
    childName: [d.last_name, d.first_name, d.patronymic].filter(Boolean).join(' '),
    kindergartenId: d.kindergarten_id,
    kindergartenName: d.kindergarten_name,
    kindergartenAddress: d.kindergarten_address,
    groupName: d.group_name,
    issuedAt: d.issued_at.toISOString(),
    validUntil: d.valid_until,
    status: d.status,
    decidedAt: iso(d.decided_at),
    explanation: d.explanation as { ru: string; en: string },
    permittedActions: permittedActions(principal, scope, candidates),
  };
}

export async function myPlacement(db: Executor, principal: Principal) {
  const directions = (await q.directionsOfApplicant(db, principal.userId)).map((d) =>
    directionView(d, principal),
  );
  const apps = await q.applicationsOfApplicant(db, principal.userId);
  const directed = new Set(directions.map((d) => d.applicationId));
  const mine = new Map(apps.map((a) => [a.id, a]));
  const unplaced: {
    applicationNumber: string;
    childName: string;
    waveTitle: string;
    explanation: { ru: string; en: string };
  }[] = [];
  const seen = new Set<string>();
  const runs = await q.confirmedRunsOfMunicipalities(db, [...new Set(apps.map((a) => a.municipality_id))]);
  for (const run of runs)
    for (const c of (run.review as StoredReview).children) {
      const app = mine.get(c.applicationId);
      if (!app || c.assigned !== null || directed.has(c.applicationId) || seen.has(c.applicationId)) continue;
      seen.add(c.applicationId);
      unplaced.push({
        applicationNumber: app.number,
        childName: `${app.last_name} ${app.first_name}`,
        waveTitle: run.title,
        explanation: c.explanation,
      });
    }
  return { directions, unplaced };
}

import type { Db } from '../../../platform/db/database.js';
import { notFound, badRequest } from '../../../platform/http/problem.js';
import type {
  PositionChangeResponse,
  PositionResponse,
  QueueClass,
} from '../../../contracts/kindergarten-queue.js';
import { applicationAgeGroup } from './application-rules.js';
import { changeSummary, explainPositionChange, momentOf, positionOn, reasonText } from './position-change.js';
import * as q from './queries.js';
import { classRank } from './queue-priority.js';
import { loadQueueConfig, positionOf, today } from './service.js';
import { estimateWait } from './wait-estimate.js';

/** Positions over time and their explanations, rebuilt from the application_event history. */

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

async function context(db: Db, id: string) {
  const a = await q.applicationRow(db, id);
  if (!a) throw notFound('Application');
  const config = await loadQueueConfig(db, a.municipality_id);
  const ageGroup = applicationAgeGroup(a.birth_date, a.desired_date, config);
  return { a, config, ageGroup };
}

export async function change(
  db: Db,
  id: string,
  query: { from: string; to: string; kindergartenId?: number | undefined },
): Promise<PositionChangeResponse> {
  const { a, config, ageGroup } = await context(db, id);
  const from = momentOf(query.from);
  const to = momentOf(query.to);
  if (from > to) throw badRequest('from is after to', [{ field: 'querystring.from', message: 'after to' }]);
  const group = await q.historyGroup(db, a.municipality_id, ageGroup, config.ageRule, from, to);
  const target = group.find((g) => g.id === id);
  const kg = query.kindergartenId ?? null;
  const result = target
    ? explainPositionChange(target, group, query.from, query.to, kg, config)
    : { fromPosition: null, toPosition: null, delta: null, reasons: [] };
  return {
    applicationId: id,
    kindergartenId: kg,
    from: query.from,
    to: query.to,
    fromPosition: result.fromPosition,
    toPosition: result.toPosition,
    delta: result.delta,
    reasons: result.reasons.map((r) => ({ ...r, textRu: reasonText(r, 'ru'), textEn: reasonText(r, 'en') })),
    summaryRu: changeSummary(result, 'ru'),
    summaryEn: changeSummary(result, 'en'),
  };
}

export async function history(
  db: Db,
  id: string,
  query: { from?: string | undefined; to?: string | undefined; step: 'day' | 'week' | 'month' },
) {
  const { a, config, ageGroup } = await context(db, id);
  const to = query.to ?? today();
  const from = query.from ?? a.registered_at.toISOString().slice(0, 10);
  if (from > to) throw badRequest('from is after to', [{ field: 'querystring.from', message: 'after to' }]);
  const stepDays = query.step === 'day' ? 1 : query.step === 'week' ? 7 : 30;
  const days: string[] = [];
  for (let d = to; d >= from && days.length < 120; d = addDays(d, -stepDays)) days.unshift(d);
  const group = await q.historyGroup(
    db,
    a.municipality_id,
    ageGroup,
    config.ageRule,
    momentOf(days[0] ?? from),
    momentOf(to),
  );
  const target = group.find((g) => g.id === id);
  const kgIds = (await q.choicesOf(db, [id])).map((c) => c.kindergarten_id);
  const points = days.map((day) => {
    const municipality = target ? positionOn(target, group, day, null, config) : null;
    const kindergartens: Record<string, number | null> = {};
    for (const k of kgIds)
      kindergartens[String(k)] = target ? positionOn(target, group, day, k, config) : null;
    return { date: day, municipality, ageGroup: municipality === null ? null : ageGroup, kindergartens };
  });
  return { applicationId: id, from: days[0] ?? from, to, step: query.step, points };
}

const BETTER: Record<QueueClass, QueueClass[]> = {
  extraordinary: [],
  first: ['extraordinary'],
  sibling: ['extraordinary', 'first'],
  general: ['extraordinary', 'first'],
};

export async function positionWithWait(db: Db, id: string, now = new Date()): Promise<PositionResponse> {
  const pos = await positionOf(db, id, now);
  if (!pos.municipality) return pos;
  const { a, config } = await context(db, id);
  const windowMonths = 12;
  const since = new Date(now.getTime() - 365 * DAY_MS);
  const better = BETTER[pos.municipality.queueClass].filter(
    (c) => classRank(c, config) < classRank(pos.municipality!.queueClass, config),
  );
  const counts = await q.placedAndArrivals(
    db,
    a.municipality_id,
    pos.municipality.ageGroup,
    config.ageRule,
    since,
    better,
  );
  return {
    ...pos,
    wait: estimateWait({
      position: pos.municipality.position,
      placedInWindow: counts.placed,
      arrivalsAheadInWindow: counts.arrivals,
      windowMonths,
      today: today(now),
      desiredDate: a.desired_date,
    }),
  };
}

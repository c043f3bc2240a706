import type { Db } from '../../../platform/db/database.js';
import { csvField } from '../../../platform/files/spreadsheet-cell.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import type {
  PositionLookupResponse,
  PublicQueueQuery,
  PublicQueueResponse,
  QueueRulesResponse,
} from '../../../contracts/kindergarten-queue.js';
import { maskNumber } from './masked-number.js';
import { queueConfigOf } from './municipality-config.js';
import { positionView, type StoredPositionRow } from './position-view.js';
import * as q from './queries.js';
import { ensureComputed } from './service.js';

/**
 * The public face of the queue: anonymized rows (keyed masked number, registration moment, class,
 * desired date, status) and the lookup by number + birth date. Nothing here returns a name, a
 * certificate, an address or a full birth date.
 */
export async function publicQueue(
  db: Db,
  query: PublicQueueQuery,
  maskKey: string,
): Promise<PublicQueueResponse> {
  await ensureComputed(db, query.municipalityId);
  const page = await q.publicQueuePage(db, {
    municipalityId: query.municipalityId,
    ageGroup: query.ageGroup,
    kindergartenId: query.kindergartenId ?? 0,
    sort: query.sort,
    order: query.order,
    limit: query.format === 'csv' ? 100_000 : query.pageSize,
    offset: query.format === 'csv' ? 0 : (query.page - 1) * query.pageSize,
  });
  const computed = await q.computedAt(db, query.municipalityId);
  return {
    municipalityId: query.municipalityId,
    ageGroup: query.ageGroup,
    kindergartenId: query.kindergartenId ?? null,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    computedAt: computed ? computed.toISOString() : null,
    items: page.items.map((r) => ({
      position: r.position,
      maskedNumber: maskNumber(r.number, maskKey),
      registeredAt: r.registered_at.toISOString(),
      queueClass: r.queue_class,
      desiredDate: r.desired_date,
      status: r.status,
    })),
  };
}

export function toCsv(page: PublicQueueResponse): string {
  const lines = ['position,masked_number,registered_at,queue_class,desired_date,status'];
  for (const r of page.items)
    lines.push(
      [r.position, r.maskedNumber, r.registeredAt, r.queueClass, r.desiredDate, r.status]
        .map((v) => csvField(v))
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const NO_MATCH = () =>
  // One answer for a wrong number, a wrong birth date or both: the lookup never confirms either part.
  new HttpProblem(404, 'no-match', 'No application matches this number and birth date.');

export async function lookup(
  db: Db,
  number: string,
  birthDate: string,
  maskKey: string,
): Promise<PositionLookupResponse> {
  let rows = await q.lookupByNumber(db, number.trim());
  const first = rows[0];
  if (!first || first.birth_date !== birthDate) throw NO_MATCH();
  if (!first.computed_at) {
    await ensureComputed(db, first.municipality_id);
    rows = await q.lookupByNumber(db, number.trim());
  }
  const a = rows[0]!;
  return {
    maskedNumber: maskNumber(a.number, maskKey),
    status: a.status,
    registeredAt: a.registered_at.toISOString(),
    computedAt: a.computed_at ? a.computed_at.toISOString() : null,
    // A left join: an application without positions yet has one row with every position column null.
    positions: rows.filter((r): r is typeof r & StoredPositionRow => r.position !== null).map(positionView),
  };
}

/**
 * The rules a resident may know before applying. The same `queueConfigOf` the application check
 * uses, so the wizard cannot offer more than the server accepts.
 */
export async function queueRules(db: Db, municipalityId: number): Promise<QueueRulesResponse> {
  const m = await q.municipalityConfig(db, municipalityId);
  if (!m)
    throw new HttpProblem(404, 'not-found', 'Municipality not found.', {
      errors: [{ field: 'municipalityId', message: 'no such municipality' }],
    });
  const c = queueConfigOf(m.config);
  return {
    municipalityId: m.id,
    maxPreferences: c.maxPreferences,
    ageRule: c.ageRule,
    maxAgeYears: c.maxAgeYears,
    classOrder: [...c.classOrder],
    keepRegistrationOnChoiceChange: c.keepRegistrationOnChoiceChange,
  };
}

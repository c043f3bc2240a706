import type { Actor } from '../../../platform/audit/audit-log.js';
import { recordAudit } from '../../../platform/audit/audit-log.js';
import { permittedActions } from '../../../platform/auth/permissions.js';
import type { Principal } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Executor } from '../../../platform/db/transaction.js';
import { csvField } from '../../../platform/files/spreadsheet-cell.js';
import { conflict, notFound, badRequest } from '../../../platform/http/problem.js';
import type { ApplicationStatusName } from '../../../contracts/kindergarten-queue.js';
import type { ApplicationStatus } from '../tables.js';
import * as q from './queries.js';
import { APPLICATION_ACTIONS } from './permissions.js';
import { transition, requestRecalc, today, withTx } from './service.js';
import { EPGU_STATUS } from './status-machine.js';

type SummaryRow = Awaited<ReturnType<typeof q.summariesByIds>>[number];

export async function summaries(db: Executor, rows: readonly SummaryRow[]) {
  const ids = rows.map((r) => r.id);
  const [choices, benefits] = await Promise.all([q.choicesOf(db, ids), q.benefitsOf(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    municipalityId: r.municipality_id,
    status: r.status,
    registeredAt: r.registered_at.toISOString(),
    desiredDate: r.desired_date,
    childName: `${r.last_name} ${r.first_name}`,
    childBirthDate: r.birth_date,
    benefitClasses: [
      ...new Set(
        benefits.filter((b) => b.application_id === r.id && b.status !== 'rejected').map((b) => b.class),
      ),
    ],
    kindergartenIds: choices.filter((c) => c.application_id === r.id).map((c) => c.kindergarten_id),
    source: r.source,
  }));
}

export async function list(
  db: Db,
  principal: Principal | null,
  municipalityId: number,
  query: {
    status?: ApplicationStatus | undefined;
    q?: string | undefined;
    withClaimedBenefits?: boolean | undefined;
    page: number;
    pageSize: number;
  },
) {
  const page = await q.staffList(db, {
    municipalityId,
    status: query.status,
    q: query.q,
    withClaimedBenefits: query.withClaimedBenefits,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = await summaries(db, page.items);
  const actions = permittedActions(
    principal,
    { municipalityId, ownerUserId: 'staff-view' },
    APPLICATION_ACTIONS,
  );
  return {
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((i) => ({ ...i, permittedActions: actions })),
  };
}

export async function duplicates(db: Db, municipalityId: number) {
  const groups = await q.duplicateGroups(db, municipalityId);
  const items = [];
  for (const g of groups.rows) {
    const rows = await q.summariesByIds(db, g.ids);
    items.push({ matchedBy: 'name_and_birth_date' as const, applications: await summaries(db, rows) });
  }
  return { items };
}

/** Keeps `keepId`, removes the duplicate from the queue; the kept one takes the earlier registration moment. */
export async function merge(
  db: Db,
  actor: Actor,
  keepId: string,
  duplicateId: string,
  reason: string,
  now = new Date(),
) {
  if (keepId === duplicateId)
    throw badRequest('An application cannot be merged with itself.', [
      { field: 'duplicateApplicationId', message: 'same application' },
    ]);
  return inTransaction(db, async (tx) => {
    const keep = await q.applicationRow(tx, keepId, true);
    const dup = await q.applicationRow(tx, duplicateId, true);
    if (!keep || !dup) throw notFound('Application');
    if (keep.municipality_id !== dup.municipality_id)
      throw conflict('Only applications of one municipality can be merged.', { code: 'other-municipality' });
    await transition(tx, actor, dup, 'removed', `Объединено с заявлением ${keep.number}: ${reason}`, now, {
      data: { mergedInto: keepId },
    });
    const registeredAt = dup.registered_at < keep.registered_at ? dup.registered_at : keep.registered_at;
    if (registeredAt !== keep.registered_at) await q.setRegisteredAt(tx, keepId, registeredAt);
    await q.insertEvent(tx, {
      applicationId: keepId,
      kind: 'details',
      reason: `Объединено с дубликатом ${dup.number}: ${reason}`,
      data: { merged: duplicateId, registeredAt: registeredAt.toISOString() },
      actorId: actor.userId,
      occurredAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'queue.application.merge',
      subjectType: 'application',
      subjectId: keepId,
      municipalityId: keep.municipality_id,
      summary: { duplicate: duplicateId, registeredAt: registeredAt.toISOString() },
    });
    await requestRecalc(tx, keep.municipality_id);
    return {
      keptApplicationId: keepId,
      archivedApplicationId: duplicateId,
      registeredAt: registeredAt.toISOString(),
    };
  });
}

export async function applicants(db: Db, kindergartenId: number, query: { page: number; pageSize: number }) {
  const page = await q.applicantsOfKindergarten(
    db,
    kindergartenId,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return {
    kindergartenId,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    items: page.items.map((r) => ({
      applicationId: r.id,
      number: r.number,
      rank: r.rank,
      status: r.status,
      registeredAt: r.registered_at.toISOString(),
      desiredDate: r.desired_date,
      ageGroup: r.age_group,
      position: r.position,
      queueClass: r.queue_class,
      childName: `${r.last_name} ${r.first_name}`,
      childBirthDate: r.birth_date,
      applicantName: r.applicant_name,
      applicantPhone: r.applicant_phone,
      applicantEmail: r.applicant_email,
    })),
  };
}

export async function statusExport(db: Db, municipalityId: number, from: string, to: string) {
  const rows = await q.statusEventsBetween(
    db,
    municipalityId,
    new Date(`${from}T00:00:00Z`),
    new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000),
  );
  return {
    municipalityId,
    from,
    to,
    items: rows
      .filter((r) => r.to_status)
      .map((r) => {
        const epgu = EPGU_STATUS[r.to_status as ApplicationStatusName];
        return {
          eventId: r.id,
          occurredAt: r.occurred_at.toISOString(),
          applicationNumber: r.number,
          fromStatus: (r.from_status as ApplicationStatusName | null) ?? null,
          toStatus: r.to_status as ApplicationStatusName,
          epguStatusCode: epgu?.code ?? null,
          epguStatusName: epgu?.name ?? null,
          reason: r.reason,
          source: r.source,
        };
      }),
  };
}

export function statusCsv(out: Awaited<ReturnType<typeof statusExport>>): string {
  const head =
    'event_id,occurred_at,application_number,from_status,to_status,epgu_status_code,epgu_status_name,reason,source';
  const lines = out.items.map((r) =>
    [
      r.eventId,
      r.occurredAt,
      r.applicationNumber,
      r.fromStatus,
      r.toStatus,
      r.epguStatusCode,
      r.epguStatusName,
      r.reason,
      r.source,
    ]
      .map((v) => csvField(v))
      .join(','),
  );
  return `\uFEFF${[head, ...lines].join('\r\n')}\r\n`;
}

/** Снятие с учёта: children who reached 8 full years today leave the queue, each transition audited. */
export async function removeOverAge(
  db: Executor,
  actor: Actor,
  municipalityId: number | null,
  now = new Date(),
): Promise<number> {
  const rows = (await q.overAgeApplications(db, today(now))).filter(
    (r) => municipalityId === null || r.municipality_id === municipalityId,
  );
  let removed = 0;
  for (const r of rows) {
    await withTx(db, async (tx) => {
      const a = await q.applicationRow(tx, r.id, true);
      if (!a || !['new', 'registered', 'benefit_check', 'change_requested'].includes(a.status)) return;
      await transition(tx, actor, a, 'removed', 'Снят с учёта: ребёнок достиг возраста 8 лет', now, {
        data: { overAge: true },
      });
      removed++;
    });
  }
  return removed;
}

/** 152-ФЗ ст. 14: the subject's access to their data: everything stored about the application. */
export async function exportOwnData(db: Db, id: string) {
  const a = await q.applicationRow(db, id);
  if (!a) throw notFound('Application');
  const [choices, benefits, events, positions] = await Promise.all([
    q.choicesOf(db, [id]),
    q.benefitsOf(db, [id]),
    q.eventsOf(db, id),
    q.positionsOf(db, id),
  ]);
  const { serial: _serial, ...application } = a;
  return {
    exportedAt: new Date().toISOString(),
    legalBasis:
      '152-ФЗ «О персональных данных», ст. 14: право субъекта на доступ к своим персональным данным',
    application,
    choices,
    benefits,
    events,
    positions,
  };
}

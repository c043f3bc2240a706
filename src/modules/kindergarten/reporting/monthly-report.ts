import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ReportFile } from '../../../contracts/kindergarten-reporting.js';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { enqueue } from '../../../platform/jobs/outbox.js';
import { form85Table, reportTables } from './report-tables.js';
import { DEFAULT_UTC_OFFSET_MINUTES, addDays, endOfDay } from './report-day.js';
import type { ReportingService } from './service.js';
import { tablesToXlsx } from '../../../platform/files/spreadsheet-tables.js';
import './tables.js';

/**
 * The monthly report: the indicators on the last day of a month, written as an XLSX file into
 * DATA_DIR/reports and registered in report_file, so an officer downloads the very file of that
 * month later. The job runs on the 1st of each month and schedules the next one itself.
 */
export const MONTHLY_TOPIC = 'reporting.monthly-report';

export function reportsDir(dataDir: string): string {
  return path.join(dataDir, 'reports');
}

/** The first instant of the month after `day`'s month, 01:00 local time: when that month's report is due. */
export function nextMonthlyRun(
  day: string,
  offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): { reportDay: string; runAfter: Date } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const reportDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { reportDay, runAfter: new Date(endOfDay(reportDay, offsetMinutes) + 3600_000) };
}

/** Enqueues the report of the month `anyDay` falls in, due after that month ends. */
export async function scheduleMonthly(tx: Executor, anyDay: string): Promise<void> {
  const { reportDay, runAfter } = nextMonthlyRun(anyDay);
  await enqueue(tx, {
    topic: MONTHLY_TOPIC,
    payload: { reportDay },
    dedupeKey: `${MONTHLY_TOPIC}:${reportDay}`,
    runAfter,
  });
}

function toFile(row: {
  id: number;
  kind: 'monthly';
  report_day: string;
  file_name: string;
  bytes: number;
  created_at: Date;
}): ReportFile {
  return {
    id: row.id,
    kind: row.kind,
    reportDay: row.report_day,
    fileName: row.file_name,
    bytes: row.bytes,
    createdAt: row.created_at.toISOString(),
  };
}

/** Writes the report of `reportDay` unless it exists; idempotent (a job may run twice). */
export async function generateMonthlyReport(
  tx: Executor,
  service: ReportingService,
  opts: { dataDir: string; reportDay: string; regionName: string; actor?: Actor },
): Promise<ReportFile> {
  const existing = await tx
    .selectFrom('report_file')
    .selectAll()
    .where('kind', '=', 'monthly')
    .where('report_day', '=', opts.reportDay)
    .executeTakeFirst();
  if (existing) return toFile(existing);
  const q = { day: opts.reportDay, periodFrom: monthStart(opts.reportDay) };
  // Read inside the job's own transaction (PGlite has one connection; a second reader would wait forever).
  const indicators = await service.indicators(q, tx);
  const perMunicipality = [];
  for (const m of indicators.municipalities)
    perMunicipality.push(await service.indicators({ ...q, municipalityId: m.municipalityId }, tx));
  const tables = reportTables(indicators, opts.regionName);
  // Form 85-К: every kindergarten of the region, municipality by municipality.
  tables.push(
    form85Table(
      perMunicipality.flatMap((r) => r.kindergartens),
      `Форма 85-К (раздел «Мощность и численность») на ${opts.reportDay}`,
    ),
  );
  const buffer = await tablesToXlsx(tables, {
    title: `Ежемесячный отчёт на ${opts.reportDay}`,
    generatedAt: new Date(),
  });
  const dir = reportsDir(opts.dataDir);
  await fs.mkdir(dir, { recursive: true });
  const fileName = `monthly-${opts.reportDay}.xlsx`;
  const tmp = path.join(dir, `.${fileName}.${process.pid}.tmp`);
  await fs.writeFile(tmp, buffer);
  await fs.rename(tmp, path.join(dir, fileName));
  const row = await tx
    .insertInto('report_file')
    .values({
      kind: 'monthly',
      report_day: opts.reportDay,
      file_name: fileName,
      bytes: buffer.length,
      sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, opts.actor ?? SYSTEM_ACTOR, {
    action: 'reporting.report.generated',
    subjectType: 'report_file',
    subjectId: row.id,
    summary: { kind: 'monthly', reportDay: opts.reportDay, bytes: buffer.length },
  });
  await scheduleMonthly(tx, addDays(opts.reportDay, 1));
  return toFile(row);
}

/** The monthly report's flows cover its month: from the 1st to the report day. */
export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

import crypto from 'node:crypto';
import type { RouteResourceMaker } from '../../../../app/testing/route-resources.js';

// Report days are unique: count them from a random day (test files may share a database).
let nextDay = crypto.randomInt(0, 100_000);

/** A monthly report file's record (the file itself need not exist for authorization tests). */
export const reportingRouteResources: RouteResourceMaker = {
  name: 'kindergarten reporting',
  params: ['reportId'],
  async create(db) {
    const day = new Date(Date.UTC(1800, 0, 1) + nextDay++ * 86_400_000).toISOString().slice(0, 10);
    const row = await db
      .insertInto('report_file')
      .values({
        kind: 'monthly',
        report_day: day,
        file_name: `monthly-${day}-${crypto.randomUUID()}.xlsx`,
        bytes: 0,
        sha256: '0'.repeat(64),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { reportId: String(row.id) };
  },
  examples: {
    'POST /api/reporting/reports': () => ({ body: { month: '2024-01' } }),
  },
};

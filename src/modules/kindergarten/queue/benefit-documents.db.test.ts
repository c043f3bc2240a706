import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { queueRouteResources } from './testing/route-resources.js';

// Issue 20: the officer deciding a privilege opens the document it rests on; nobody else's file opens
// through an application, and the read is audited as personal-data access.
let t: TestApp;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  ids = (await queueRouteResources.create(t.db, t.fixture, {})) as Record<string, string>;
}, 60_000);
afterAll(async () => t?.close());

const url = (fileId: string) => `/api/kindergarten/applications/${ids.applicationId}/documents/${fileId}`;

describe('a privilege document for the decision on it', () => {
  it('opens inline for the officer of the municipality and the family, audited, never for others', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select((e) => e.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const officer = await t.asFixture('officerA');
    const res = await officer.get(url(ids.fileId!));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toBe("inline; filename*=UTF-8''certificate.pdf");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.toString()).toBe('%PDF');
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('seq', '>', (before?.seq ?? '0') as never)
      .execute();
    expect(events).toContainEqual({ action: 'personal_data.export', actor_id: t.fixture.users.officerA });

    expect((await (await t.asFixture('citizen1')).get(url(ids.fileId!))).statusCode).toBe(200);
    expect([403, 404]).toContain((await (await t.asFixture('officerB')).get(url(ids.fileId!))).statusCode);
    expect([403, 404]).toContain((await (await t.asFixture('citizen2')).get(url(ids.fileId!))).statusCode);

    // A file of the same family that backs no privilege of this application does not open through it.
    const other = await t.db
      .insertInto('stored_file')
      .values({
        owner_id: t.fixture.users.citizen1,
        file_name: 'other.pdf',
        media_type: 'application/pdf',
        size_bytes: 4,
        sha256: crypto.createHash('sha256').update('%PDF').digest('hex'),
        content: Buffer.from('%PDF'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await officer.get(url(other.id))).statusCode).toBe(404);
    expect((await officer.get(url(crypto.randomUUID()))).statusCode).toBe(404);
  });
});

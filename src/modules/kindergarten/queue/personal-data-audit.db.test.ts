import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../app/testing/route-request.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { queueRouteResources } from './testing/route-resources.js';

/**
 * Who saw whose personal data, on a real app and database: staff reads and every export leave an
 * audit event, the family reading its own application does not, a refused read leaves nothing.
 */
let t: TestApp;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  ids = (await queueRouteResources.create(t.db, t.fixture, {})) as Record<string, string>;
}, 60_000);
afterAll(async () => t?.close());

const eventsAfter = async (id: number) =>
  t.db
    .selectFrom('audit_event')
    .selectAll()
    .where('seq', '>', String(id) as never)
    .orderBy('seq')
    .execute();
const lastId = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((e) => e.fn.max('seq').as('seq'))
        .executeTakeFirst()
    )?.seq ?? 0,
  );

describe('personal data reads are audited', () => {
  it('an officer reading an application and searching the list leaves one event each, without the search text', async () => {
    const before = await lastId();
    const officer = await t.asFixture('officerA');
    expect((await officer.get(`/api/kindergarten/applications/${ids.applicationId}`)).statusCode).toBe(200);
    const list = await officer.get(
      `/api/kindergarten/municipalities/${t.fixture.municipalityA}/applications?q=${encodeURIComponent('Тестова')}`,
    );
    expect(list.statusCode).toBe(200);
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.action, e.subject_type, e.actor_id, e.actor_role])).toEqual([
      ['personal_data.read', 'application', t.fixture.users.officerA, 'municipal_officer'],
      ['personal_data.read', 'municipality', t.fixture.users.officerA, 'municipal_officer'],
    ]);
    expect(events[0]!.subject_id).toBe(ids.applicationId);
    expect(events[0]!.municipality_id).toBe(t.fixture.municipalityA);
    expect(JSON.stringify(events)).not.toContain('Тестова');
    expect(events[1]!.summary).toMatchObject({ filters: ['page', 'pageSize', 'q'] });
  });

  it("the family's own read is not recorded, its export is; a stranger's 404 leaves nothing", async () => {
    const before = await lastId();
    const owner = await t.asFixture('citizen1');
    expect((await owner.get(`/api/kindergarten/applications/${ids.applicationId}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/kindergarten/applications/${ids.applicationId}/export`)).statusCode).toBe(
      200,
    );
    const stranger = await t.asFixture('citizen2');
    expect(
      (await stranger.get(`/api/kindergarten/applications/${ids.applicationId}/export`)).statusCode,
    ).toBe(404);
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['personal_data.export', t.fixture.users.citizen1],
    ]);
    expect(events[0]!.summary).toMatchObject({ ownData: true });
  });

  it('an uploaded document is audited with its hash in the same transaction, not its file name', async () => {
    const before = await lastId();
    const citizen = await t.asFixture('citizen1');
    const form = multipartBody({
      fields: {},
      file: {
        field: 'file',
        name: 'паспорт Тестовой.pdf',
        type: 'application/pdf',
        bytes: Buffer.from('%PDF-1.4\n%test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      },
    });
    const res = await citizen.request({
      method: 'POST',
      url: '/api/kindergarten/files',
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
    expect(res.statusCode).toBe(201);
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.action, e.subject_id])).toEqual([['queue.document.uploaded', res.json().id]]);
    expect(events[0]!.summary).toMatchObject({ mediaType: 'application/pdf', sha256: res.json().sha256 });
    expect(JSON.stringify(events[0]!.summary)).not.toContain('Тестовой');
  });
});

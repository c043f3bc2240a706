import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KindergartenDetail,
  StaffKindergarten,
  StaffPhoto,
} from '../../../contracts/kindergarten-catalog.js';
import { pngClaiming, pngImage, TINY_JPEG, TINY_WEBP } from '../../../app/testing/test-images.js';
import { startTestApp, type Client, type TestApp } from '../../../app/testing/test-app.js';

let t: TestApp;
let head: Client;
let officer: Client;
beforeAll(async () => {
  t = await startTestApp();
  head = await t.asFixture('headA1');
  officer = await t.asFixture('officerA');
});
afterAll(() => t?.close());

const BOUNDARY = '----photo-test';

/** A multipart body: text fields first, then the file (whose name and header the server must ignore). */
function multipart(file: Buffer | null, fields: Record<string, string> = {}, fileName = 'photo.png') {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

function upload(
  client: Client,
  kindergartenId: number,
  file: Buffer | null,
  fields: Record<string, string> = { altRu: 'Игровая комната' },
  fileName?: string,
) {
  return client.request({
    method: 'POST',
    url: `/api/staff/kindergartens/${kindergartenId}/photos`,
    payload: multipart(file, fields, fileName),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

const detail = async (id: number) =>
  (await t.anonymous.get(`/api/kindergartens/${id}`)).json<KindergartenDetail>();

async function counts() {
  const r = await sql<{ photos: number; events: number }>`
    select (select count(*)::int from kindergarten_photo) as photos,
           (select count(*)::int from audit_event where action like 'catalog.photo.%') as events`.execute(
    t.db,
  );
  return r.rows[0]!;
}

const fieldsOf = (res: { json: () => unknown }) =>
  (res.json() as { errors?: { field: string }[] }).errors?.map((e) => e.field);

describe('kindergarten photos', () => {
  let first: StaffPhoto;

  it('a head uploads a PNG: stored with its sniffed type and size, audited, on the public page at once', async () => {
    const png = pngImage(64, 48);
    const res = await upload(head, t.fixture.kindergartenA1, png, {
      altRu: 'Игровая комната',
      altEn: 'Playroom',
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<StaffPhoto>();
    expect(first).toMatchObject({
      kindergartenId: t.fixture.kindergartenA1,
      position: 1,
      mediaType: 'image/png',
      sizeBytes: png.length,
      width: 64,
      height: 48,
      altRu: 'Игровая комната',
      altEn: 'Playroom',
      url: `/api/kindergartens/${t.fixture.kindergartenA1}/photos/${first.id}`,
    });

    const page = await detail(t.fixture.kindergartenA1);
    expect(page.photos).toEqual([
      { id: first.id, url: first.url, alt: 'Игровая комната', altEn: 'Playroom', width: 64, height: 48 },
    ]);

    const events = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'subject_id', 'municipality_id', 'summary'])
      .where('action', '=', 'catalog.photo.created')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_id: t.fixture.users.headA1,
      subject_id: String(first.id),
      municipality_id: t.fixture.municipalityA,
      summary: { kindergartenId: t.fixture.kindergartenA1, mediaType: 'image/png', sizeBytes: png.length },
    });
  });

  it('serves the bytes publicly with their type, a long cache, an ETag and nosniff', async () => {
    const res = await t.anonymous.get(first.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d{6,}/);
    expect(Buffer.compare(res.rawPayload, pngImage(64, 48))).toBe(0);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.anonymous.request({
      method: 'GET',
      url: first.url,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Another kindergarten's address for the same photo is not an address of it.
    expect(
      (await t.anonymous.get(`/api/kindergartens/${t.fixture.kindergartenB1}/photos/${first.id}`)).statusCode,
    ).toBe(404);
  });

  it('accepts JPEG and WebP by their content, whatever the file is called', async () => {
    const jpeg = await upload(officer, t.fixture.kindergartenA1, TINY_JPEG, { altRu: 'Фасад' }, 'facade.png');
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(jpeg.json<StaffPhoto>()).toMatchObject({
      mediaType: 'image/jpeg',
      width: 1,
      height: 1,
      position: 2,
    });
    const webp = await upload(officer, t.fixture.kindergartenA1, TINY_WEBP, { altRu: 'Площадка' }, 'x.exe');
    expect(webp.statusCode, webp.body).toBe(201);
    expect(webp.json<StaffPhoto>()).toMatchObject({ mediaType: 'image/webp', position: 3 });
    const served = await t.anonymous.get(webp.json<StaffPhoto>().url);
    expect(served.headers['content-type']).toBe('image/webp');
  });

  it('refuses a wrong type (415), an oversize file (413), an empty or missing file and a missing caption (400), naming the field; nothing is stored', async () => {
    const before = await counts();
    const kg = t.fixture.kindergartenA1;
    const cases: [Promise<{ statusCode: number; json: () => unknown; body: string }>, number, string][] = [
      [upload(head, kg, Buffer.from('just text pretending to be a PNG')), 415, 'file'],
      [upload(head, kg, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), 415, 'file'],
      [upload(head, kg, Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n')), 415, 'file'],
      [upload(head, kg, Buffer.concat([pngImage(2, 2), Buffer.alloc(5 * 1024 * 1024)])), 413, 'file'],
      [upload(head, kg, Buffer.alloc(0)), 400, 'file'],
      [upload(head, kg, null), 400, 'file'],
      [upload(head, kg, pngImage(2, 2), {}), 400, 'altRu'],
      [upload(head, kg, pngImage(2, 2), { altRu: '   ' }), 400, 'altRu'],
      [upload(head, kg, pngImage(2, 2), { altRu: 'Я'.repeat(301) }), 400, 'altRu'],
      [head.post(`/api/staff/kindergartens/${kg}/photos`, { altRu: 'JSON' }), 415, 'file'],
    ];
    for (const [pending, status, field] of cases) {
      const res = await pending;
      expect(res.statusCode, res.body).toBe(status);
      expect(fieldsOf(res), res.body).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an image over the pixel limit with a 422 saying the limit; nothing is stored', async () => {
    const before = await counts();
    for (const bomb of [
      pngClaiming(65_535, 65_535),
      pngClaiming(100_000, 100_000),
      pngClaiming(8_000, 6_000),
    ]) {
      const res = await upload(head, t.fixture.kindergartenA1, bomb, { altRu: 'Бомба' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = res.json<{
        type: string;
        detail: string;
        errors: { field: string; expected: string }[];
      }>();
      expect(problem.type).toMatch(/\/image-too-large$/);
      expect(problem.detail).toMatch(/10000 pixels a side and 40 megapixels/);
      expect(problem.errors[0]).toMatchObject({ field: 'file' });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses another kindergarten's head (403) and the public (401)", async () => {
    const before = await counts();
    const stranger = await t.asFixture('headB1');
    expect((await upload(stranger, t.fixture.kindergartenA1, pngImage(2, 2))).statusCode).toBe(403);
    expect((await upload(head, t.fixture.kindergartenB1, pngImage(2, 2))).statusCode).toBe(403);
    expect((await upload(t.anonymous, t.fixture.kindergartenA1, pngImage(2, 2))).statusCode).toBe(401);
    const url = `/api/staff/kindergartens/${t.fixture.kindergartenA1}/photos/${first.id}`;
    expect((await stranger.patch(url, { altRu: 'Чужое' })).statusCode).toBe(403);
    expect((await stranger.delete(url)).statusCode).toBe(403);
    const citizen = await t.asFixture('citizen1');
    expect((await citizen.delete(url)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('moves a photo and edits its caption, shown on the public page in the new order', async () => {
    const url = `/api/staff/kindergartens/${t.fixture.kindergartenA1}/photos/${first.id}`;
    const moved = await head.patch(url, { position: 3, altRu: 'Игровая комната после ремонта', altEn: '' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<StaffPhoto>()).toMatchObject({
      position: 3,
      altRu: 'Игровая комната после ремонта',
      altEn: null,
    });
    const page = await detail(t.fixture.kindergartenA1);
    expect(page.photos.map((p) => p.alt)).toEqual(['Фасад', 'Площадка', 'Игровая комната после ремонта']);
    const staff = (
      await head.get(`/api/staff/kindergartens/${t.fixture.kindergartenA1}`)
    ).json<StaffKindergarten>();
    expect(staff.uploadedPhotos.map((p) => [p.position, p.altRu])).toEqual([
      [1, 'Фасад'],
      [2, 'Площадка'],
      [3, 'Игровая комната после ремонта'],
    ]);
    const bad = await head.patch(url, { position: 4 });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toContain('position');
    const event = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'catalog.photo.updated')
      .executeTakeFirstOrThrow();
    expect(event.summary).toMatchObject({
      changes: { position: { from: 1, to: 3 }, altEn: { from: 'Playroom', to: null } },
    });
  });

  it('refuses a 13th photo with 409 naming the file, and the schema itself refuses position 13', async () => {
    const kg = t.fixture.kindergartenA1;
    const have = (await detail(kg)).photos.length;
    for (let i = have; i < 12; i++)
      expect((await upload(officer, kg, pngImage(2 + i, 2), { altRu: `Фото ${i + 1}` })).statusCode).toBe(
        201,
      );
    const before = await counts();
    const full = await upload(head, kg, pngImage(3, 3));
    expect(full.statusCode).toBe(409);
    expect(fieldsOf(full)).toContain('file');
    expect(full.json<{ detail: string }>().detail).toMatch(/full/);
    expect(await counts()).toEqual(before);
    const png = pngImage(2, 2);
    await expect(
      sql`insert into kindergarten_photo (kindergarten_id, position, media_type, size_bytes, bytes, sha256, alt_ru)
          values (${kg}, 13, 'image/png', ${png.length}, ${png}, ${'0'.repeat(64)}, 'x')`.execute(t.db),
    ).rejects.toThrow(/check/);
    await expect(
      sql`insert into kindergarten_photo (kindergarten_id, position, media_type, size_bytes, bytes, sha256, alt_ru)
          values (${kg}, 5, 'image/gif', ${png.length}, ${png}, ${'0'.repeat(64)}, 'x')`.execute(t.db),
    ).rejects.toThrow(/check/);
  });

  it('deletes a photo: the rest close the gap, its address is gone, the audit log keeps what it was', async () => {
    const kg = t.fixture.kindergartenA1;
    const before = (await detail(kg)).photos;
    const gone = before[0]!;
    const res = await head.delete(`/api/staff/kindergartens/${kg}/photos/${gone.id}`);
    expect(res.statusCode, res.body).toBe(204);
    const after = (await detail(kg)).photos;
    expect(after.map((p) => p.id)).toEqual(before.slice(1).map((p) => p.id));
    const positions = await t.db
      .selectFrom('kindergarten_photo')
      .select('position')
      .where('kindergarten_id', '=', kg)
      .orderBy('position')
      .execute();
    expect(positions.map((p) => p.position)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect((await t.anonymous.get(gone.url)).statusCode).toBe(404);
    expect((await head.delete(`/api/staff/kindergartens/${kg}/photos/${gone.id}`)).statusCode).toBe(404);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['subject_id', 'summary'])
      .where('action', '=', 'catalog.photo.deleted')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      subject_id: String(gone.id),
      summary: { altRu: 'Фасад', mediaType: 'image/jpeg' },
    });
    const verdict = (await (await t.asFixture('auditor')).get('/api/audit/verify')).json<{ ok: boolean }>();
    expect(verdict.ok).toBe(true);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegion } from '../../../demo/load-region.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { maskNumber } from './masked-number.js';

/**
 * Every public queue answer on the seeded (tiny) demo region, scanned for the seed's personal data:
 * children's and applicants' names, birth certificates, addresses, emails, phones, full application
 * numbers and birth dates (a birth date that is also some application's desired or registration
 * date is not evidence of a leak, so those are left out of the birth-date check).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    fixture: false,
    config: { RATE_LIMIT_LOOKUP_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
  });
  await seedDemoRegion(t.handle, { scale: 'tiny' });
}, 120_000);
afterAll(async () => t?.close());

describe('public queue privacy on the seed', () => {
  it('no public response contains a name, certificate, address, contact, full number or birth date', async () => {
    const bodies: string[] = [];
    const municipalities = await t.db.selectFrom('municipality').select('id').execute();
    for (const m of municipalities) {
      for (const age of [0, 1, 2, 3, 4, 5, 6, 7]) {
        for (const format of ['json', 'csv']) {
          const res = await t.anonymous.get(
            `/api/public/queue?municipalityId=${m.id}&ageGroup=${age}&pageSize=500&format=${format}`,
          );
          expect(res.statusCode).toBe(200);
          bodies.push(res.body);
        }
      }
      const kgs = await t.db
        .selectFrom('kindergarten')
        .select('id')
        .where('municipality_id', '=', m.id)
        .limit(3)
        .execute();
      for (const k of kgs)
        for (const age of [1, 2, 3, 4])
          bodies.push(
            (
              await t.anonymous.get(
                `/api/public/queue?municipalityId=${m.id}&ageGroup=${age}&kindergartenId=${k.id}&pageSize=500`,
              )
            ).body,
          );
    }
    const sample = await sql<{ number: string; birth_date: string }>`
      select a.number, c.birth_date from application a join child c on c.id = a.child_id order by a.serial limit 30`.execute(
      t.db,
    );
    let found = 0;
    for (const s of sample.rows) {
      const res = await t.anonymous.post('/api/public/queue/lookup', {
        number: s.number,
        birthDate: s.birth_date,
      });
      if (res.statusCode === 200) found++;
      bodies.push(res.body);
      bodies.push(
        (await t.anonymous.post('/api/public/queue/lookup', { number: s.number, birthDate: '2000-01-01' }))
          .body,
      );
    }
    expect(found).toBeGreaterThan(0);
    expect(bodies.join('').length).toBeGreaterThan(10_000);

    const people = await t.db
      .selectFrom('child')
      .select(['last_name', 'first_name', 'patronymic', 'birth_certificate', 'birth_date'])
      .execute();
    const apps = await t.db
      .selectFrom('application')
      .select([
        'applicant_name',
        'applicant_email',
        'applicant_phone',
        'address',
        'number',
        'desired_date',
        'registered_at',
      ])
      .execute();
    const legitDates = new Set(
      apps.flatMap((a) => [a.desired_date, a.registered_at.toISOString().slice(0, 10)]),
    );
    const secrets = new Set(
      [
        ...people.flatMap((p) => [
          `${p.last_name} ${p.first_name}`,
          p.birth_certificate,
          legitDates.has(p.birth_date) ? '' : p.birth_date,
        ]),
        ...apps.flatMap((a) => [
          a.applicant_name,
          a.applicant_email ?? '',
          a.applicant_phone ?? '',
          a.address,
          `"${a.number}"`,
          `,${a.number},`,
        ]),
      ].filter((s) => s.length >= 6),
    );
    const all = bodies.join('\n');
    const leaks = [...secrets].filter((s) => all.includes(s));
    expect(leaks).toEqual([]);
  }, 120_000);
});

describe('masked application numbers', () => {
  it('show nothing of the number, cannot be recomputed without the key, and the lookup gives a parent theirs', async () => {
    const m = (await t.db.selectFrom('municipality').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const stored = await sql<{ position: number; age_group: number; number: string; birth_date: string }>`
      select p.position, p.age_group, a.number, c.birth_date
      from queue_position p join application a on a.id = p.application_id join child c on c.id = a.child_id
      where p.municipality_id = ${m} and p.kindergarten_id = 0`.execute(t.db);
    let rows = 0;
    const masks = new Map<string, string>();
    for (const age of [...new Set(stored.rows.map((r) => r.age_group))]) {
      const page = (
        await t.anonymous.get(`/api/public/queue?municipalityId=${m}&ageGroup=${age}&pageSize=500`)
      ).json<{ items: { position: number; maskedNumber: string }[] }>();
      for (const item of page.items) {
        const own = stored.rows.find((r) => r.age_group === age && r.position === item.position)!;
        masks.set(own.number, item.maskedNumber);
        rows++;
        const serial = own.number.split('-').at(-1)!;
        // Serials are sequential: any of their digits in the mask would let anyone list the candidates.
        expect(item.maskedNumber, own.number).toMatch(/^\d+-\d{4}-•••[0-9A-Z]{6}$/);
        expect(item.maskedNumber.endsWith(serial.slice(-4)), own.number).toBe(false);
        // Computed with the server's secret: the public development key gives other masks.
        expect(maskNumber(own.number, t.config.QUEUE_MASK_KEY)).toBe(item.maskedNumber);
        expect(maskNumber(own.number, 'a-guessed-key-of-thirty-two-characters')).not.toBe(item.maskedNumber);
      }
    }
    expect(rows).toBeGreaterThan(5);
    expect(new Set(masks.values()).size).toBe(masks.size);

    // The parent's lookup (number + birth date) answers the mask of their row in the public list.
    const parent = stored.rows.find((r) => masks.has(r.number))!;
    const found = await t.anonymous.post('/api/public/queue/lookup', {
      number: parent.number,
      birthDate: parent.birth_date,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().maskedNumber).toBe(masks.get(parent.number));
  });
});

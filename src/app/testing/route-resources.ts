import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { FixtureRegion } from './fixture-region.js';
import { pngImage } from './test-images.js';

/**
 * The route parameter names every module uses (docs/ARCHITECTURE.md), filled with resources of
 * municipality A, kindergarten A1 and citizen1, so generic tests can call any route: the rightful
 * caller reaches the resource, staff of municipality B and citizen2 must not.
 */
export const SCOPED_PARAMS = [
  'municipalityId',
  'kindergartenId',
  'groupId',
  'applicationId',
  'number',
  'waveId',
  'directionId',
  'fileId',
  'photoId',
] as const;
export const KNOWN_PARAMS = [...SCOPED_PARAMS, 'notificationId'] as const;
export type RouteParamName = (typeof KNOWN_PARAMS)[number];

export type RouteParamValues = Partial<Record<RouteParamName, string>>;

/** Creates the resources; a table a module has not migrated yet leaves its parameter unset. */
export async function createRouteResources(db: Db, f: FixtureRegion): Promise<RouteParamValues> {
  const values: RouteParamValues = {
    municipalityId: String(f.municipalityA),
    kindergartenId: String(f.kindergartenA1),
    groupId: String(f.groupA1Young),
  };
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch {
      // The module that owns the table is not there (yet): its routes are not called with it.
    }
  };

  await attempt(async () => {
    const child = await sql<{ id: string }>`
      insert into child (last_name, first_name, birth_date, sex, birth_certificate)
      values ('Тестова', 'Анна', current_date - interval '2 years', 'f', ${`I-ТС ${crypto.randomInt(1e5, 1e6)}`})
      returning id`.execute(db);
    const number = `A-TEST-${crypto.randomInt(1e5, 1e6)}`;
    const app = await sql<{ id: string }>`
      insert into application (number, municipality_id, child_id, applicant_id, applicant_name, address,
        registered_at, desired_date, status)
      values (${number}, ${f.municipalityA}, ${child.rows[0]!.id}, ${f.users.citizen1}, 'Тестова Мария',
        'г. Альфа, ул. Ленина, 2', now() - interval '1 year', current_date, 'registered')
      returning id`.execute(db);
    await sql`insert into application_choice (application_id, rank, kindergarten_id)
      values (${app.rows[0]!.id}, 1, ${f.kindergartenA1})`.execute(db);
    values.applicationId = app.rows[0]!.id;
    values.number = number;
  });

  await attempt(async () => {
    const file = await db
      .insertInto('stored_file')
      .values({
        owner_id: f.users.citizen1,
        file_name: 'certificate.pdf',
        media_type: 'application/pdf',
        size_bytes: 4,
        sha256: crypto.createHash('sha256').update('%PDF').digest('hex'),
        content: Buffer.from('%PDF'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    values.fileId = file.id;
  });

  await attempt(async () => {
    const bytes = pngImage(4, 3);
    const photo = await db
      .insertInto('kindergarten_photo')
      .values({
        kindergarten_id: f.kindergartenA1,
        position: 1,
        media_type: 'image/png',
        size_bytes: bytes.length,
        bytes,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        width: 4,
        height: 3,
        alt_ru: 'Игровая комната',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    values.photoId = String(photo.id);
  });

  await attempt(async () => {
    const notice = await db
      .insertInto('notification')
      .values({
        user_id: f.users.citizen1,
        template: 'platform.welcome',
        params: JSON.stringify({ region: 'Тестовая область', name: 'Мария' }),
        dedupe_key: `route-resources-${crypto.randomUUID()}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    values.notificationId = String(notice.id);
  });

  await attempt(async () => {
    const wave = await sql<{ id: string }>`
      insert into placement_wave (municipality_id, kind, title, placement_date, school_year_start, rules)
      values (${f.municipalityA}, 'additional', 'Тестовое комплектование', current_date + 30,
        make_date(extract(year from current_date)::int, 9, 1),
        '{"desiredDateReached": true, "includeBenefitCheck": false, "ageMin": 1, "ageMax": 7}'::jsonb)
      returning id`.execute(db);
    values.waveId = wave.rows[0]!.id;
    if (!values.applicationId) return;
    const run = await sql<{ id: number }>`
      insert into wave_run (wave_id, status) values (${values.waveId}, 'queued') returning id`.execute(db);
    const direction = await sql<{ id: string }>`
      insert into direction (wave_id, run_id, application_id, group_id, kindergarten_id, number, valid_until,
        explanation)
      values (${values.waveId}, ${run.rows[0]!.id}, ${values.applicationId}, ${f.groupA1Young},
        ${f.kindergartenA1}, ${`D-TEST-${crypto.randomInt(1e5, 1e6)}`}, current_date + 14,
        '{"ru": "тест", "en": "test"}'::jsonb)
      returning id`.execute(db);
    values.directionId = direction.rows[0]!.id;
  });

  return values;
}

/** The URL with `:name` parameters replaced; an unknown name gets `fallback`. */
export function fillRoute(url: string, values: RouteParamValues, fallback = '1'): string {
  return url.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(values[name as RouteParamName] ?? fallback),
  );
}

export const routeParamNames = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { RouteResourceMaker } from '../../../../app/testing/route-resources.js';

/** An additional wave of municipality A, and a direction of citizen1's application to kindergarten A1. */
export const placementRouteResources: RouteResourceMaker = {
  name: 'kindergarten placement',
  params: ['waveId', 'directionId'],
  needs: ['applicationId'],
  async create(db, f, filled) {
    const wave = await sql<{ id: string }>`
      insert into placement_wave (municipality_id, kind, title, placement_date, school_year_start, rules)
      values (${f.municipalityA}, 'additional', 'Тестовое комплектование', current_date + 30,
        make_date(extract(year from current_date)::int, 9, 1),
        '{"desiredDateReached": true, "includeBenefitCheck": false, "ageMin": 1, "ageMax": 7}'::jsonb)
      returning id`.execute(db);
    const waveId = wave.rows[0]!.id;
    const run = await sql<{ id: number }>`
      insert into wave_run (wave_id, status) values (${waveId}, 'queued') returning id`.execute(db);
    const direction = await sql<{ id: string }>`
      insert into direction (wave_id, run_id, application_id, group_id, kindergarten_id, number, valid_until,
        explanation)
      values (${waveId}, ${run.rows[0]!.id}, ${filled.applicationId!}, ${f.groupA1Young},
        ${f.kindergartenA1}, ${`D-TEST-${crypto.randomUUID().slice(0, 13)}`}, current_date + 14,
        '{"ru": "тест", "en": "test"}'::jsonb)
      returning id`.execute(db);
    return { waveId, directionId: direction.rows[0]!.id };
  },
};

import crypto from 'node:crypto';
import { FIXTURE_PASSWORD } from '../../app/testing/fixture-region.js';
import type { RouteResourceMaker } from '../../app/testing/route-resources.js';

/**
 * The platform's route parameters: municipality A and school A1 of the fixture region, a notice to
 * citizen1, and a child citizen1 represents (a pupil of school A1).
 */
export const platformRouteResources: RouteResourceMaker = {
  name: 'platform',
  params: ['municipalityId', 'notificationId', 'organisationId', 'childId'],
  async create(db, f) {
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
    const child = await db
      .insertInto('child')
      .values({
        last_name: 'Тестов',
        first_name: 'Иван',
        birth_date: '2016-03-01',
        sex: 'm',
        birth_certificate: `II-ТС ${crypto.randomInt(1e9, 1e10)}`,
        source: 'manual',
        created_by: f.users.citizen1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('child_representative')
      .values({ child_id: child.id, user_id: f.users.citizen1, relation: 'parent', added_via: 'manual' })
      .execute();
    await db
      .insertInto('pupil_enrolment')
      .values({
        child_id: child.id,
        organisation_id: f.schoolA1,
        academic_year: 2026,
        grade: 4,
        letter: 'А',
        enrolled_on: '2022-09-01',
      })
      .execute();
    return {
      childId: child.id,
      municipalityId: String(f.municipalityA),
      notificationId: String(notice.id),
      organisationId: String(f.schoolA1),
    };
  },
  examples: {
    'POST /api/auth/login': () => ({ body: { login: 'admin', password: FIXTURE_PASSWORD } }),
    'POST /api/auth/totp/enable': () => ({ body: { code: '123456' } }),
    'POST /api/my/children': () => ({
      body: {
        lastName: 'Тестова',
        firstName: 'Анна',
        birthDate: '2020-05-01',
        sex: 'f',
        birthCertificate: `I-ТС ${String(crypto.randomInt(0, 1e6)).padStart(6, '0')}`,
      },
    }),
    // No invitation has this code: the caller is told so (404), whoever they are.
    'POST /api/my/family/invitations/accept': () => ({ body: { code: 'AAAA-BBBB-CCCC' } }),
    'PUT /api/my/children/:childId/health-facts': () => ({
      body: { facts: [{ kind: 'food_allergy', detail: 'milk' }], consent: true },
    }),
  },
};

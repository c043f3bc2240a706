import crypto from 'node:crypto';
import { FIXTURE_PASSWORD } from '../../app/testing/fixture-region.js';
import type { RouteResourceMaker } from '../../app/testing/route-resources.js';

/** The platform's route parameters: municipality A and school A1 of the fixture region, and a notice to citizen1. */
export const platformRouteResources: RouteResourceMaker = {
  name: 'platform',
  params: ['municipalityId', 'notificationId', 'organisationId'],
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
    return {
      municipalityId: String(f.municipalityA),
      notificationId: String(notice.id),
      organisationId: String(f.schoolA1),
    };
  },
  examples: {
    'POST /api/auth/login': () => ({ body: { login: 'admin', password: FIXTURE_PASSWORD } }),
    'POST /api/auth/totp/enable': () => ({ body: { code: '123456' } }),
  },
};

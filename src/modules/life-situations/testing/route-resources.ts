import crypto from 'node:crypto';
import type { RouteResourceMaker } from '../../../app/testing/route-resources.js';
import type { Db } from '../../../platform/db/database.js';
import type { FixtureRegion } from '../../../app/testing/fixture-region.js';
import { SHIPPED_SITUATIONS } from '../catalogue/shipped-catalogue.js';

/** A finished request of citizen1 in the platform registry (a kindergarten place at A1). */
export async function finishedRequest(
  db: Db,
  f: FixtureRegion,
  organisationId: number | null = f.kindergartenA1,
) {
  const row = await db
    .insertInto('family_request')
    .values({
      module: 'kindergarten',
      kind: 'kindergarten.application',
      external_id: crypto.randomUUID(),
      owner_user_id: f.users.citizen1,
      organisation_id: organisationId,
      reference: `T-${crypto.randomInt(1e5, 1e6)}`,
      status: 'enrolled',
      state: 'done',
      link: '/my/applications/1',
      submitted_at: new Date('2025-02-01T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The situation «Оформление в детский сад»; a finished request of citizen1 not rated yet; and a
 * rating of another one, given at kindergarten A1 (municipality A).
 */
export const lifeSituationsRouteResources: RouteResourceMaker = {
  name: 'life situations',
  params: ['situationCode', 'requestId', 'ratingId'],
  async create(db, f) {
    const requestId = await finishedRequest(db, f);
    const rated = await finishedRequest(db, f);
    const rating = await db
      .insertInto('service_rating')
      .values({
        family_request_id: rated,
        rated_by: f.users.citizen1,
        module: 'kindergarten',
        kind: 'kindergarten.application',
        organisation_id: f.kindergartenA1,
        municipality_id: f.municipalityA,
        time_to_result: 4,
        waiting_time: 3,
        staff_politeness: 5,
        comfort: 4,
        information: 4,
        comment: 'Спасибо воспитателям',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { situationCode: 'kindergarten', requestId: String(requestId), ratingId: String(rating.id) };
  },
  examples: {
    'POST /api/my/requests/:requestId/rating': () => ({
      body: { timeToResult: 5, waitingTime: 4, staffPoliteness: 5, comfort: 4, information: 5 },
    }),
    'POST /api/staff/ratings/:ratingId/answer': () => ({ body: { body: 'Спасибо за оценку!' } }),
    'PUT /api/staff/life-situations/:situationCode': () => ({
      body: { definition: SHIPPED_SITUATIONS.find((s) => s.code === 'kindergarten'), note: 'Проверка' },
    }),
  },
};

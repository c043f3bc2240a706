import type { RouteResourceMaker } from '../../../app/testing/route-resources.js';
import { pngImage } from '../../../app/testing/test-images.js';
import crypto from 'node:crypto';
import { nextAppealId } from '../appeals/queries.js';
import { sha256 } from '../open311/open311-service.js';

const OPEN311_MATRIX_KEY = 'open311-matrix-key';

/**
 * An appeal of citizen1 about kindergarten A1 (municipality A), in work so every staff action can be
 * tried on it, with one photo: the rightful staff reach it, B's staff and citizen2 must not.
 */
export const feedbackRouteResources: RouteResourceMaker = {
  name: 'feedback',
  params: ['appealId', 'appealPhotoId', 'open311Format', 'open311File', 'open311Token'],
  async create(db, f) {
    // From the appeals' own sequence: random ids could collide across the matrix's many resource sets.
    const id = await nextAppealId(db);
    await db
      .insertInto('feedback_appeal')
      .values({
        id,
        number: `FB-2026-${id.padStart(6, '0')}`,
        kind: 'appeal',
        owner_user_id: f.users.citizen1,
        category_code: 'education.kindergartens',
        organisation_id: f.kindergartenA1,
        lat: null,
        lon: null,
        municipality_id: f.municipalityA,
        text: 'В группе холодно',
        status: 'in_work',
        without_answer_ground: null,
        without_answer_note: null,
        extension_reason: null,
        rating: null,
        rating_comment: null,
        received_on: '2026-03-02',
        registered_on: '2026-03-02',
        registration_due: '2026-03-05',
        forwarding_due: '2026-03-10',
        answer_due: '2026-04-01',
        responsible_organisation_id: f.kindergartenA1,
        assignee_user_id: null,
        answer_text: null,
        answered_at: null,
        answered_by: null,
      })
      .execute();
    const bytes = pngImage(4, 3);
    const photo = await db
      .insertInto('feedback_appeal_photo')
      .values({
        appeal_id: id,
        position: 1,
        media_type: 'image/png',
        size_bytes: bytes.length,
        bytes,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        width: 4,
        height: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An Open311 client and a request of it waiting for a citizen's confirmation. The token is the
    // capability: whichever citizen holds it may confirm, so the request names nothing of A.
    const client = await db
      .insertInto('feedback_api_client')
      .values({ name: 'matrix client', key_sha256: sha256(OPEN311_MATRIX_KEY) })
      .onConflict((oc) => oc.column('key_sha256').doUpdateSet({ revoked_at: null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = crypto.randomUUID();
    await db
      .insertInto('feedback_open311_request')
      .values({
        token,
        api_client_id: client.id,
        service_code: 'education.kindergartens',
        description: 'Яма на дороге у остановки',
        lat: 58.6,
        lon: 49.6,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    return {
      appealId: id,
      appealPhotoId: String(photo.id),
      open311Format: 'json',
      open311File: `FB-2026-${id.padStart(6, '0')}.json`,
      open311Token: token,
    };
  },
  examples: {
    // About a place (a map point), not kindergarten A1: any citizen may file about anything, and the
    // answer then names nothing of A that the stranger check would take for a leak.
    'POST /api/my/feedback/appeals': () => ({
      body: {
        kind: 'appeal',
        categoryCode: 'roads.repair',
        point: { lat: 58.6, lon: 49.6 },
        text: 'Яма на дороге у остановки',
      },
    }),
    'POST /api/my/feedback/appeals/:appealId/photos': () => ({
      multipart: {
        fields: {},
        file: { field: 'file', name: 'slide.png', type: 'image/png', bytes: pngImage(8, 6) },
      },
    }),
    'POST /api/my/feedback/appeals/:appealId/rating': () => ({ body: { rating: 4 } }),
    'POST /api/my/feedback/appeals/similar': () => ({
      body: {
        categoryCode: 'roads.repair',
        point: { lat: 58.6, lon: 49.6 },
        text: 'Яма на дороге у остановки',
      },
    }),
    // No survey is open on the resource's appeal: the rightful holder reaches the handler (409).
    'POST /api/my/feedback/appeals/:appealId/survey': () => ({ body: { fixed: true } }),
    'POST /api/staff/feedback/appeals/:appealId/assign': () => ({ body: {} }),
    'POST /api/staff/feedback/appeals/:appealId/forward': (ids) => ({
      body: { organisationId: Number(ids.kindergartenId), note: 'по компетенции' },
    }),
    'POST /api/staff/feedback/appeals/:appealId/answer': () => ({ body: { text: 'Отопление проверено' } }),
    'POST /api/staff/feedback/appeals/:appealId/extend': () => ({
      body: { days: 10, reason: 'нужна проверка' },
    }),
    'POST /api/staff/feedback/appeals/:appealId/without-answer': () => ({
      body: { ground: 'obscene_language' },
    }),
    'GET /api/feedback/topics': () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }),
    // Public in the session sense: a 311 client calls it with its application's key.
    'POST /open311/v2/requests.:open311Format': () => ({
      body: {
        api_key: OPEN311_MATRIX_KEY,
        service_code: 'roads.repair',
        lat: 58.6,
        long: 49.6,
        description: 'Яма на дороге у остановки',
      },
    }),
  },
};

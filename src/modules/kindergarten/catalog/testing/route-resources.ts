import crypto from 'node:crypto';
import type { RouteResourceMaker } from '../../../../app/testing/route-resources.js';
import { pngImage } from '../../../../app/testing/test-images.js';

/** Kindergarten A1 and its younger group from the fixture region, and a photo of A1. */
export const catalogRouteResources: RouteResourceMaker = {
  name: 'kindergarten catalog',
  params: ['kindergartenId', 'groupId', 'photoId'],
  async create(db, f) {
    const bytes = pngImage(4, 3);
    // A kindergarten holds at most 12 photos: each fresh set of resources replaces the last.
    await db.deleteFrom('kindergarten_photo').where('kindergarten_id', '=', f.kindergartenA1).execute();
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
    return {
      kindergartenId: String(f.kindergartenA1),
      groupId: String(f.groupA1Young),
      photoId: String(photo.id),
    };
  },
  examples: {
    'POST /api/staff/kindergartens': (ids) => ({
      body: {
        municipalityId: Number(ids.municipalityId),
        code: `KT-${crypto.randomInt(1e5, 1e6)}`,
        nameRu: 'Детский сад № 99 «Новый»',
        address: 'г. Альфа, ул. Новая, 9',
      },
    }),
    'POST /api/staff/kindergartens/:kindergartenId/photos': () => ({
      multipart: {
        fields: { altRu: 'Музыкальный зал' },
        file: { field: 'file', name: 'hall.png', type: 'image/png', bytes: pngImage(8, 6) },
      },
    }),
  },
};

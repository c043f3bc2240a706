import crypto from 'node:crypto';
import sharp from 'sharp';
import type { DishPhoto } from '../../../contracts/meals.js';
import { MAX_DISH_PHOTO_BYTES } from '../../../contracts/meals.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { assertImageWithinLimits } from '../../../platform/files/image-limits.js';
import { sniffFileType } from '../../../platform/files/sniff-file-type.js';
import { HttpProblem, notFound } from '../../../platform/http/problem.js';
import { schoolOf } from '../menus/menu-service.js';
import * as q from '../queries.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Phones show a dish at most ~400 CSS px wide (1200 device pixels at 3×): 1200 px is enough. */
export const PHOTO_MAX_SIDE = 1200;

export const dishPhotoUrl = (dishId: number, photoId: number) =>
  `/api/meals/dishes/${dishId}/photos/${photoId}`;

/**
 * Reads an uploaded photo of a dish: the content decides the type (JPEG, PNG or WebP, 415 else), the
 * header's size is checked before decoding, then it is turned upright by its EXIF orientation, resized
 * to at most 1200 px a side and stored as WebP without its metadata (no camera, no GPS position).
 */
export async function preparePhoto(content: Buffer) {
  const sniffed = await sniffFileType(content, IMAGE_TYPES, MAX_DISH_PHOTO_BYTES);
  if (!sniffed.ok) {
    const [status, message] =
      sniffed.reason === 'too_large'
        ? [413, 'The photo is larger than 5 MB.']
        : sniffed.reason === 'empty'
          ? [400, 'The file is empty.']
          : [415, `The file is ${sniffed.detected ?? 'not an image'}: send a JPEG, PNG or WebP photo.`];
    throw new HttpProblem(status, status === 415 ? 'unsupported-media-type' : 'bad-file', message, {
      errors: [{ field: 'file', message, expected: 'a JPEG, PNG or WebP image ≤ 5 MB' }],
    });
  }
  assertImageWithinLimits(content, sniffed.mediaType);
  try {
    const { data, info } = await sharp(content, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, mediaType: 'image/webp' as const };
  } catch {
    const message = 'The image cannot be decoded (a damaged file); save it again from an image editor.';
    throw new HttpProblem(422, 'image-unreadable', message, {
      errors: [{ field: 'file', message, expected: 'a JPEG, PNG or WebP image' }],
    });
  }
}

export class DishPhotoService {
  constructor(private readonly db: Db) {}

  async add(
    actor: Actor,
    organisationId: number,
    dishId: number,
    upload: { content: Buffer; altRu: string },
  ): Promise<DishPhoto> {
    const school = await schoolOf(this.db, organisationId);
    const dish = await q.dishById(this.db, organisationId, dishId);
    if (!dish) throw notFound('Dish');
    const photo = await preparePhoto(upload.content);
    const sha256 = crypto.createHash('sha256').update(photo.bytes).digest('hex');
    return inTransaction(this.db, async (tx) => {
      const id = await q.insertDishPhoto(tx, {
        dish_id: dishId,
        media_type: photo.mediaType,
        bytes: photo.bytes,
        size_bytes: photo.bytes.byteLength,
        sha256,
        width: photo.width,
        height: photo.height,
        alt_ru: upload.altRu,
      });
      await recordAudit(tx, actor, {
        action: 'meals.dish_photo.added',
        subjectType: 'meals_dish',
        subjectId: dishId,
        municipalityId: school.municipality_id,
        summary: { organisationId, photoId: id, sha256, width: photo.width, height: photo.height },
      });
      return {
        id,
        dishId,
        mediaType: photo.mediaType,
        width: photo.width,
        height: photo.height,
        sizeBytes: photo.bytes.byteLength,
        altRu: upload.altRu,
        url: dishPhotoUrl(dishId, id),
      };
    });
  }
}

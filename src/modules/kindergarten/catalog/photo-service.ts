import crypto from 'node:crypto';
import {
  kindergartenPhotoUrl,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_MEDIA_TYPES,
  type PhotoUpdate,
  type StaffPhoto,
} from '../../../contracts/kindergarten-catalog.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { assertImageWithinLimits } from '../../../platform/files/image-limits.js';
import { sniffFileType } from '../../../platform/files/sniff-file-type.js';
import { conflict, HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import {
  deletePhoto,
  insertPhoto,
  photosOf,
  renumberPhotos,
  updatePhotoText,
  type PhotoRow,
} from './photo-queries.js';
import { writeAndRefresh } from './catalog-write.js';
import type { PublicCatalog } from './public-catalog.js';
import { lockKindergarten } from './queries.js';

const ACCEPTED = 'JPEG, PNG or WebP, ≤ 5 MB';

export function toStaffPhoto(p: PhotoRow): StaffPhoto {
  return {
    id: p.id,
    kindergartenId: p.kindergarten_id,
    url: kindergartenPhotoUrl(p.kindergarten_id, p.id),
    position: p.position,
    altRu: p.alt_ru,
    altEn: p.alt_en,
    mediaType: p.media_type,
    sizeBytes: p.size_bytes,
    width: p.width,
    height: p.height,
    createdAt: p.created_at.toISOString(),
  };
}

const emptyToNull = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

/**
 * Uploaded kindergarten photos: each change one transaction with its audit event, under the
 * kindergarten's row lock (so two uploads cannot both take the last place); the public snapshot is
 * refreshed after, so the page shows the change at once.
 */
export class PhotoService {
  constructor(
    private readonly db: Db,
    private readonly catalog: PublicCatalog,
  ) {}

  private write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return writeAndRefresh(this.db, this.catalog, work);
  }

  private async locked(tx: Tx, kindergartenId: number) {
    const k = await lockKindergarten(tx, kindergartenId);
    if (!k) throw notFound('Kindergarten');
    return { municipalityId: k.municipality_id, photos: await photosOf(tx, kindergartenId) };
  }

  async upload(
    actor: Actor,
    kindergartenId: number,
    input: { content: Buffer; altRu: string; altEn?: string },
  ): Promise<StaffPhoto> {
    // The content decides the type; the file name and the part's Content-Type are never trusted.
    const sniffed = await sniffFileType(input.content, PHOTO_MEDIA_TYPES, MAX_PHOTO_BYTES);
    if (!sniffed.ok) {
      const [status, message] =
        sniffed.reason === 'empty'
          ? [400, 'The file is empty.']
          : sniffed.reason === 'too_large'
            ? [413, 'The photo is larger than 5 MB.']
            : [
                415,
                `Only JPEG, PNG or WebP images are accepted${sniffed.detected ? ` (this is ${sniffed.detected})` : ''}.`,
              ];
      throw new HttpProblem(status, `file-${sniffed.reason.replace('_', '-')}`, message, {
        errors: [{ field: 'file', message, expected: ACCEPTED }],
      });
    }
    // Before anything decodes it: a header claiming gigapixels is refused with the limit.
    const size = assertImageWithinLimits(input.content, sniffed.mediaType);
    const sha256 = crypto.createHash('sha256').update(input.content).digest('hex');
    return this.write(async (tx) => {
      const { municipalityId, photos } = await this.locked(tx, kindergartenId);
      if (photos.length >= MAX_PHOTOS)
        throw conflict(`The gallery is full (${MAX_PHOTOS} photos): delete one before adding another.`, {
          errors: [{ field: 'file', message: 'the gallery is full', expected: `≤ ${MAX_PHOTOS} photos` }],
        });
      const row = await insertPhoto(tx, {
        kindergartenId,
        position: photos.length + 1,
        mediaType: sniffed.mediaType,
        bytes: input.content,
        sha256,
        width: size.width,
        height: size.height,
        altRu: input.altRu,
        altEn: emptyToNull(input.altEn) ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'catalog.photo.created',
        subjectType: 'kindergarten_photo',
        subjectId: row.id,
        municipalityId,
        summary: {
          kindergartenId,
          position: row.position,
          mediaType: row.media_type,
          sizeBytes: row.size_bytes,
          width: row.width,
          height: row.height,
          sha256,
        },
      });
      return toStaffPhoto(row);
    });
  }

  async update(
    actor: Actor,
    kindergartenId: number,
    photoId: number,
    input: PhotoUpdate,
  ): Promise<StaffPhoto> {
    return this.write(async (tx) => {
      const { municipalityId, photos } = await this.locked(tx, kindergartenId);
      const photo = photos.find((p) => p.id === photoId);
      if (!photo) throw notFound('Photo');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const text: { alt_ru?: string; alt_en?: string | null } = {};
      if (input.altRu !== undefined && input.altRu !== photo.alt_ru) {
        text.alt_ru = input.altRu;
        changes.altRu = { from: photo.alt_ru, to: input.altRu };
      }
      const altEn = emptyToNull(input.altEn);
      if (altEn !== undefined && altEn !== photo.alt_en) {
        text.alt_en = altEn;
        changes.altEn = { from: photo.alt_en, to: altEn };
      }
      if (input.position !== undefined && input.position !== photo.position) {
        if (input.position > photos.length)
          throw invalidField(
            'position',
            `There are ${photos.length} photos: the position must be between 1 and ${photos.length}.`,
            `1–${photos.length}`,
          );
        const order = photos.filter((p) => p.id !== photoId).map((p) => p.id);
        order.splice(input.position - 1, 0, photoId);
        await renumberPhotos(tx, kindergartenId, order);
        changes.position = { from: photo.position, to: input.position };
      }
      if (Object.keys(changes).length === 0) return toStaffPhoto(photo);
      if (Object.keys(text).length > 0) await updatePhotoText(tx, photoId, text);
      await recordAudit(tx, actor, {
        action: 'catalog.photo.updated',
        subjectType: 'kindergarten_photo',
        subjectId: photoId,
        municipalityId,
        summary: { kindergartenId, changes },
      });
      const after = (await photosOf(tx, kindergartenId)).find((p) => p.id === photoId)!;
      return toStaffPhoto(after);
    });
  }

  async remove(actor: Actor, kindergartenId: number, photoId: number): Promise<void> {
    await this.write(async (tx) => {
      const { municipalityId, photos } = await this.locked(tx, kindergartenId);
      const photo = photos.find((p) => p.id === photoId);
      if (!photo) throw notFound('Photo');
      await deletePhoto(tx, photoId);
      // The rest close the gap, keeping their order.
      await renumberPhotos(
        tx,
        kindergartenId,
        photos.filter((p) => p.id !== photoId).map((p) => p.id),
      );
      await recordAudit(tx, actor, {
        action: 'catalog.photo.deleted',
        subjectType: 'kindergarten_photo',
        subjectId: photoId,
        municipalityId,
        summary: {
          kindergartenId,
          position: photo.position,
          mediaType: photo.media_type,
          sizeBytes: photo.size_bytes,
          sha256: photo.sha256,
          altRu: photo.alt_ru,
        },
      });
    });
  }
}

import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/transaction.js';
import type { PhotoMediaType } from './tables.js';

// Everything about a photo but its bytes: lists never read those.
const META = [
  'id',
  'kindergarten_id',
  'position',
  'media_type',
  'size_bytes',
  'sha256',
  'width',
  'height',
  'alt_ru',
  'alt_en',
  'created_at',
] as const;

export type PhotoRow = Awaited<ReturnType<typeof photosOf>>[number];

/** A kindergarten's uploaded photos in gallery order. */
export async function photosOf(db: Executor, kindergartenId: number) {
  return db
    .selectFrom('kindergarten_photo')
    .select(META)
    .where('kindergarten_id', '=', kindergartenId)
    .orderBy('position')
    .execute();
}

/** Every kindergarten's photos for the public snapshot: what the page lists, no bytes. */
export async function allPhotoCaptions(db: Executor) {
  return db
    .selectFrom('kindergarten_photo')
    .select(['id', 'kindergarten_id', 'position', 'width', 'height', 'alt_ru', 'alt_en'])
    .orderBy('kindergarten_id')
    .orderBy('position')
    .execute();
}

export async function insertPhoto(
  tx: Executor,
  p: {
    kindergartenId: number;
    position: number;
    mediaType: PhotoMediaType;
    bytes: Uint8Array;
    sha256: string;
    width: number | null;
    height: number | null;
    altRu: string;
    altEn: string | null;
    createdBy: string | null;
  },
) {
  return tx
    .insertInto('kindergarten_photo')
    .values({
      kindergarten_id: p.kindergartenId,
      position: p.position,
      media_type: p.mediaType,
      size_bytes: p.bytes.byteLength,
      bytes: p.bytes,
      sha256: p.sha256,
      width: p.width,
      height: p.height,
      alt_ru: p.altRu,
      alt_en: p.altEn,
      created_by: p.createdBy,
    })
    .returning(META)
    .executeTakeFirstOrThrow();
}

export async function updatePhotoText(
  tx: Executor,
  id: number,
  set: { alt_ru?: string; alt_en?: string | null },
): Promise<void> {
  await tx.updateTable('kindergarten_photo').set(set).where('id', '=', id).execute();
}

/**
 * Gives the listed photos positions 1…n in the order given, in one statement (the unique position is
 * checked at commit, so swapping two is fine).
 */
export async function renumberPhotos(tx: Executor, kindergartenId: number, orderedIds: number[]) {
  if (orderedIds.length === 0) return;
  await sql`
    update kindergarten_photo set position = array_position(${orderedIds}::int[], id)
    where kindergarten_id = ${kindergartenId} and id = any(${orderedIds}::int[])`.execute(tx);
}

export async function deletePhoto(tx: Executor, id: number): Promise<void> {
  await tx.deleteFrom('kindergarten_photo').where('id', '=', id).execute();
}

/**
 * The bytes of one photo for the public page, unless the caller already holds them (its ETag names
 * the same SHA-256): then only the metadata is read.
 */
export async function photoFile(
  db: Executor,
  kindergartenId: number,
  photoId: number,
  knownSha256: string[],
) {
  return db
    .selectFrom('kindergarten_photo')
    .select([
      'media_type',
      'size_bytes',
      'sha256',
      sql<Uint8Array | null>`case when sha256 = any(${knownSha256}::text[]) then null else bytes end`.as(
        'bytes',
      ),
    ])
    .where('id', '=', photoId)
    .where('kindergarten_id', '=', kindergartenId)
    .executeTakeFirst();
}

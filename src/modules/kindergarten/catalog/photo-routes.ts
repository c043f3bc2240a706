import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_PHOTO_BYTES,
  photoUpdateSchema,
  photoUploadFieldsSchema,
  staffPhotoSchema,
} from '../../../contracts/kindergarten-catalog.js';
import type { AppContext } from '../../../platform/app-context.js';
import { badRequest, notFound } from '../../../platform/http/problem.js';
import { readUpload } from '../../../platform/http/read-upload.js';
import { CATALOG_ACTIONS } from './permissions.js';
import { photoFile } from './photo-queries.js';
import type { PhotoService } from './photo-service.js';
import { kindergartenScope } from './queries.js';
import { actorOf } from '../../../platform/http/request-actor.js';

const kindergartenParams = z.object({ kindergartenId: z.coerce.number().int().positive() });
const photoParams = kindergartenParams.extend({
  photoId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

// A photo's bytes never change (an edit of the picture is a new upload with a new id), so browsers and
// proxies may keep it without asking again; a week bounds how long a deleted one can linger there.
const PHOTO_CACHE = 'public, max-age=604800, immutable';

/** The SHA-256 values an If-None-Match header names (our ETags are the quoted hash). */
function knownHashes(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .filter((t) => /^[0-9a-f]{64}$/.test(t))
    .slice(0, 10);
}

/**
 * Kindergarten photos: staff upload, edit and delete them with the card's permission
 * (`catalog.kindergarten.update`: the head of that kindergarten, the municipality's officer, the
 * regional administrator); anyone may fetch one.
 */
export function photoRoutes(app: FastifyInstance, ctx: AppContext, photos: PhotoService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kindergartenScopeOf = async (request: FastifyRequest) => {
    const { kindergartenId } = request.params as { kindergartenId: number };
    const k = await kindergartenScope(ctx.db, kindergartenId);
    if (!k) throw notFound('Kindergarten');
    return { municipalityId: k.municipality_id, kindergartenId: k.id };
  };
  const permission = { action: CATALOG_ACTIONS.updateCard, scope: kindergartenScopeOf };
  const staffTags = ['kindergarten catalog (staff)'];

  r.get(
    '/api/kindergartens/:kindergartenId/photos/:photoId',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['kindergarten catalog'],
        summary: 'An uploaded kindergarten photo (JPEG, PNG or WebP)',
        description:
          'The bytes with the media type found by sniffing at upload, `x-content-type-options: nosniff`, ' +
          'a strong ETag (the SHA-256 of the bytes; If-None-Match answers 304) and ' +
          '`Cache-Control: public, max-age=604800, immutable`: a photo never changes under its id.',
        params: photoParams,
      },
    },
    async (request, reply) => {
      const { kindergartenId, photoId } = request.params;
      const known = knownHashes(request.headers['if-none-match']);
      const file = await photoFile(ctx.db, kindergartenId, photoId, known);
      if (!file) throw notFound('Photo');
      reply
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', PHOTO_CACHE)
        .header('x-content-type-options', 'nosniff');
      if (file.bytes === null) return reply.status(304).send();
      const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      return reply.type(file.media_type).header('content-length', String(file.size_bytes)).send(bytes);
    },
  );

  r.post(
    '/api/staff/kindergartens/:kindergartenId/photos',
    {
      config: { permission },
      schema: {
        tags: staffTags,
        summary: 'Upload a photo (JPEG, PNG or WebP up to 5 MB; the content decides the type)',
        description:
          'multipart/form-data with the parts `altRu` (required, 1–300 characters: what the photo shows, ' +
          'read out by screen readers), `altEn` (optional) and `file`. The type is sniffed from the bytes, ' +
          'never taken from the file name or the part header. 415 for another type, 413 above 5 MB, 400 for ' +
          'an empty or missing file, 409 when the kindergarten already has 12 photos; each names the field, ' +
          'and nothing is stored. The photo goes last in the gallery.',
        consumes: ['multipart/form-data'],
        params: kindergartenParams,
        response: { 201: staffPhotoSchema },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, {
        maxBytes: MAX_PHOTO_BYTES,
        maxFieldLength: 300,
        sizeLabel: '5 MB',
      });
      const fields = photoUploadFieldsSchema.safeParse(upload.fields);
      if (!fields.success)
        throw badRequest(
          `Invalid fields: ${fields.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          fields.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
        );
      const created = await photos.upload(actorOf(request), request.params.kindergartenId, {
        content: upload.content,
        ...fields.data,
      });
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/staff/kindergartens/:kindergartenId/photos/:photoId',
    {
      config: { permission },
      schema: {
        tags: staffTags,
        summary: "Edit a photo's alternative text or move it within the gallery (position 1 = first)",
        params: photoParams,
        body: photoUpdateSchema,
        response: { 200: staffPhotoSchema },
      },
    },
    async (request) =>
      photos.update(actorOf(request), request.params.kindergartenId, request.params.photoId, request.body),
  );

  r.delete(
    '/api/staff/kindergartens/:kindergartenId/photos/:photoId',
    {
      config: { permission },
      schema: {
        tags: staffTags,
        summary: 'Delete a photo (the bytes are removed; the audit log keeps its SHA-256 and caption)',
        params: photoParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await photos.remove(actorOf(request), request.params.kindergartenId, request.params.photoId);
      return reply.status(204).send(null);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dishParams,
  dishPhotoFieldsSchema,
  dishPhotoParams,
  dishPhotoSchema,
  MAX_DISH_PHOTO_BYTES,
} from '../../../contracts/meals.js';
import type { AppContext } from '../../../platform/app-context.js';
import { badRequest, notFound } from '../../../platform/http/problem.js';
import { readUpload } from '../../../platform/http/read-upload.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { schoolScope } from '../menus/staff-routes.js';
import { MEALS_ACTIONS } from '../permissions.js';
import { dishPhoto } from '../queries.js';
import { DishPhotoService } from './photo-service.js';

/** Dish photos: the kitchen uploads them (resized for phones); anyone may fetch one. */
export function dishPhotoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const photos = new DishPhotoService(ctx.db);

  r.post(
    '/api/staff/meals/:organisationId/dishes/:dishId/photos',
    {
      config: { permission: { action: MEALS_ACTIONS.manage, scope: schoolScope(ctx) } },
      schema: {
        tags: ['school meals (staff)'],
        summary: 'Add a photo of a dish (JPEG, PNG or WebP up to 5 MB; stored as WebP ≤ 1200 px)',
        description:
          'multipart/form-data with `altRu` (1–300 characters: what the photo shows) and `file`. The content ' +
          'decides the type: 415 for anything but JPEG, PNG or WebP, 413 above 5 MB, 422 for an image over ' +
          '10,000 px a side or that cannot be decoded; each names `file`, and nothing is stored.',
        consumes: ['multipart/form-data'],
        params: dishParams,
        response: { 201: dishPhotoSchema },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, {
        maxBytes: MAX_DISH_PHOTO_BYTES,
        maxFieldLength: 300,
        sizeLabel: '5 MB',
      });
      const fields = dishPhotoFieldsSchema.safeParse(upload.fields);
      if (!fields.success)
        throw badRequest('The part altRu (1–300 characters) says what the photo shows.', [
          { field: 'altRu', message: 'required, 1–300 characters' },
        ]);
      const photo = await photos.add(actorOf(request), request.params.organisationId, request.params.dishId, {
        content: upload.content,
        altRu: fields.data.altRu,
      });
      return reply.status(201).send(photo);
    },
  );

  r.get(
    '/api/meals/dishes/:dishId/photos/:dishPhotoId',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['school meals'],
        summary: 'A photo of a dish (WebP; never changes under its id)',
        params: dishPhotoParams,
      },
    },
    async (request, reply) => {
      const photo = await dishPhoto(ctx.db, request.params.dishId, request.params.dishPhotoId);
      if (!photo) throw notFound('Photo');
      reply
        .header('etag', `"${photo.sha256}"`)
        .header('cache-control', 'public, max-age=604800, immutable')
        .header('x-content-type-options', 'nosniff');
      if ((request.headers['if-none-match'] ?? '').includes(photo.sha256)) return reply.status(304).send();
      return reply
        .type(photo.media_type)
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appealCreateSchema,
  appealPhotoSchema,
  appealSchema,
  MAX_APPEAL_PHOTO_BYTES,
  myAppealListSchema,
  ratingSchema,
  similarAppealListSchema,
  similarQuerySchema,
  surveyAnswerSchema,
} from '../../../contracts/feedback.js';
import type { AppContext } from '../../../platform/app-context.js';
import { forbidden, notFound, unauthorized } from '../../../platform/http/problem.js';
import { readUpload } from '../../../platform/http/read-upload.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { FEEDBACK_ACTIONS } from '../permissions.js';
import { answerSurvey, type AppealService } from './appeal-service.js';
import { ownAppealScope } from './appeal-scope.js';
import { photoFile } from './queries.js';

const tags = ['feedback'];
const positiveId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
export const appealParams = z.object({ appealId: positiveId });
export const photoParams = appealParams.extend({ appealPhotoId: positiveId });

/** The citizen acting; only a citizen signed in through ЕСИА (never staff) files appeals. */
export function citizen(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId || !request.principal) throw unauthorized();
  if (request.principal.kind !== 'citizen')
    throw forbidden('Appeals are filed by citizens signed in through Госуслуги.');
  return { ...actor, userId: actor.userId };
}

/** The photo's bytes, typed by the sniffed type, never guessed by the browser. */
export async function sendPhoto(
  ctx: AppContext,
  params: { appealId: number; appealPhotoId: number },
  reply: FastifyReply,
) {
  const file = await photoFile(ctx.db, params.appealId, params.appealPhotoId);
  if (!file) throw notFound('Photo');
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return reply
    .type(file.media_type)
    .header('cache-control', 'private, max-age=86400')
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${file.sha256}"`)
    .send(bytes);
}

/** «Мои обращения»: file, follow, add photos, rate the answer. */
export function citizenAppealRoutes(app: FastifyInstance, ctx: AppContext, appeals: AppealService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = { action: FEEDBACK_ACTIONS.own, scope: ownAppealScope(ctx.db) };

  r.post(
    '/api/my/feedback/appeals',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.file } },
      schema: {
        tags,
        summary: 'File an appeal (59-ФЗ) or a short message about an organisation or a map point',
        description:
          'Gives the number and the deadlines (registration 3 days, forwarding 7, answer 30 or the ' +
          "category's target for a message). An unknown category or organisation is a 422 naming the field. " +
          'The appeal becomes a request on the family page in the same transaction.',
        body: appealCreateSchema,
        response: { 201: appealSchema },
      },
    },
    async (request, reply) => {
      const created = await appeals.file(citizen(request), request.body);
      return reply.status(201).send(created);
    },
  );

  r.post(
    '/api/my/feedback/appeals/similar',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.file } },
      schema: {
        tags,
        summary: 'Open similar appeals before filing (possible duplicates): «присоединиться к обращению»',
        description:
          'The same category, the same organisation or a point within FEEDBACK_DUPLICATE_RADIUS_M (300 m), ' +
          'registered within FEEDBACK_DUPLICATE_WINDOW_DAYS (30), texts at least ' +
          'FEEDBACK_DUPLICATE_MIN_SIMILARITY (0.3) alike (stem-set Jaccard). At most 5, most similar first. ' +
          'Each gives the number, category, organisation, status and answer limit — never the author, the text or the answer. ' +
          "Joining is filing one's own appeal with `duplicateOfId`: it keeps its own number and deadline.",
        body: similarQuerySchema,
        response: { 200: similarAppealListSchema },
      },
    },
    async (request) => {
      citizen(request);
      return appeals.similar(request.body);
    },
  );

  r.get(
    '/api/my/feedback/appeals',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.own } },
      schema: { tags, summary: "One's own appeals, newest first", response: { 200: myAppealListSchema } },
    },
    async (request) => appeals.mine(citizen(request).userId),
  );

  r.get(
    '/api/my/feedback/appeals/:appealId',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: "One's own appeal with its history (404 for anyone else's)",
        params: appealParams,
        response: { 200: appealSchema },
      },
    },
    async (request) => appeals.one(request.params.appealId, [], false),
  );

  r.post(
    '/api/my/feedback/appeals/:appealId/photos',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: 'Attach a photo (JPEG, PNG or WebP up to 5 MB, at most 5; the content decides the type)',
        description:
          'multipart/form-data with one part `file`. 415 for another type, 413 above 5 MB, 400 when empty.',
        consumes: ['multipart/form-data'],
        params: appealParams,
        response: { 201: appealPhotoSchema },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, { maxBytes: MAX_APPEAL_PHOTO_BYTES, sizeLabel: '5 MB' });
      const photo = await appeals.addPhoto(citizen(request), request.params.appealId, upload.content);
      return reply.status(201).send(photo);
    },
  );

  r.get(
    '/api/my/feedback/appeals/:appealId/photos/:appealPhotoId',
    {
      config: { permission: own },
      schema: { tags, summary: "A photo of one's own appeal", params: photoParams },
    },
    async (request, reply) => sendPhoto(ctx, request.params, reply),
  );

  r.post(
    '/api/my/feedback/appeals/:appealId/rating',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: 'Rate the answer 1–5; 1–2 sends it back to work once',
        params: appealParams,
        body: ratingSchema,
        response: { 200: appealSchema },
      },
    },
    async (request) =>
      appeals.rate(citizen(request), request.params.appealId, request.body.rating, request.body.comment),
  );

  r.post(
    '/api/my/feedback/appeals/:appealId/survey',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: 'Answer «Проблема действительно устранена?»; «нет» (fixed: false) reopens the appeal once',
        description: '409 when no survey question is open on the appeal (not sent yet, or already answered).',
        params: appealParams,
        body: surveyAnswerSchema,
        response: { 200: appealSchema },
      },
    },
    async (request) =>
      answerSurvey(appeals, ctx.db, citizen(request), request.params.appealId, request.body.fixed),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmResultSchema,
  createWaveSchema,
  directionListSchema,
  directionSchema,
  excludeApplicationSchema,
  excludeSeatSchema,
  myPlacementSchema,
  publishedWaveListSchema,
  reviewQuerySchema,
  runRequestedSchema,
  setSeatsSchema,
  waveSeatListSchema,
  waveListSchema,
  waveReviewSchema,
  waveSummarySchema,
} from '../../../contracts/kindergarten-placement.js';
import type { AppContext } from '../../../platform/app-context.js';
import { grantsOf } from '../../../platform/auth/permissions.js';
import { notFound } from '../../../platform/http/problem.js';
import { NO_OWNER, PLACEMENT_ACTIONS as A } from './permissions.js';
import * as q from './queries.js';
import * as service from './service.js';
import { directionView, myPlacement, waveReview, waveSummary } from './views.js';
import { directionPdf } from './direction-pdf.js';
import { verificationPage } from './verification-page.js';
import { actorOf } from '../../../platform/http/request-actor.js';

const waveParams = z.object({ waveId: z.string().uuid() });
const directionParams = z.object({ directionId: z.string().uuid() });
const tags = ['placement'];

export function placementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  const waveScope = async (request: FastifyRequest) => {
    const { waveId } = request.params as { waveId: string };
    const wave = await q.findWave(db, waveId);
    if (!wave) throw notFound('Wave');
    return { municipalityId: wave.municipality_id };
  };
  const directionScope = async (request: FastifyRequest) => {
    const { directionId } = request.params as { directionId: string };
    const d = await q.findDirection(db, directionId);
    if (!d) throw notFound('Direction');
    return {
      municipalityId: d.municipality_id,
      kindergartenId: d.kindergarten_id,
      ownerUserId: d.applicant_id ?? NO_OWNER,
      // A child's placement is personal: whoever may not see it gets the same 404 as for none.
      personal: 'Direction',
    };
  };

  r.post(
    '/api/placement/waves',
    {
      config: {
        permission: {
          action: A.waveManage,
          scope: (req) => ({ municipalityId: (req.body as { municipalityId: number }).municipalityId }),
        },
      },
      schema: {
        tags,
        summary: 'Create a placement wave (the main one for 1 September or an additional one)',
        body: createWaveSchema,
        response: { 201: waveSummarySchema },
      },
    },
    async (request, reply) => {
      const id = await service.createWave(db, actorOf(request), request.body);
      return reply.status(201).send(await waveSummary(db, request.principal, id));
    },
  );

  r.get(
    '/api/placement/waves',
    {
      config: { permission: { action: A.waveRead } },
      schema: {
        tags,
        summary: 'Placement waves the caller may see, newest first',
        querystring: z.object({ municipalityId: z.coerce.number().int().positive().optional() }),
        response: { 200: waveListSchema },
      },
    },
    async (request) => {
      const officer = grantsOf(request.principal, ['municipal_officer']).map((g) => g.municipalityId!);
      const wide = grantsOf(request.principal, ['regional_admin', 'auditor']).length > 0;
      let ids: number[] | null = wide ? null : officer;
      const only = request.query.municipalityId;
      if (only !== undefined) ids = ids === null || ids.includes(only) ? [only] : [];
      const waves = await q.listWaves(db, ids);
      return { items: await Promise.all(waves.map((w) => waveSummary(db, request.principal, w.id))) };
    },
  );

  r.get(
    '/api/placement/waves/:waveId',
    {
      config: { permission: { action: A.waveRead, scope: waveScope } },
      schema: {
        tags,
        summary: 'One wave with its latest run and progress',
        params: waveParams,
        response: { 200: waveSummarySchema },
      },
    },
    async (request) => waveSummary(db, request.principal, request.params.waveId),
  );

  r.post(
    '/api/placement/waves/:waveId/runs',
    {
      config: { permission: { action: A.waveManage, scope: waveScope, expensive: true } },
      schema: {
        tags,
        summary: 'Run the solver on the wave as a background job (a new draft replaces the previous one)',
        params: waveParams,
        response: { 202: runRequestedSchema },
      },
    },
    async (request, reply) => {
      const runId = await service.requestRun(db, actorOf(request), request.params.waveId);
      return reply.status(202).send({ runId });
    },
  );

  r.get(
    '/api/placement/waves/:waveId/review',
    {
      config: { permission: { action: A.waveRead, scope: waveScope } },
      schema: {
        tags,
        summary: 'The draft (or confirmed) result: per kindergarten cut-offs, per child results',
        params: waveParams,
        querystring: reviewQuerySchema,
        response: { 200: waveReviewSchema },
      },
    },
    async (request) => waveReview(db, request.params.waveId, request.query),
  );

  r.post(
    '/api/placement/waves/:waveId/exclusions/applications',
    {
      config: { permission: { action: A.waveManage, scope: waveScope } },
      schema: {
        tags,
        summary: 'Take an application out of the wave, with a reason (audited); run again to apply',
        params: waveParams,
        body: excludeApplicationSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { applicationId, reason } = request.body;
      await service.excludeApplication(db, actorOf(request), request.params.waveId, applicationId, reason);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/placement/waves/:waveId/exclusions/seats',
    {
      config: { permission: { action: A.waveManage, scope: waveScope } },
      schema: {
        tags,
        summary: "Withdraw a group's seats from the wave, with a reason (audited); run again to apply",
        params: waveParams,
        body: excludeSeatSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { groupId, reason } = request.body;
      await service.excludeSeat(db, actorOf(request), request.params.waveId, groupId, reason);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/placement/waves/:waveId/seats',
    {
      config: { permission: { action: A.waveRead, scope: waveScope } },
      schema: {
        tags,
        summary: 'Seats each group offers in the wave',
        params: waveParams,
        response: { 200: waveSeatListSchema },
      },
    },
    async (request) => ({
      items: (await q.waveSeats(db, request.params.waveId)).map((s) => ({
        groupId: s.group_id,
        groupName: s.group_name,
        kindergartenId: s.kindergarten_id,
        kindergartenName: s.kindergarten_name,
        ageFrom: s.age_from,
        ageTo: s.age_to,
        seats: s.seats,
        excludedReason: s.excluded_reason,
      })),
    }),
  );

  r.put(
    '/api/placement/waves/:waveId/seats',
    {
      config: { permission: { action: A.waveManage, scope: waveScope } },
      schema: {
        tags,
        summary: "Set a group's seats in the wave (audited); run again to apply",
        params: waveParams,
        body: setSeatsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.setSeats(
        db,
        actorOf(request),
        request.params.waveId,
        request.body.groupId,
        request.body.seats,
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/placement/waves/:waveId/confirm',
    {
      config: { permission: { action: A.waveManage, scope: waveScope } },
      schema: {
        tags,
        summary: 'Confirm the draft: issue every direction in one transaction and publish the wave',
        params: waveParams,
        response: { 200: confirmResultSchema },
      },
    },
    async (request) => service.confirmWave(db, actorOf(request), request.params.waveId, ctx.config.publicUrl),
  );

  // ---- directions ------------------------------------------------------------------------------

  r.get(
    '/api/my/directions',
    {
      config: { permission: { action: A.directionDecide } },
      schema: {
        tags,
        summary: "The signed-in parent's directions and explanations of their children's placement",
        response: { 200: myPlacementSchema },
      },
    },
    async (request) => myPlacement(db, request.principal!),
  );

  r.get(
    '/api/directions/:directionId',
    {
      config: { permission: { action: A.directionRead, scope: directionScope } },
      schema: { tags, summary: 'One direction', params: directionParams, response: { 200: directionSchema } },
    },
    async (request) => {
      const d = await q.findDirection(db, request.params.directionId);
      return directionView(d!, request.principal);
    },
  );

  r.get(
    '/api/directions/:directionId/pdf',
    {
      config: { permission: { action: A.directionRead, scope: directionScope } },
      schema: { tags, summary: 'The direction as a PDF document in Russian', params: directionParams },
    },
    async (request, reply) => {
      const d = (await q.findDirection(db, request.params.directionId))!;
      const region = await db.selectFrom('region').select('name_ru').executeTakeFirst();
      const pdf = await directionPdf({
        number: d.number,
        regionName: region?.name_ru ?? ctx.config.REGION_NAME_RU,
        waveTitle: d.wave_title,
        childName: [d.last_name, d.first_name, d.patronymic].filter(Boolean).join(' '),
        birthDate: d.birth_date,
        applicationNumber: d.application_number,
        kindergartenName: d.kindergarten_name,
        kindergartenAddress: d.kindergarten_address,
        groupName: d.group_name,
        issuedOn: d.issued_at.toISOString().slice(0, 10),
        validUntil: d.valid_until,
        startDate: d.placement_date,
        explanationRu: (d.explanation as { ru: string }).ru,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="direction-${encodeURIComponent(d.number)}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  for (const decision of ['accept', 'decline'] as const)
    r.post(
      `/api/directions/:directionId/${decision}`,
      {
        config: { permission: { action: A.directionDecide, scope: directionScope } },
        schema: {
          tags,
          summary:
            decision === 'accept'
              ? 'Accept the offered seat'
              : 'Decline the offered seat (the child stays in the queue, desired date moves to 1 September next year)',
          params: directionParams,
          response: { 200: directionSchema },
        },
      },
      async (request) => {
        await service.decideDirection(db, actorOf(request), request.params.directionId, decision);
        return directionView((await q.findDirection(db, request.params.directionId))!, request.principal);
      },
    );

  r.post(
    '/api/directions/:directionId/enroll',
    {
      config: { permission: { action: A.directionEnroll, scope: directionScope } },
      schema: {
        tags,
        summary: 'Record the enrollment (зачислен) of a directed child',
        params: directionParams,
        response: { 200: directionSchema },
      },
    },
    async (request) => {
      await service.enrollDirection(db, actorOf(request), request.params.directionId);
      return directionView((await q.findDirection(db, request.params.directionId))!, request.principal);
    },
  );

  r.get(
    '/api/placement/kindergartens/:kindergartenId/directions',
    {
      config: {
        permission: {
          action: A.directionEnroll,
          scope: async (req) => {
            const { kindergartenId } = req.params as { kindergartenId: number };
            const k = await db
              .selectFrom('kindergarten')
              .select('municipality_id')
              .where('id', '=', kindergartenId)
              .executeTakeFirst();
            if (!k) throw notFound('Kindergarten');
            return { kindergartenId, municipalityId: k.municipality_id };
          },
        },
      },
      schema: {
        tags,
        summary: "Directions to one kindergarten, for its head's enrollment",
        params: z.object({ kindergartenId: z.coerce.number().int().positive() }),
        response: { 200: directionListSchema },
      },
    },
    async (request) => {
      const rows = await q.directionsOfKindergarten(db, request.params.kindergartenId);
      return { items: rows.map((d) => directionView(d, request.principal)) };
    },
  );

  // ---- public verification ---------------------------------------------------------------------

  r.get(
    '/api/placement/published',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Confirmed waves with published instance and result',
        response: { 200: publishedWaveListSchema },
      },
    },
    async (_request, reply) => {
      const rows = await q.publishedWaves(db);
      reply.header('cache-control', 'public, max-age=60');
      return {
        items: rows.map((w) => {
          const assignments = (w.result as { assignments: Record<string, string | null> }).assignments;
          const values = Object.values(assignments);
          return {
            id: w.id,
            municipalityId: w.municipality_id,
            title: w.title,
            confirmedAt: w.confirmed_at!.toISOString(),
            children: values.length,
            placed: values.filter((v) => v !== null).length,
            inputSha256: w.input_sha256 ?? '',
          };
        }),
      };
    },
  );

  for (const file of ['instance', 'result'] as const)
    r.get(
      `/open-data/placement/:waveId/${file}.json`,
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: `The anonymized ${file} of a confirmed wave (shared/specs/placement-instance.md)`,
          params: waveParams,
        },
      },
      async (request, reply) => {
        const row = await q.publishedFile(db, request.params.waveId);
        if (!row) throw notFound('Published wave');
        reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .header('content-disposition', `inline; filename="${file}.json"`);
        return JSON.stringify(file === 'instance' ? row.published_instance : row.published_result);
      },
    );

  r.get(
    '/open-data/placement/',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'How to verify a placement wave yourself (HTML page)' },
    },
    async (_request, reply) => {
      const rows = await q.publishedWaves(db);
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=60');
      return verificationPage(
        rows.map((w) => ({
          id: w.id,
          title: w.title,
          confirmedAt: w.confirmed_at!.toISOString().slice(0, 10),
        })),
      );
    },
  );
}

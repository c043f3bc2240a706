import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationDetailSchema,
  applicationDraftResponseSchema,
  applicationDraftSchema,
  applicationInputSchema,
  benefitDecisionRequestSchema,
  benefitDecisionResponseSchema,
  changeChoicesRequestSchema,
  myApplicationsResponseSchema,
  paperApplicationInputSchema,
  positionChangeQuerySchema,
  positionChangeResponseSchema,
  positionHistoryQuerySchema,
  positionHistoryResponseSchema,
  positionLookupRequestSchema,
  positionLookupResponseSchema,
  positionResponseSchema,
  publicQueueQuerySchema,
  publicQueueResponseSchema,
  queueRulesResponseSchema,
  statusChangeRequestSchema,
  statusChangeResponseSchema,
  uploadedFileSchema,
  withdrawRequestSchema,
  staffApplicationListQuerySchema,
  staffApplicationListResponseSchema,
  applicantsQuerySchema,
  kindergartenApplicantsResponseSchema,
  statusExportQuerySchema,
  statusExportResponseSchema,
  removeOverAgeResponseSchema,
  duplicateListResponseSchema,
  mergeRequestSchema,
  mergeResponseSchema,
} from '../../../contracts/kindergarten-queue.js';
import type { AppContext } from '../../../platform/app-context.js';
import { readUpload } from '../../../platform/http/read-upload.js';
import { permittedActions } from '../../../platform/auth/permissions.js';
import type { Principal } from '../../../platform/auth/roles.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { MAX_DOCUMENT_BYTES } from './document-sniff.js';
import { storeBenefitDocument } from './document-upload.js';
import {
  APPLICATION_ACTIONS,
  applicationScope,
  kindergartenScope,
  municipalityScope,
} from './permissions.js';
import * as q from './queries.js';
import * as service from './service.js';
import * as explain from './explain-service.js';
import * as publicService from './public-service.js';
import * as staff from './staff-service.js';
import { actorOf } from '../../../platform/http/request-actor.js';

const tags = ['kindergarten-queue'];
const idParams = z.object({ applicationId: z.string().uuid() });
const municipalityParams = z.object({ municipalityId: z.coerce.number().int().positive() });
const kindergartenParams = z.object({ kindergartenId: z.coerce.number().int().positive() });

export function queueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  const appScope = applicationScope(db);

  const permitted = (principal: Principal | null, scope: { municipalityId: number; ownerUserId: string }) =>
    permittedActions(principal, scope, APPLICATION_ACTIONS);

  // ——— citizen: drafts, files, apply ———

  r.get(
    '/api/kindergarten/applications/draft',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: {
        tags,
        summary: "The signed-in citizen's saved wizard draft",
        response: { 200: applicationDraftResponseSchema },
      },
    },
    async (request) => {
      const d = await q.getDraft(db, request.principal!.userId);
      return {
        draft: d ? { step: d.step, data: d.data } : null,
        updatedAt: d ? d.updated_at.toISOString() : null,
      };
    },
  );

  r.put(
    '/api/kindergarten/applications/draft',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: {
        tags,
        summary: 'Save the wizard draft between steps',
        body: applicationDraftSchema,
        response: { 200: applicationDraftResponseSchema },
      },
    },
    async (request) => {
      if (JSON.stringify(request.body.data).length > 64_000)
        throw new HttpProblem(413, 'draft-too-large', 'The draft is too large.', {
          errors: [{ field: 'data', message: 'at most 64 kB' }],
        });
      const d = await q.saveDraft(db, request.principal!.userId, request.body.step, request.body.data);
      return { draft: { step: d.step, data: d.data }, updatedAt: d.updated_at.toISOString() };
    },
  );

  r.delete(
    '/api/kindergarten/applications/draft',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: { tags, summary: 'Discard the wizard draft', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await q.deleteDraft(db, request.principal!.userId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/kindergarten/files',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: {
        tags,
        summary: 'Upload a benefit document (PDF, JPEG or PNG up to 5 MB; the content decides the type)',
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFileSchema },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, { maxBytes: MAX_DOCUMENT_BYTES, sizeLabel: '5 MB' });
      const principal = request.principal!;
      const stored = await storeBenefitDocument(
        db,
        { ...actorOf(request), userId: principal.userId },
        upload,
      );
      return reply.status(201).send(stored);
    },
  );

  r.post(
    '/api/kindergarten/applications',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: {
        tags,
        summary: 'Submit an application (idempotent with the Idempotency-Key header)',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }),
        body: applicationInputSchema,
        response: { 201: applicationDetailSchema, 200: applicationDetailSchema },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const result = await service.apply(
        db,
        { ...actorOf(request), userId: principal.userId },
        request.body,
        request.headers['idempotency-key'],
      );
      const scope = { municipalityId: request.body.municipalityId, ownerUserId: principal.userId };
      const body = await service.detail(db, result.id, permitted(principal, scope));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(body);
    },
  );

  r.get(
    '/api/kindergarten/my/applications',
    {
      config: { permission: { action: 'queue.application.apply' } },
      schema: {
        tags,
        summary: "The signed-in citizen's applications",
        response: { 200: myApplicationsResponseSchema },
      },
    },
    async (request) => ({
      items: await staff.summaries(db, await q.applicationsOfApplicant(db, request.principal!.userId)),
    }),
  );

  // ——— one application ———

  r.get(
    '/api/kindergarten/applications/:applicationId',
    {
      config: { permission: { action: 'queue.application.read', scope: appScope } },
      schema: {
        tags,
        summary: 'An application with its timeline',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => {
      const scope = await appScope(request);
      return service.detail(db, request.params.applicationId, permitted(request.principal, scope as never));
    },
  );

  r.put(
    '/api/kindergarten/applications/:applicationId/choices',
    {
      config: { permission: { action: 'queue.application.update-own', scope: appScope } },
      schema: {
        tags,
        summary: 'Change the preferred kindergartens',
        params: idParams,
        body: changeChoicesRequestSchema,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) =>
      service.changeChoices(
        db,
        actorOf(request),
        request.params.applicationId,
        request.body.kindergartenIds,
        request.body.reason,
      ),
  );

  r.post(
    '/api/kindergarten/applications/:applicationId/withdraw',
    {
      config: { permission: { action: 'queue.application.update-own', scope: appScope } },
      schema: {
        tags,
        summary: 'Withdraw the application (снятие с учёта по заявлению)',
        params: idParams,
        body: withdrawRequestSchema,
        response: { 200: statusChangeResponseSchema },
      },
    },
    async (request) =>
      service.withdraw(db, actorOf(request), request.params.applicationId, request.body.reason),
  );

  r.get(
    '/api/kindergarten/applications/:applicationId/export',
    {
      config: { permission: { action: 'queue.application.read', scope: appScope, personalData: 'export' } },
      schema: {
        tags,
        summary: "Everything stored about one's application (152-ФЗ access right), as a JSON file",
        params: idParams,
      },
    },
    async (request, reply) => {
      const data = await staff.exportOwnData(db, request.params.applicationId);
      reply.header(
        'content-disposition',
        `attachment; filename="application-${data.application.number}.json"`,
      );
      reply.header('cache-control', 'no-store');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  );

  r.get(
    '/api/kindergarten/applications/:applicationId/position',
    {
      config: { permission: { action: 'queue.application.read', scope: appScope } },
      schema: {
        tags,
        summary: 'Positions with the counts ahead by class and the expected wait',
        params: idParams,
        response: { 200: positionResponseSchema },
      },
    },
    async (request) => explain.positionWithWait(db, request.params.applicationId),
  );

  r.get(
    '/api/kindergarten/applications/:applicationId/position/history',
    {
      config: { permission: { action: 'queue.application.read', scope: appScope } },
      schema: {
        tags,
        summary: 'Position history rebuilt from the event history',
        params: idParams,
        querystring: positionHistoryQuerySchema,
        response: { 200: positionHistoryResponseSchema },
      },
    },
    async (request) => explain.history(db, request.params.applicationId, request.query),
  );

  r.get(
    '/api/kindergarten/applications/:applicationId/position/change',
    {
      config: { permission: { action: 'queue.application.read', scope: appScope } },
      schema: {
        tags,
        summary: 'Why the position changed between two days (or moments), with counts by reason',
        params: idParams,
        querystring: positionChangeQuerySchema,
        response: { 200: positionChangeResponseSchema },
      },
    },
    async (request) => explain.change(db, request.params.applicationId, request.query),
  );

  // ——— public ———

  r.get(
    '/api/public/queue',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'The anonymized queue of a municipality × age group (× kindergarten); JSON or CSV',
        querystring: publicQueueQuerySchema,
        response: { 200: publicQueueResponseSchema },
      },
    },
    async (request, reply) => {
      const page = await publicService.publicQueue(db, request.query, config.QUEUE_MASK_KEY);
      reply.header('cache-control', 'public, max-age=30');
      if (request.query.format === 'csv') {
        reply.header(
          'content-disposition',
          `attachment; filename="queue-${page.municipalityId}-${page.ageGroup}.csv"`,
        );
        return reply
          .type('text/csv; charset=utf-8')
          .serializer((x: unknown) => x as string)
          .send(publicService.toCsv(page) as never);
      }
      return page;
    },
  );

  r.get(
    '/api/public/queue/municipalities/:municipalityId/rules',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: "A municipality's queue rules: how many kindergartens, the age rule, the benefit order",
        description:
          'The local rules the server applies to an application in this municipality, from its ' +
          'configuration with the regional defaults: the maximum number of preferred kindergartens ' +
          '(an application listing more is refused with 422), the day the age group is counted on, the ' +
          'oldest registration age, the order of benefit classes and whether changing kindergartens ' +
          'keeps the registration moment. 404 naming `municipalityId` for an unknown municipality.',
        params: municipalityParams,
        response: { 200: queueRulesResponseSchema },
      },
    },
    async (request, reply) => {
      const rules = await publicService.queueRules(db, request.params.municipalityId);
      // Staff may change the configuration: a short public cache, like the other public queue reads.
      reply.header('cache-control', 'public, max-age=60');
      return rules;
    },
  );

  r.post(
    '/api/public/queue/lookup',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.RATE_LIMIT_LOOKUP_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Position by application number and the child’s birth date (both required)',
        body: positionLookupRequestSchema,
        response: { 200: positionLookupResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicService.lookup(db, request.body.number, request.body.birthDate, config.QUEUE_MASK_KEY);
    },
  );

  // ——— staff ———

  r.get(
    '/api/kindergarten/municipalities/:municipalityId/applications',
    {
      config: { permission: { action: 'queue.application.list', scope: municipalityScope() } },
      schema: {
        tags,
        summary: "Search a municipality's applications",
        params: municipalityParams,
        querystring: staffApplicationListQuerySchema,
        response: { 200: staffApplicationListResponseSchema },
      },
    },
    async (request) => staff.list(db, request.principal, request.params.municipalityId, request.query),
  );

  r.post(
    '/api/kindergarten/municipalities/:municipalityId/applications',
    {
      config: { permission: { action: 'queue.application.manage', scope: municipalityScope() } },
      schema: {
        tags,
        summary: 'Register a paper application (operator mode)',
        params: municipalityParams,
        body: paperApplicationInputSchema,
        response: { 201: applicationDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await service.applyPaper(
        db,
        actorOf(request),
        request.params.municipalityId,
        request.body,
      );
      const body = await service.detail(
        db,
        created.id,
        permitted(request.principal, {
          municipalityId: request.params.municipalityId,
          ownerUserId: 'paper-application',
        }),
      );
      return reply.status(201).send(body);
    },
  );

  r.post(
    '/api/kindergarten/applications/:applicationId/status',
    {
      config: { permission: { action: 'queue.application.manage', scope: appScope } },
      schema: {
        tags,
        summary: 'Move the status (illegal transitions: 409 with the allowed ones)',
        params: idParams,
        body: statusChangeRequestSchema,
        response: { 200: statusChangeResponseSchema },
      },
    },
    async (request) =>
      service.changeStatus(
        db,
        actorOf(request),
        request.params.applicationId,
        request.body.to,
        request.body.reason,
      ),
  );

  r.post(
    '/api/kindergarten/applications/:applicationId/benefit-decision',
    {
      config: { permission: { action: 'queue.application.manage', scope: appScope } },
      schema: {
        tags,
        summary: 'Verify or reject a claimed benefit',
        params: idParams,
        body: benefitDecisionRequestSchema,
        response: { 200: benefitDecisionResponseSchema },
      },
    },
    async (request) =>
      service.decideBenefit(db, actorOf(request), request.params.applicationId, request.body),
  );

  r.get(
    '/api/kindergarten/municipalities/:municipalityId/duplicates',
    {
      config: { permission: { action: 'queue.application.list', scope: municipalityScope() } },
      schema: {
        tags,
        summary: 'Likely duplicate children (same name and birth date, other certificate)',
        params: municipalityParams,
        response: { 200: duplicateListResponseSchema },
      },
    },
    async (request) => staff.duplicates(db, request.params.municipalityId),
  );

  r.post(
    '/api/kindergarten/applications/:applicationId/merge',
    {
      config: { permission: { action: 'queue.application.manage', scope: appScope } },
      schema: {
        tags,
        summary: 'Merge a duplicate into this application (the earlier registration is kept)',
        params: idParams,
        body: mergeRequestSchema,
        response: { 200: mergeResponseSchema },
      },
    },
    async (request) =>
      staff.merge(
        db,
        actorOf(request),
        request.params.applicationId,
        request.body.duplicateApplicationId,
        request.body.reason,
      ),
  );

  r.get(
    '/api/kindergarten/kindergartens/:kindergartenId/applicants',
    {
      config: { permission: { action: 'queue.kindergarten.applicants', scope: kindergartenScope(db) } },
      schema: {
        tags,
        summary: 'Applicants who chose this kindergarten, in queue order',
        params: kindergartenParams,
        querystring: applicantsQuerySchema,
        response: { 200: kindergartenApplicantsResponseSchema },
      },
    },
    async (request) => staff.applicants(db, request.params.kindergartenId, request.query),
  );

  r.get(
    '/api/kindergarten/municipalities/:municipalityId/status-export',
    {
      config: {
        permission: { action: 'queue.application.list', scope: municipalityScope(), expensive: true },
      },
      schema: {
        tags,
        summary: 'Status changes with ЕПГУ status codes; JSON or CSV',
        params: municipalityParams,
        querystring: statusExportQuerySchema,
        response: { 200: statusExportResponseSchema },
      },
    },
    async (request, reply) => {
      const out = await staff.statusExport(
        db,
        request.params.municipalityId,
        request.query.from,
        request.query.to,
      );
      if (request.query.format === 'csv') {
        reply.header(
          'content-disposition',
          `attachment; filename="status-changes-${out.municipalityId}.csv"`,
        );
        return reply
          .type('text/csv; charset=utf-8')
          .serializer((x: unknown) => x as string)
          .send(staff.statusCsv(out) as never);
      }
      return out;
    },
  );

  r.post(
    '/api/kindergarten/municipalities/:municipalityId/remove-over-age',
    {
      config: { permission: { action: 'queue.application.manage', scope: municipalityScope() } },
      schema: {
        tags,
        summary: 'Remove children who reached 8 years (also a scheduled job)',
        params: municipalityParams,
        response: { 200: removeOverAgeResponseSchema },
      },
    },
    async (request) => ({
      removed: await staff.removeOverAge(db, actorOf(request), request.params.municipalityId),
    }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { applicationScope } from './permissions.js';

/**
 * One document attached to one of the application's privilege claims, or undefined when the file is
 * not among that application's benefit documents (a file id alone never opens someone else's file).
 */
export async function benefitDocumentOf(db: Executor, applicationId: string, fileId: string) {
  return db
    .selectFrom('stored_file')
    .select(['id', 'file_name', 'media_type', 'content'])
    .where('id', '=', fileId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('benefit')
          .select('benefit.id')
          .where('benefit.application_id', '=', applicationId)
          .where(sql<boolean>`${fileId}::uuid = any(benefit.document_ids)`),
      ),
    )
    .executeTakeFirst();
}

const params = z.object({ applicationId: z.string().uuid(), fileId: z.string().uuid() });

/**
 * GET /api/kindergarten/applications/:applicationId/documents/:fileId: the privilege document the
 * officer's decision rests on, shown inline (PDF or image, its type checked by content at upload).
 * Reading it is personal-data access and is recorded as such.
 */
export function benefitDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/kindergarten/applications/:applicationId/documents/:fileId',
    {
      config: {
        permission: {
          action: 'queue.application.read',
          scope: applicationScope(ctx.db),
          personalData: 'export',
        },
      },
      schema: {
        tags: ['kindergarten-queue'],
        summary: 'A privilege document of the application (PDF, JPEG or PNG), for the decision on it',
        params,
      },
    },
    async (request, reply) => {
      const file = await benefitDocumentOf(ctx.db, request.params.applicationId, request.params.fileId);
      if (!file) throw new HttpProblem(404, 'not-found', 'No such document on this application.');
      const name = encodeURIComponent(file.file_name);
      reply.header('content-disposition', `inline; filename*=UTF-8''${name}`);
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(file.media_type).send(file.content);
    },
  );
}

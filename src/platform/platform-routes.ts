import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { auditEventPageSchema, auditEventQuerySchema, auditVerdictSchema } from '../contracts/audit.js';
import { notificationListSchema, regionResponseSchema } from '../contracts/auth.js';
import type { AppContext } from './app-context.js';
import { verifyAuditChain } from './audit/audit-log.js';
import { defineActions } from './auth/permissions.js';
import { databaseIsUp } from './db/database.js';
import { notFound } from './http/problem.js';
import { hasTemplate, renderTemplate } from './notifications/templates.js';

defineActions({
  'audit.read': { roles: ['auditor', 'sysadmin'], description: 'Read the audit log and verify its chain' },
});

export function platformRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;

  r.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database status',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('up'), backend: z.string() }),
          503: z.object({ status: z.literal('degraded'), database: z.literal('down'), backend: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (await databaseIsUp(db))
        return { status: 'ok' as const, database: 'up' as const, backend: ctx.backend };
      return reply
        .status(503)
        .send({ status: 'degraded' as const, database: 'down' as const, backend: ctx.backend });
    },
  );

  r.get(
    '/api/region',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'The region, its municipalities and map settings',
        response: { 200: regionResponseSchema },
      },
    },
    async (_request, reply) => {
      const region = await db
        .selectFrom('region')
        .select(['name_ru', 'name_en', 'config'])
        .executeTakeFirst();
      const municipalities = await db
        .selectFrom('municipality')
        .select(['id', 'code', 'name_ru', 'name_en', 'center_lat', 'center_lon'])
        .orderBy('name_ru')
        .execute();
      const demoLogins = config.DEMO_MODE ? ((region?.config.demoLogins as never[] | undefined) ?? []) : [];
      reply.header('cache-control', 'public, max-age=60');
      return {
        nameRu: region?.name_ru ?? config.REGION_NAME_RU,
        nameEn: region?.name_en ?? config.REGION_NAME_EN,
        municipalities: municipalities.map((m) => ({
          id: m.id,
          code: m.code,
          nameRu: m.name_ru,
          nameEn: m.name_en,
          centerLat: m.center_lat,
          centerLon: m.center_lon,
        })),
        tileUrl: config.TILE_URL,
        demoLogins,
      };
    },
  );

  r.get(
    '/api/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: "The signed-in user's in-app notifications, newest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: notificationListSchema },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const rows = await db
        .selectFrom('notification')
        .select(['id', 'template', 'params', 'link', 'created_at', 'read_at'])
        .where('user_id', '=', principal.userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit)
        .execute();
      const unread = await db
        .selectFrom('notification')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', principal.userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        unread: unread.n,
        items: rows.map((n) => {
          // A notice whose template a later version dropped still shows, with a neutral title.
          const text = hasTemplate(n.template)
            ? renderTemplate(n.template, principal.locale, n.params)
            : { subject: principal.locale === 'ru' ? 'Уведомление' : 'Notification', body: '' };
          return {
            id: n.id,
            title: text.subject,
            body: text.body,
            link: n.link,
            createdAt: n.created_at.toISOString(),
            read: n.read_at !== null,
          };
        }),
      };
    },
  );

  r.post(
    '/api/notifications/:notificationId/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: 'Mark a notification as read',
        params: z.object({
          notificationId: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const res = await db
        .updateTable('notification')
        .set({ read_at: new Date() })
        .where('id', '=', request.params.notificationId)
        .where('user_id', '=', request.principal!.userId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound('Notification');
      return { ok: true as const };
    },
  );

  r.get(
    '/api/audit/events',
    {
      config: { permission: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'The audit chain, newest first, filtered and paginated',
        querystring: auditEventQuerySchema,
        response: { 200: auditEventPageSchema },
      },
    },
    async (request) => {
      const q = request.query;
      let query = db
        .selectFrom('audit_event')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(q.limit + 1);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
      if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      if (q.municipalityId) query = query.where('municipality_id', '=', q.municipalityId);
      if (q.from) query = query.where('occurred_at', '>=', new Date(`${q.from}T00:00:00Z`));
      if (q.to)
        query = query.where('occurred_at', '<', new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000));
      if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
      const rows = await query.execute();
      const page = rows.slice(0, q.limit);
      const actorIds = [...new Set(page.map((e) => e.actor_id).filter((id): id is string => id !== null))];
      const staff = actorIds.length
        ? await db
            .selectFrom('app_user')
            .select(['id', 'full_name'])
            .where('id', 'in', actorIds)
            .where('kind', '=', 'staff')
            .execute()
        : [];
      const names = new Map(staff.map((u) => [u.id, u.full_name]));
      return {
        items: page.map((e) => ({
          seq: e.seq,
          occurredAt: e.occurred_at.toISOString(),
          actorId: e.actor_id,
          actorRole: e.actor_role,
          actorName: (e.actor_id && names.get(e.actor_id)) ?? null,
          action: e.action,
          subjectType: e.subject_type,
          subjectId: e.subject_id,
          municipalityId: e.municipality_id,
          summary: e.summary,
          hash: e.hash,
          prevHash: e.prev_hash,
        })),
        nextBeforeSeq: rows.length > q.limit ? page[page.length - 1]!.seq : null,
      };
    },
  );

  r.get(
    '/api/audit/verify',
    {
      config: { permission: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain and report the first broken link, if any',
        response: { 200: auditVerdictSchema },
      },
    },
    async () => verifyAuditChain(db),
  );
}

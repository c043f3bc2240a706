import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, sessionResponseSchema, type SessionResponse } from '../../contracts/auth.js';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { HttpProblem } from '../http/problem.js';
import type { Principal } from './roles.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { loadPrincipal, revokeAllSessions, revokeSession } from './session-store.js';
import { consumeTotpStep } from './staff-sign-in-queries.js';
import { signInStaff } from './staff-sign-in.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';
import { actorOf } from '../http/request-actor.js';

function sessionBody(principal: Principal | null, demoMode: boolean): SessionResponse {
  if (!principal) return { user: null, csrfToken: null, demoMode };
  return {
    user: {
      id: principal.userId,
      kind: principal.kind,
      fullName: principal.fullName,
      email: principal.email,
      locale: principal.locale,
      totpEnabled: principal.totpEnabled,
      grants: principal.grants,
    },
    csrfToken: principal.csrfToken,
    demoMode,
  };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;

  r.get(
    '/api/auth/session',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and the CSRF token',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sessionBody(request.principal, config.DEMO_MODE);
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with password and, when enabled, a TOTP code',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await signInStaff(db, config, request.body, {
        requestId: request.id,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return sessionBody(await loadPrincipal(db, session.token), config.DEMO_MODE);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out of this browser',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { sessionToken, principal } = request;
      if (sessionToken)
        await inTransaction(db, async (tx) => {
          await revokeSession(tx, sessionToken);
          // An expired or unknown session signs nobody out: nothing to record.
          if (principal)
            await recordAudit(tx, actorOf(request, principal), {
              action: 'auth.logout',
              subjectType: 'user',
              subjectId: principal.userId,
            });
        });
      clearSessionCookie(reply);
      return sessionBody(null, config.DEMO_MODE);
    },
  );

  r.post(
    '/api/auth/logout-all',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: ends every session of the user',
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const ended = await inTransaction(db, async (tx) => {
        const n = await revokeAllSessions(tx, principal.userId);
        await recordAudit(tx, actorOf(request, principal), {
          action: 'auth.logout_all',
          subjectType: 'user',
          subjectId: principal.userId,
          summary: { sessions: n },
        });
        return n;
      });
      clearSessionCookie(reply);
      return { ended };
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Start enabling two-factor sign-in: returns a new secret to add to an authenticator app',
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (principal.kind !== 'staff')
        throw new HttpProblem(403, 'staff-only', 'Two-factor sign-in is for staff accounts.');
      if (principal.totpEnabled)
        throw new HttpProblem(409, 'totp-enabled', 'Two-factor sign-in is already on.');
      const secret = newTotpSecret();
      await inTransaction(db, async (tx) => {
        const before = await tx
          .selectFrom('app_user')
          .select('totp_secret')
          .where('id', '=', principal.userId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('app_user')
          .set({ totp_secret: secret })
          .where('id', '=', principal.userId)
          .execute();
        // Never the secret itself: whoever reads the log could make the codes.
        await recordAudit(tx, actorOf(request, principal), {
          action: 'auth.totp_setup',
          subjectType: 'user',
          subjectId: principal.userId,
          summary: { replaced: before.totp_secret !== null },
        });
      });
      return { secret, uri: totpUri(secret, principal.fullName, config.REGION_NAME_RU) };
    },
  );

  r.post(
    '/api/auth/totp/enable',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the first code and turn two-factor sign-in on',
        body: z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }),
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const user = await db
        .selectFrom('app_user')
        .select(['totp_secret', 'totp_enabled'])
        .where('id', '=', principal.userId)
        .executeTakeFirstOrThrow();
      if (user.totp_enabled) throw new HttpProblem(409, 'totp-enabled', 'Two-factor sign-in is already on.');
      if (!user.totp_secret)
        throw new HttpProblem(409, 'totp-not-set-up', 'Start with POST /api/auth/totp/setup.');
      const step = await totpStep(user.totp_secret, request.body.code);
      const wrongCode = new HttpProblem(422, 'totp-invalid', 'The code is wrong, expired or used already.', {
        errors: [
          {
            field: 'body.code',
            message: 'wrong, expired or used code',
            expected: 'the current 6-digit code',
          },
        ],
      });
      if (step === null) throw wrongCode;
      await inTransaction(db, async (tx) => {
        // The code that turns TOTP on is used up too: it cannot be replayed at sign-in.
        if (!(await consumeTotpStep(tx, principal.userId, step))) throw wrongCode;
        await tx
          .updateTable('app_user')
          .set({ totp_enabled: true })
          .where('id', '=', principal.userId)
          .execute();
        await recordAudit(tx, actorOf(request, principal), {
          action: 'auth.totp_enabled',
          subjectType: 'user',
          subjectId: principal.userId,
        });
      });
      return sessionBody({ ...principal, totpEnabled: true }, config.DEMO_MODE);
    },
  );
}

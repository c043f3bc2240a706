import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { esiaKidsOf, takeChildrenFromEsia } from '../families/esia-children.js';
import { HttpProblem } from '../http/problem.js';
import { RETURN_PATH_MAX_LENGTH, safeReturnPath } from '../../contracts/return-path.js';
import { CitizenOidcClient } from './oidc-client.js';
import {
  attemptCookieMatches,
  clearOidcAttemptCookie,
  OIDC_ATTEMPT_COOKIE,
  OIDC_ATTEMPT_TTL_SECONDS,
  setOidcAttemptCookie,
  setSessionCookie,
} from './session-cookie.js';
import { createSession } from './session-store.js';

const LOGIN_STATE_TTL_MS = OIDC_ATTEMPT_TTL_SECONDS * 1000;

export function oidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = new CitizenOidcClient(ctx.config);
  const { db, config } = ctx;

  r.get(
    '/api/auth/oidc/start',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_LOGIN_PER_MINUTE * 3, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Citizen sign-in through ЕСИА/Госуслуги (OpenID Connect): redirects to the provider',
        // Anything but a same-site path falls back to "/": the value comes from a link, not a form.
        querystring: z.object({ returnTo: z.string().max(RETURN_PATH_MAX_LENGTH).optional() }),
      },
    },
    async (request, reply) => {
      let started;
      try {
        started = await oidc.start();
      } catch (err) {
        request.log.error({ err }, 'OIDC discovery failed');
        throw new HttpProblem(
          503,
          'oidc-unavailable',
          'The identity provider (Госуслуги) does not answer; try again in a few minutes.',
        );
      }
      await db
        .insertInto('oidc_login')
        .values({
          state: started.state,
          nonce: started.nonce,
          code_verifier: started.codeVerifier,
          return_to: safeReturnPath(request.query.returnTo),
        })
        .execute();
      // Old, abandoned attempts are of no use to anyone.
      await db
        .deleteFrom('oidc_login')
        .where('created_at', '<', new Date(Date.now() - LOGIN_STATE_TTL_MS))
        .execute();
      setOidcAttemptCookie(reply, config, started.state);
      return reply.redirect(started.url, 302);
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_LOGIN_PER_MINUTE * 3, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Return from the OpenID provider: creates the citizen session',
        querystring: z.object({
          state: z.string().min(1).max(200),
          code: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
          iss: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      // A refused callback is a failed sign-in too (a stranger's link, an expired attempt); no user yet.
      const failed = (reason: string, summary: Record<string, unknown> = {}) =>
        recordAudit(
          db,
          { userId: null, role: null, requestId: request.id },
          { action: 'auth.login_oidc_failed', subjectType: 'user', summary: { reason, ...summary } },
        );
      // Checked before the attempt is looked up, so a refused browser does not use it up for the right one.
      // A person's browser is sent back to the sign-in page, which explains in their language;
      // a program gets the problem+json.
      const refuse = (problem: HttpProblem) => {
        if (!(request.headers.accept ?? '').includes('text/html')) throw problem;
        return reply.redirect(`/login?error=${problem.code}`, 302);
      };
      if (!attemptCookieMatches(request.cookies[OIDC_ATTEMPT_COOKIE], request.query.state)) {
        await failed('other-browser');
        return refuse(
          new HttpProblem(
            400,
            'oidc-browser',
            'This sign-in was started in another browser, or took longer than 10 minutes; nobody was signed in. Start again from the sign-in page.',
          ),
        );
      }
      clearOidcAttemptCookie(reply);
      const login = await db
        .deleteFrom('oidc_login')
        .where('state', '=', request.query.state)
        .returningAll()
        .executeTakeFirst();
      if (!login || login.created_at.getTime() < Date.now() - LOGIN_STATE_TTL_MS) {
        await failed('unknown-attempt');
        return refuse(
          new HttpProblem(400, 'oidc-state', 'The sign-in attempt expired or is unknown; start again.'),
        );
      }
      if (request.query.error) {
        await failed('provider-error', { error: request.query.error });
        return reply.redirect('/login?error=oidc-provider', 302);
      }
      const callbackUrl = new URL(request.url, config.publicUrl);
      let identity;
      try {
        identity = await oidc.finish(callbackUrl, {
          state: login.state,
          nonce: login.nonce,
          codeVerifier: login.code_verifier,
        });
      } catch (err) {
        request.log.warn({ err }, 'OIDC code exchange failed');
        await failed('exchange-failed');
        return refuse(
          new HttpProblem(400, 'oidc-exchange', 'Sign-in with the identity provider failed; start again.'),
        );
      }
      const session = await inTransaction(db, async (tx) => {
        const user = await tx
          .insertInto('app_user')
          .values({
            kind: 'citizen',
            oidc_subject: identity.sub,
            full_name: identity.fullName,
            email: identity.email,
            phone: identity.phone,
            identity_confirmed: identity.confirmed,
            registration_region: identity.registrationRegion,
          })
          .onConflict((oc) =>
            oc.column('oidc_subject').doUpdateSet({
              full_name: identity.fullName,
              email: identity.email,
              phone: identity.phone,
              identity_confirmed: identity.confirmed,
              registration_region: identity.registrationRegion,
            }),
          )
          .returning('id')
          .executeTakeFirstOrThrow();
        const hasRole = await tx
          .selectFrom('role_assignment')
          .select('id')
          .where('user_id', '=', user.id)
          .where('role', '=', 'citizen')
          .executeTakeFirst();
        if (!hasRole)
          await tx.insertInto('role_assignment').values({ user_id: user.id, role: 'citizen' }).execute();
        const actor = { userId: user.id, role: 'citizen', requestId: request.id };
        await recordAudit(tx, actor, { action: 'auth.login_oidc', subjectType: 'user', subjectId: user.id });
        // The children the provider vouches for join the family (a no-op when it sends none).
        await takeChildrenFromEsia(tx, actor, esiaKidsOf(identity.children));
        return createSession(tx, user.id, config.SESSION_TTL_HOURS, request.headers['user-agent']);
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      // Checked again: an attempt stored under an older, looser rule must not redirect off the site.
      return reply.redirect(safeReturnPath(login.return_to), 302);
    },
  );
}

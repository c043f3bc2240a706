import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  vkDemoCommunitiesSchema,
  vkDemoQuerySchema,
  vkLaunchRequestSchema,
  vkLaunchResponseSchema,
  vkLinkRequestSchema,
  vkLinkResponseSchema,
} from '../../../contracts/clubs.js';
import type { AppContext } from '../../../platform/app-context.js';
import { forbidden, notFound, unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { CLUBS_ACTIONS } from '../permissions.js';
import type { VkLaunchService } from './launch-service.js';
import { signedLaunchQuery } from './launch-signature.js';
import { demoCommunities } from './queries.js';

function citizen(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId || !request.principal) throw unauthorized();
  if (request.principal.kind !== 'citizen') throw forbidden('A VK account is linked to a citizen.');
  return { ...actor, userId: actor.userId };
}

/** The VK Mini App: the launch exchange and linking the VK account to the Госуслуги identity. */
export function vkRoutes(app: FastifyInstance, ctx: AppContext, vk: VkLaunchService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clubs (VK mini app)'];

  r.post(
    '/api/vk/launch',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Exchange verified VK launch parameters for a mini-app session',
        description:
          '`params` is the launch query string exactly as the mini app received it. 401 problem+json ' +
          'with `reason`: `signature` (bad or missing `sign`, another app), `stale` (`vk_ts` older than ' +
          'VK_LAUNCH_MAX_AGE_S or over 5 minutes ahead), `replayed` (this `sign` was already exchanged).',
        body: vkLaunchRequestSchema,
        response: { 200: vkLaunchResponseSchema },
      },
    },
    async (request) => vk.launch(request.body.params, request.id),
  );

  r.post(
    '/api/vk/link',
    {
      config: { permission: { action: CLUBS_ACTIONS.linkVk } },
      schema: {
        tags,
        summary: "Tie the launch's VK account to the signed-in citizen (after the Госуслуги sign-in)",
        body: vkLinkRequestSchema,
        response: { 200: vkLinkResponseSchema },
      },
    },
    async (request) => vk.link(citizen(request), request.body.token),
  );

  // The demo «VK launcher» plays VK's part: launch parameters signed by the demo app's secret, for
  // the communities that installed the app. Only in DEMO_MODE (the demo secret is public anyway).
  r.get(
    '/api/vk/demo/communities',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Demo only: communities with the clubs app and a freshly signed launch for each',
        querystring: vkDemoQuerySchema,
        response: { 200: vkDemoCommunitiesSchema },
      },
    },
    async (request, reply) => {
      if (!ctx.config.DEMO_MODE) throw notFound('Demo launcher');
      reply.header('cache-control', 'no-store');
      const ts = Math.floor(Date.now() / 1000);
      const rows = await demoCommunities(ctx.db, 30);
      return {
        items: rows.map((c, i) => ({
          groupId: Number(c.group_id),
          screenName: c.screen_name,
          organisationId: c.organisation_id,
          organisation: c.short_name,
          params: signedLaunchQuery(
            {
              vk_access_token_settings: '',
              vk_app_id: ctx.config.VK_APP_ID,
              vk_are_notifications_enabled: 0,
              vk_group_id: Number(c.group_id),
              vk_is_app_user: 1,
              vk_language: 'ru',
              vk_platform: 'mobile_web',
              vk_ref: `demo_launcher_${Date.now()}_${i}`,
              vk_ts: ts,
              vk_user_id: request.query.vkUserId,
              vk_viewer_group_role: 'none',
            },
            ctx.config.VK_APP_SECRET,
          ),
        })),
      };
    },
  );
}

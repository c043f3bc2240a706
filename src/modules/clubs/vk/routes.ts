import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  vkLaunchRequestSchema,
  vkLaunchResponseSchema,
  vkLinkRequestSchema,
  vkLinkResponseSchema,
} from '../../../contracts/clubs.js';
import type { AppContext } from '../../../platform/app-context.js';
import { forbidden, unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { CLUBS_ACTIONS } from '../permissions.js';
import type { VkLaunchService } from './launch-service.js';

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
}

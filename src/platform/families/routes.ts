import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationInputSchema,
  acceptInvitationResponseSchema,
  addChildInputSchema,
  familyChildSchema,
  familyResponseSchema,
  healthFactsInputSchema,
  healthFactsResponseSchema,
  invitationInputSchema,
  invitationResponseSchema,
} from '../../contracts/platform-families.js';
import type { AppContext } from '../app-context.js';
import { actorOf } from '../http/request-actor.js';
import { unauthorized } from '../http/problem.js';
import * as family from './family-service.js';
import * as health from './health-facts-service.js';
import * as invitations from './invitation-service.js';
import { childScope, FAMILY_ACTIONS } from './permissions.js';

const tags = ['families'];
const params = z.object({ childId: z.string().uuid() });

/** The citizen acting: the routes are the citizen's own, so a principal is always there. */
function citizen(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId) throw unauthorized();
  return { ...actor, userId: actor.userId };
}

/** «Моя семья»: a citizen's children, adding one by hand, the second parent, health facts. */
export function familyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const hooks = ctx.families;
  const scope = childScope(db);

  r.get(
    '/api/my/family',
    {
      config: { permission: { action: FAMILY_ACTIONS.read } },
      schema: {
        tags,
        summary: 'The children one represents: where each attends, the other representatives, health facts',
        response: { 200: familyResponseSchema },
      },
    },
    async (request) => ({ children: await family.familyOf(db, hooks, citizen(request).userId) }),
  );

  r.get(
    '/api/my/children/:childId',
    {
      config: { permission: { action: FAMILY_ACTIONS.read, scope } },
      schema: {
        tags,
        summary: 'One child of the family (404 for anyone else’s)',
        params,
        response: { 200: familyChildSchema },
      },
    },
    async (request) => family.childOf(db, hooks, citizen(request).userId, request.params.childId),
  );

  r.post(
    '/api/my/children',
    {
      config: { permission: { action: FAMILY_ACTIONS.manage } },
      schema: {
        tags,
        summary: 'Add a child by hand (birth certificate, dates and duplicates checked); audited',
        body: addChildInputSchema,
        response: { 201: familyChildSchema },
      },
    },
    async (request, reply) => {
      const me = citizen(request);
      const id = await family.addChild(db, me, request.body);
      return reply.code(201).send(await family.childOf(db, hooks, me.userId, id));
    },
  );

  r.post(
    '/api/my/children/:childId/invitations',
    {
      config: { permission: { action: FAMILY_ACTIONS.manage, scope } },
      schema: {
        tags,
        summary: 'Invite the second parent: a one-time code, shown once, valid 7 days; audited',
        params,
        body: invitationInputSchema,
        response: { 201: invitationResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await invitations.inviteRepresentative(
            db,
            citizen(request),
            request.params.childId,
            request.body.relation,
          ),
        ),
  );

  r.post(
    '/api/my/family/invitations/accept',
    {
      config: { permission: { action: FAMILY_ACTIONS.manage } },
      schema: {
        tags,
        summary: "Accept an invitation's code: become a legal representative of the child; audited",
        body: acceptInvitationInputSchema,
        response: { 200: acceptInvitationResponseSchema },
      },
    },
    async (request) => invitations.acceptInvitation(db, citizen(request), request.body.code),
  );

  r.put(
    '/api/my/children/:childId/health-facts',
    {
      config: { permission: { action: FAMILY_ACTIONS.manage, scope } },
      schema: {
        tags,
        summary: "Set the child's health facts (disability, ОВЗ, food allergies) with consent; audited",
        params,
        body: healthFactsInputSchema,
        response: { 200: healthFactsResponseSchema },
      },
    },
    async (request) => ({
      healthFacts: await health.replaceHealthFacts(
        db,
        citizen(request),
        request.params.childId,
        request.body,
      ),
    }),
  );
}

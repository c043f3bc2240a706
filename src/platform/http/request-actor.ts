import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit-log.js';
import { actionRule } from '../auth/permissions.js';
import type { Principal } from '../auth/roles.js';

/**
 * Who a request acts as, for the audit: the user and the role that let them call the route (the
 * first of their grants the route's action names), so a head who is also a citizen is recorded as
 * the head on a staff route.
 */
export function actorOf(request: FastifyRequest, principal: Principal | null = request.principal): Actor {
  const permission = request.routeOptions.config?.permission;
  const roles = typeof permission === 'object' ? actionRule(permission.action).roles : null;
  const grant = principal?.grants.find((g) => !roles || roles.includes(g.role)) ?? principal?.grants[0];
  return { userId: principal?.userId ?? null, role: grant?.role ?? null, requestId: request.id };
}

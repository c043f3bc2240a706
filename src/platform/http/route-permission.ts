import type { FastifyRequest, FastifySchema } from 'fastify';
import type { Principal, Scope } from '../auth/roles.js';

/**
 * Every route declares who may call it: `public`, any signed-in user, or an action checked
 * against the scope the route resolves from its parameters (after validation).
 */
export type RoutePermission =
  | 'public'
  | 'authenticated'
  | { action: string; scope?: (request: FastifyRequest) => Scope | Promise<Scope> };

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
  /** The route's schemas (zod), so generic tests can derive malformed input from them. */
  schema?: FastifySchema;
}

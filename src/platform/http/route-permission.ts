import type { FastifyRequest, FastifySchema } from 'fastify';
import type { Principal, Scope } from '../auth/roles.js';

/**
 * Every route declares who may call it: `public`, any signed-in user, or an action checked
 * against the scope the route resolves from its parameters (after validation).
 */
export type RoutePermission =
  | 'public'
  | 'authenticated'
  | {
      action: string;
      scope?: (request: FastifyRequest) => Scope | Promise<Scope>;
      /**
       * Costly work (an XLSX export, a placement run, a report): a per-user budget per minute on top
       * of the role check, so one account cannot tie up the server. The number is requests per minute.
       */
      expensive?: number | true;
      /**
       * The route hands out a file of a family's personal data: audited as `personal_data.export`
       * for every caller, the family included. Only on an action declared `personalData`.
       */
      personalData?: 'export';
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    /** The scope the route's permission resolved (its handler works within it), null before. */
    scope: Scope | null;
  }
  interface FastifyInstance {
    /** Set by `publicPlugin`: routes a third-party plugin registers inside are public. */
    routePermissionDefault?: RoutePermission;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
  /** The route's schemas (zod), so generic tests can derive malformed input from them. */
  schema?: FastifySchema;
}

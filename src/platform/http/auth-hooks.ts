import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginCallback,
  FastifyPluginOptions,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import { actionRule, can, hasRoleFor } from '../auth/permissions.js';
import { SESSION_COOKIE, loadPrincipal } from '../auth/session-store.js';
import { recordAudit } from '../audit/audit-log.js';
import { personalDataAccess } from '../audit/personal-data-access.js';
import type { Db } from '../db/database.js';
import { forbidden, HttpProblem, notFound, unauthorized } from './problem.js';
import type { RegisteredRoute, RoutePermission } from './route-permission.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthHookOptions {
  /** Per-user budget per minute of each route declared `expensive`. */
  expensivePerMinute: number;
}

/**
 * Sessions, CSRF and the central permission check, all decided by the matched route's declaration
 * (`config.permission`), never by the raw URL: any spelling of a path that reaches a route
 * (percent-encoded letters, say) meets the same checks as the plain one. Deny by default: a route
 * without a permission cannot be registered at all, whatever its path; routes a third-party plugin
 * adds get theirs from `publicPlugin`.
 *
 * Sign-in and role are checked before validation, so an anonymous caller gets 401 and a caller
 * without the role 403 whatever they sent. The scope (which kindergarten or municipality the request
 * touches) is resolved after validation, from typed params and body, before the handler runs; a
 * resource whose existence is itself personal answers 404 to whoever may not see it.
 *
 * Must be installed before the rate-limit plugin, so the per-user limit it sets on expensive
 * routes is in place when that plugin reads the route's config.
 */
export function installAuthHooks(
  app: FastifyInstance,
  db: Db,
  routes: RegisteredRoute[],
  options: AuthHookOptions,
): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('scope', null);

  app.addHook('onRoute', function declare(this: FastifyInstance, route: RouteOptions) {
    const permission = route.config?.permission ?? this.routePermissionDefault;
    const label = `${[route.method].flat().join(',')} ${route.url}`;
    if (!permission)
      throw new Error(
        `Route ${label} declares no permission: set config.permission to 'public', 'authenticated' or { action, scope }`,
      );
    if (typeof permission === 'object') {
      const rule = actionRule(permission.action); // an unknown action fails here too
      if (permission.personalData && !rule.personalData)
        throw new Error(`Route ${label}: personalData 'export' needs an action declared personalData`);
    }
    route.config = { ...route.config, permission };
    if (typeof permission === 'object' && permission.expensive) {
      if (route.config.rateLimit) throw new Error(`Route ${label}: expensive routes get the per-user limit`);
      route.config.rateLimit = {
        max: options.expensivePerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request) => `user:${request.principal?.userId ?? request.ip}`,
        allowList: () => false,
      };
    }
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, permission, schema: route.schema });
  });

  // A session travels in the cookie (the web app) or as `Authorization: Bearer` (the VK mini app,
  // whose frame has no first-party cookie). A bearer token is no ambient credential: no CSRF check.
  const bearerRequests = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (request) => {
    let token = request.cookies[SESSION_COOKIE];
    if (!token) {
      const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
      if (!match) return;
      token = match[1]!;
      bearerRequests.add(request);
    }
    request.sessionToken = token;
    request.principal = await loadPrincipal(db, token);
  });

  app.addHook('preValidation', async (request) => {
    const permission = declaredPermission(request);
    if (!permission) return;

    // Double-submit CSRF token for writes authenticated by the session cookie.
    if (request.principal && !SAFE_METHODS.has(request.method) && !bearerRequests.has(request)) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.principal.csrfToken) {
        throw new HttpProblem(
          403,
          'csrf',
          'Missing or wrong X-CSRF-Token header; reload the page and try again.',
        );
      }
    }
    checkRole(request, permission);
  });

  app.addHook('preHandler', async (request) => {
    const permission = declaredPermission(request);
    if (!permission || typeof permission === 'string') return;
    const scope = permission.scope ? await permission.scope(request) : {};
    request.scope = scope;
    if (!can(request.principal, permission.action, scope))
      throw scope.personal ? notFound(scope.personal) : forbidden();
  });

  // Who saw whose personal data: recorded before the answer leaves, so no read goes unaudited.
  app.addHook('onSend', async (request, reply, payload) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || typeof permission === 'string' || !request.scope) return payload;
    const access = personalDataAccess(
      actionRule(permission.action),
      request.principal,
      request.scope,
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        params: (request.params ?? {}) as Record<string, unknown>,
        query: (request.query ?? {}) as Record<string, unknown>,
        status: reply.statusCode,
        export: permission.personalData === 'export',
      },
      request.id,
    );
    if (access) await recordAudit(db, access.actor, access.entry);
    return payload;
  });
}

/** The matched route's permission; only the not-found handler has none (registration refuses the rest). */
function declaredPermission(request: FastifyRequest): RoutePermission | null {
  const permission = request.routeOptions.config?.permission;
  if (permission) return permission;
  if (request.is404) return null;
  throw forbidden();
}

function checkRole(request: FastifyRequest, permission: RoutePermission): void {
  if (permission === 'public') return;
  if (!request.principal) throw unauthorized();
  if (permission === 'authenticated') return;
  // Roles first, so a caller with no role for the action learns nothing about the resource.
  if (!hasRoleFor(request.principal, permission.action)) throw forbidden();
}

/**
 * Registers a third-party plugin (static files, the API docs page) whose routes are public by
 * nature: they get `permission: 'public'` at registration instead of being refused.
 */
export async function publicPlugin<O extends FastifyPluginOptions>(
  app: FastifyInstance,
  plugin: FastifyPluginCallback<O> | FastifyPluginAsync<O>,
  opts: O,
): Promise<void> {
  await app.register(async (scoped) => {
    scoped.decorate('routePermissionDefault', 'public');
    await scoped.register(plugin, opts);
  });
}

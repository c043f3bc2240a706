import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, hasRoleFor } from '../auth/permissions.js';
import { SESSION_COOKIE, loadPrincipal } from '../auth/session-store.js';
import type { Db } from '../db/database.js';
import { forbidden, HttpProblem, unauthorized } from './problem.js';
import type { RegisteredRoute, RoutePermission } from './route-permission.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose routes must declare a permission (the web app's static files need none). */
export const GUARDED_PREFIXES = ['/api/', '/open-data/'] as const;
const isGuarded = (url: string) => GUARDED_PREFIXES.some((p) => url.startsWith(p));

/**
 * Sessions, CSRF and the central permission check. A route under /api or /open-data without a
 * declared permission cannot be registered at all.
 *
 * Sign-in and role are checked before validation, so an anonymous caller gets 401 and a caller
 * without the role 403 whatever they sent. The scope (which kindergarten or municipality the request
 * touches) is resolved after validation, from typed params and body, before the handler runs.
 */
export function installAuthHooks(app: FastifyInstance, db: Db, routes: RegisteredRoute[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!isGuarded(route.url)) return;
    // The API docs page (a plugin's routes) is public by nature.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, permission: 'public' };
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission, schema: route.schema });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.sessionToken = token;
    request.principal = await loadPrincipal(db, token);
  });

  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || !isGuarded(request.url)) return;

    // Double-submit CSRF token for writes authenticated by the session cookie.
    if (request.principal && !SAFE_METHODS.has(request.method)) {
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
    const permission = request.routeOptions.config?.permission;
    if (!permission || !isGuarded(request.url)) return;
    await checkScope(request, permission);
  });
}

function checkRole(request: FastifyRequest, permission: RoutePermission): void {
  if (permission === 'public') return;
  if (!request.principal) throw unauthorized();
  if (permission === 'authenticated') return;
  // Roles first, so a caller with no role for the action learns nothing about the resource.
  if (!hasRoleFor(request.principal, permission.action)) throw forbidden();
}

async function checkScope(request: FastifyRequest, permission: RoutePermission): Promise<void> {
  if (typeof permission === 'string') return;
  const scope = permission.scope ? await permission.scope(request) : {};
  if (!can(request.principal, permission.action, scope)) throw forbidden();
}

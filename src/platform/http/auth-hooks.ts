import type { FastifyInstance } from 'fastify';
import { can, hasRoleFor } from '../auth/permissions.js';
import { SESSION_COOKIE, loadPrincipal } from '../auth/session-store.js';
import type { Db } from '../db/database.js';
import { forbidden, HttpProblem, unauthorized } from './problem.js';
import type { RegisteredRoute } from './route-permission.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions, CSRF and the central permission check. A route under /api without a declared
 * permission cannot be registered at all.
 */
export function installAuthHooks(app: FastifyInstance, db: Db, routes: RegisteredRoute[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    // The API docs page (a plugin's routes) is public by nature.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, permission: 'public' };
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.sessionToken = token;
    request.principal = await loadPrincipal(db, token);
  });

  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || !request.url.startsWith('/api/')) return;

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

    if (permission === 'public') return;
    if (!request.principal) throw unauthorized();
    if (permission === 'authenticated') return;
    // Roles first, so a caller with no role for the action learns nothing about the resource.
    if (!hasRoleFor(request.principal, permission.action)) throw forbidden();
    const scope = permission.scope ? await permission.scope(request) : {};
    if (!can(request.principal, permission.action, scope)) throw forbidden();
  });
}

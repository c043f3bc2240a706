import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app/build-app.js';
import { MODULES } from '../../app/modules.js';
import type { FixtureUser } from '../../app/testing/fixture-region.js';
import { plausibleRequest } from '../../app/testing/route-request.js';
import {
  createRouteResources,
  KNOWN_PARAMS,
  routeParamNames,
  type RouteParamValues,
} from '../../app/testing/route-resources.js';
import { startTestApp, type Client } from '../../app/testing/test-app.js';
import { actionRule } from '../auth/permissions.js';
import { ROLES, type Role } from '../auth/roles.js';
import { platformModule } from '../platform-module.js';
import type { RegisteredRoute } from './route-permission.js';

/**
 * The authorization matrix: every route the server registers (every module in MODULES, the API
 * docs, the demo identity provider, HEAD routes, static files) × anonymous, one user per role, and
 * the same roles over another scope (staff of municipality B, another citizen). Data-driven from
 * the routes' declared permissions, so a new module's route cannot escape it:
 * - a route without a permission, or naming an unknown action, cannot be registered;
 * - public routes answer everyone without 401/403/5xx; signed-in routes answer every role;
 * - anonymous callers get 401 on every other route; a role the action does not name gets 403;
 * - a stranger, sent a valid request that points at municipality A's resources through the path,
 *   the query or the body, gets 403, 404, or an answer that holds none of A's resources — never a
 *   validation error, which would mean the scope check was never reached;
 * - the rightful holder of a named role reaches the route.
 */
const t = await startTestApp({
  listen: true,
  config: {
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    RATE_LIMIT_LOOKUP_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
  },
});
afterAll(() => t.close());

/** The rightful user of each role: everything of municipality A, kindergarten A1, citizen1. */
const RIGHTFUL: Record<Role, FixtureUser> = {
  citizen: 'citizen1',
  kindergarten_head: 'headA1',
  municipal_officer: 'officerA',
  regional_admin: 'admin',
  auditor: 'auditor',
  sysadmin: 'sysadmin',
  organisation_head: 'schoolHeadA1',
  organisation_staff: 'schoolStaffA1',
  meals_officer: 'mealsA1',
  cook: 'cookA1',
  club_teacher: 'teacherA1',
  club_coordinator: 'coordinatorA',
  cur_operator: 'curOperator',
  contest_organiser: 'organiser',
  contest_expert: 'expert',
};
/** Holders of the same role over another scope. */
const STRANGER: Partial<Record<Role, FixtureUser>> = {
  citizen: 'citizen2',
  kindergarten_head: 'headB1',
  municipal_officer: 'officerB',
  organisation_head: 'schoolHeadB1',
  club_coordinator: 'coordinatorB',
};

const routes = t.routes;

/** Reads change nothing (logout and logout-all are POSTs): they share sessions and resources. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const readers = new Map<FixtureUser, Promise<Client>>();
let readResources: Promise<RouteParamValues> | null = null;

// A fresh session per writing request: a route like logout-all ends the caller's sessions.
async function call(who: FixtureUser | null, request: InjectOptions): Promise<LightMyRequestResponse> {
  if (!who) return t.anonymous.request(request);
  if (!SAFE_METHODS.has(String(request.method))) {
    // The write may end every session of the caller (logout-all): the next read signs in anew.
    readers.delete(who);
    return (await t.asFixture(who)).request(request);
  }
  if (!readers.has(who)) readers.set(who, t.asFixture(who));
  return (await readers.get(who)!).request(request);
}

const problemType = (res: LightMyRequestResponse) =>
  res.body ? String(res.json<{ type?: string }>().type) : '';
/** 403 by the permission check (a HEAD answer has no body to say so). */
const isForbidden = (res: LightMyRequestResponse, method: string) =>
  res.statusCode === 403 && (method === 'HEAD' || problemType(res).endsWith('/forbidden'));
const isNotFound = (res: LightMyRequestResponse, method: string) =>
  res.statusCode === 404 && (method === 'HEAD' || problemType(res).endsWith('/not-found'));
const isValidationError = (res: LightMyRequestResponse) => [400, 415].includes(res.statusCode);
const show = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 300)}`;

/** Municipality A's resources found in an answer to someone who must not see them. */
function leaked(res: LightMyRequestResponse, ids: RouteParamValues): string[] {
  const body = res.body;
  const found = ['applicationId', 'number', 'waveId', 'directionId', 'fileId'].filter(
    (key) => ids[key] && body.includes(ids[key]!),
  );
  if (body.includes('Солнышко') || body.includes('"KA1"')) found.push('kindergarten A1');
  if (new RegExp(`"municipalityId":${ids.municipalityId}[,}]`).test(body)) found.push('municipality A');
  return found;
}

describe('authorization matrix', () => {
  it('covers the platform, every module in MODULES, the docs, the demo provider and HEAD routes', () => {
    expect(MODULES.map((m) => m.name)).toContain('platform');
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['GET /api/docs', 'GET /oidc/*', 'HEAD /api/health', 'GET /api/kindergartens']),
    );
  });

  const careless = (register: (app: FastifyInstance) => void) =>
    buildApp(t.config, t.handle, {
      mailer: t.ctx.mailer,
      modules: [platformModule, { name: 'careless', routes: register }],
      logger: false,
    });

  it('refuses to start with a route that declares no permission, whatever its path', async () => {
    await expect(careless((app) => app.get('/api/careless', async () => ({})))).rejects.toThrow(
      /declares no permission/,
    );
    await expect(careless((app) => app.get('/careless', async () => ({})))).rejects.toThrow(
      /declares no permission/,
    );
  });

  it('refuses to start with a route naming an action nobody defined', async () => {
    await expect(
      careless((app) =>
        app.get('/api/careless', { config: { permission: { action: 'no.such.action' } } }, async () => ({})),
      ),
    ).rejects.toThrow(/Unknown action no\.such\.action/);
  });

  it('every non-public route parameter is one a module makes resources for', () => {
    const unknown: string[] = [];
    for (const route of routes) {
      // Public routes may name their parameters freely (e.g. an open-data file name).
      if (route.permission === 'public') continue;
      for (const name of routeParamNames(route.url))
        if (!KNOWN_PARAMS.includes(name)) unknown.push(`${route.method} ${route.url} :${name}`);
    }
    expect(unknown, `use one of ${KNOWN_PARAMS.join(', ')}`).toEqual([]);
  });

  for (const route of routes) describeRoute(route);
});

function describeRoute(route: RegisteredRoute): void {
  const { method, permission } = route;
  describe(`${method} ${route.url}`, () => {
    // Fresh resources for each writing route: what one route's rightful call changes (a photo
    // deleted, an application withdrawn) never decides another route's case. Reads share one set.
    let ids: RouteParamValues;
    let request: InjectOptions;
    beforeAll(async () => {
      if (SAFE_METHODS.has(method)) ids = await (readResources ??= createRouteResources(t.db, t.fixture));
      else ids = await createRouteResources(t.db, t.fixture);
      request = plausibleRequest(route, ids);
    });

    if (permission === 'public') {
      it('is public: anonymous callers and every role get an answer (not 401, 403 or 5xx)', async () => {
        for (const who of [null, ...ROLES.map((r) => RIGHTFUL[r])]) {
          const res = await call(who, request);
          expect(res.statusCode, `${who ?? 'anonymous'}: ${show(res)}`).not.toBe(401);
          expect(isForbidden(res, method), `${who ?? 'anonymous'}: ${show(res)}`).toBe(false);
          expect(res.statusCode, `${who ?? 'anonymous'}: ${show(res)}`).toBeLessThan(500);
        }
      });
      return;
    }

    it('anonymous → 401 problem+json', async () => {
      const res = await call(null, request);
      expect(res.statusCode, show(res)).toBe(401);
      if (method !== 'HEAD') expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    const allowed =
      permission === 'authenticated'
        ? [...ROLES]
        : ROLES.filter((r) => actionRule(permission.action).roles.includes(r));
    const refused = ROLES.filter((r) => !allowed.includes(r));

    if (refused.length && typeof permission === 'object')
      it(`roles without ${permission.action} → 403 (${refused.join(', ')})`, async () => {
        for (const role of refused) {
          const res = await call(RIGHTFUL[role], request);
          expect(isForbidden(res, method), `${role}: ${show(res)}`).toBe(true);
        }
      });

    const strangers = allowed.filter((r) => STRANGER[r]);
    if (strangers.length)
      it(`the same role over another scope is refused or sees nothing of A (${strangers.join(', ')})`, async () => {
        for (const role of strangers) {
          const who = STRANGER[role]!;
          const res = await call(who, request);
          const label = `${who}: ${show(res)}`;
          expect(
            isValidationError(res),
            `the request did not pass validation, so no scope was checked — ${label}`,
          ).toBe(false);
          expect(res.statusCode, label).toBeLessThan(500);
          // 403 from the check or from the handler (e.g. «two-factor sign-in is for staff»).
          if (res.statusCode === 403) continue;
          else if (res.statusCode === 404) expect(isNotFound(res, method), label).toBe(true);
          else expect(leaked(res, ids), label).toEqual([]);
        }
      });

    it(`the rightful holder reaches it (${allowed.join(', ')})`, async () => {
      const outcomes: string[] = [];
      for (const role of allowed) {
        const res = await call(RIGHTFUL[role], request);
        const label = `${role}: ${show(res)}`;
        expect(res.statusCode, label).not.toBe(401);
        expect(res.statusCode, label).toBeLessThan(500);
        // Signed-in routes let every role through; an action's roles pass its check.
        if (permission === 'authenticated') expect(isForbidden(res, method), label).toBe(false);
        outcomes.push(
          isForbidden(res, method) ? 'forbidden' : isValidationError(res) ? `invalid ${label}` : 'reached',
        );
      }
      expect(outcomes, 'no allowed role got past validation and the scope check').toContain('reached');
    });
  });
}

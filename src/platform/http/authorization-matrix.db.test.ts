import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app/build-app.js';
import { MODULES } from '../../app/modules.js';
import {
  createRouteResources,
  fillRoute,
  KNOWN_PARAMS,
  routeParamNames,
  SCOPED_PARAMS,
} from '../../app/testing/route-resources.js';
import { jsonSchemaOf, plausibleObject } from '../../app/testing/plausible-input.js';
import { startTestApp, type Client } from '../../app/testing/test-app.js';
import type { FixtureUser } from '../../app/testing/fixture-region.js';
import { actionRule } from '../auth/permissions.js';
import { ROLES, type Role } from '../auth/roles.js';
import { platformModule } from '../platform-module.js';

/**
 * The authorization matrix: every registered route (of every module in MODULES, so routes added
 * later are covered without touching this file) × anonymous, one user per role, and staff of another
 * municipality. Data-driven from the routes' declared permissions:
 * - a route without a permission cannot be registered;
 * - anonymous callers get 401 on every non-public route;
 * - a role the action does not name gets 403, whatever the request carries;
 * - staff of municipality B (and another citizen) get 403/404 on municipality A's resources;
 * - at least one of the named roles reaches the route.
 */
const t = await startTestApp({
  listen: true,
  config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000000' },
});
afterAll(() => t.close());
const params = await createRouteResources(t.db, t.fixture);

/** The rightful user of each role: everything of municipality A, kindergarten A1, citizen1. */
const RIGHTFUL: Record<Role, FixtureUser> = {
  citizen: 'citizen1',
  kindergarten_head: 'headA1',
  municipal_officer: 'officerA',
  regional_admin: 'admin',
  auditor: 'auditor',
  sysadmin: 'sysadmin',
};
/** Holders of the same role over another scope. */
const STRANGER: Partial<Record<Role, FixtureUser>> = {
  citizen: 'citizen2',
  kindergarten_head: 'headB1',
  municipal_officer: 'officerB',
};

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const routes = t.routes.filter((r) => !r.url.startsWith('/api/docs'));

// A fresh session per request: a route like logout-all ends the caller's sessions.
async function call(
  who: FixtureUser | null,
  method: string,
  url: string,
  payload: object = {},
): Promise<LightMyRequestResponse> {
  const client: Client = who ? await t.asFixture(who) : t.anonymous;
  return client.request({
    method: method as never,
    url,
    ...(WITH_BODY.has(method) ? { payload } : {}),
  });
}

/** A request that passes validation where possible, so the scope check (not validation) answers. */
function plausibleRequest(route: (typeof routes)[number]): { url: string; payload: object } {
  const query = plausibleObject(jsonSchemaOf(route.schema?.querystring), params);
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const url = fillRoute(route.url, params);
  return {
    url: qs ? `${url}?${qs}` : url,
    payload: plausibleObject(jsonSchemaOf(route.schema?.body), params),
  };
}

const isForbidden = (res: LightMyRequestResponse) =>
  res.statusCode === 403 && String(res.json<{ type?: string }>().type).endsWith('/forbidden');
const show = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 200)}`;

describe('authorization matrix', () => {
  it('covers the platform and every module in MODULES', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(MODULES.map((m) => m.name)).toContain('platform');
  });

  it('refuses to start with a route that declares no permission', async () => {
    const careless = {
      name: 'careless',
      routes: (app: FastifyInstance) => {
        app.get('/api/careless', async () => ({ ok: true }));
      },
    };
    await expect(
      buildApp(t.config, t.handle, {
        mailer: t.ctx.mailer,
        modules: [platformModule, careless],
        logger: false,
      }),
    ).rejects.toThrow(/declares no permission/);
  });

  it('every action a route names is defined, and every non-public route parameter has a fixed name', () => {
    const unknown: string[] = [];
    for (const route of routes) {
      if (typeof route.permission === 'object')
        expect(() => actionRule((route.permission as { action: string }).action)).not.toThrow();
      // Public routes may name their parameters freely (e.g. an open-data file name).
      if (route.permission === 'public') continue;
      for (const name of routeParamNames(route.url))
        if (!(KNOWN_PARAMS as readonly string[]).includes(name))
          unknown.push(`${route.method} ${route.url} :${name}`);
    }
    expect(unknown, `use one of ${KNOWN_PARAMS.join(', ')}`).toEqual([]);
  });

  for (const route of routes) {
    const url = fillRoute(route.url, params);
    const label = `${route.method} ${route.url}`;
    const permission = route.permission;

    describe(label, () => {
      if (permission === 'public') {
        it('is public: anonymous callers are not turned away', async () => {
          const res = await call(null, route.method, url);
          expect(res.statusCode, show(res)).not.toBe(401);
          expect(isForbidden(res), show(res)).toBe(false);
        });
        return;
      }

      it('anonymous → 401 problem+json', async () => {
        const res = await call(null, route.method, url);
        expect(res.statusCode, show(res)).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      });

      if (permission === 'authenticated') {
        it('any signed-in role passes the check', async () => {
          for (const role of ROLES) {
            const res = await call(RIGHTFUL[role], route.method, url);
            expect(res.statusCode, `${role}: ${show(res)}`).not.toBe(401);
          }
        });
        return;
      }

      const rule = actionRule(permission.action);
      const allowed = ROLES.filter((r) => rule.roles.includes(r));
      const refused = ROLES.filter((r) => !rule.roles.includes(r));

      if (refused.length)
        it(`roles without ${permission.action} → 403 (${refused.join(', ')})`, async () => {
          for (const role of refused) {
            const res = await call(RIGHTFUL[role], route.method, url);
            expect(isForbidden(res), `${role}: ${show(res)}`).toBe(true);
          }
        });

      it(`some role with ${permission.action} reaches it (${allowed.join(', ')})`, async () => {
        const outcomes: string[] = [];
        for (const role of allowed) {
          const res = await call(RIGHTFUL[role], route.method, url);
          expect(res.statusCode, `${role}: ${show(res)}`).not.toBe(401);
          outcomes.push(isForbidden(res) ? 'forbidden' : 'reached');
        }
        expect(outcomes).toContain('reached');
      });

      const scoped = routeParamNames(route.url).filter((n) =>
        (SCOPED_PARAMS as readonly string[]).includes(n),
      );
      const strangers = allowed.filter((r) => STRANGER[r]);
      const filled = scoped.length > 0 && scoped.every((n) => params[n as keyof typeof params]);
      if (filled && strangers.length)
        it(`another municipality's staff / another citizen → 403 or 404 (${strangers.join(', ')})`, async () => {
          const plausible = plausibleRequest(route);
          for (const role of strangers) {
            const res = await call(STRANGER[role]!, route.method, plausible.url, plausible.payload);
            // Validation (an empty body, a required query) may answer first: the scope check and the
            // handler never ran then, so nothing of the resource was revealed.
            const validation = res.statusCode === 400 || res.statusCode === 415 || res.statusCode === 422;
            expect(validation || [403, 404].includes(res.statusCode), `${STRANGER[role]}: ${show(res)}`).toBe(
              true,
            );
            if (res.statusCode === 404) expect(res.json<{ type: string }>().type).toMatch(/not-found$/);
          }
        });
    });
  }
});

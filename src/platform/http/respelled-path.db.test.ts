import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { respellings } from '../../app/testing/respell-path.js';
import { createRouteResources, fillRoute } from '../../app/testing/route-resources.js';
import { startTestApp, type Client } from '../../app/testing/test-app.js';
import { ROUTER_OPTIONS } from './app.js';

/**
 * Every registered route, asked anonymously and as a citizen (whose writes carry no CSRF token)
 * under every spelling of its path that the router maps to the same route: the answer is the
 * plain path's. Which spellings reach which route is learnt from a router built with the app's
 * routes and router options, so the test also proves the reported attack (`/%61pi/…`) does reach
 * the route — and is then refused exactly as the plain path is.
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
const params = await createRouteResources(t.db, t.fixture);

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'QUERY']);

const mirror = Fastify({ routerOptions: ROUTER_OPTIONS });
const hasGet = new Set(t.routes.filter((r) => r.method === 'GET').map((r) => r.url));
for (const route of t.routes) {
  // Fastify adds HEAD for each GET, as in the app; a lone HEAD (a plugin's) is asked as a GET.
  if (route.method === 'HEAD' && hasGet.has(route.url)) continue;
  mirror.route({
    method: (route.method === 'HEAD' ? 'GET' : route.method) as never,
    url: route.url,
    handler: async (request) => ({ route: request.routeOptions.url, params: request.params }),
  });
}
afterAll(() => mirror.close());

/**
 * The route a URL reaches in the app's router and the parameters it reads from it, if any. A
 * spelling that changes a parameter's value (`/1;x=1`) is another request, not a re-spelling.
 */
async function reached(method: string, path: string): Promise<string | null> {
  const res = await mirror.inject({
    method: (method === 'HEAD' ? 'GET' : method) as never,
    url: path,
    ...(WITH_BODY.has(method) ? { payload: {} } : {}),
  });
  if (res.statusCode !== 200) return null;
  const { route, params } = res.json<{ route: string; params: Record<string, string> }>();
  return `${route} ${JSON.stringify(params)}`;
}

// Echoes of the request itself, and what every fresh session or moment makes anew.
const VOLATILE_KEYS = new Set(['requestId', 'instance', 'csrfToken']);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !VOLATILE_KEYS.has(k))
        .map(([k, v]) => [k, stable(v)]),
    );
  // "Now" (an export's time stamp) moves between the two calls.
  if (typeof value === 'string' && ISO_TIME.test(value) && Math.abs(Date.parse(value) - Date.now()) < 120_000)
    return '<now>';
  return value;
}

/** What must not differ between two spellings: status, media type, and the body minus request echoes. */
function answerOf(res: LightMyRequestResponse) {
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  let body: unknown = res.body.length > 4000 ? `${res.body.length} bytes` : res.body;
  if (/json/.test(type ?? '') && res.body) body = stable(JSON.parse(res.body));
  // A miss echoes the path as sent; redirects carry fresh sign-in states.
  if (res.statusCode === 404 || (res.statusCode >= 300 && res.statusCode < 400)) body = null;
  return { status: res.statusCode, type, body };
}

async function ask(who: 'anonymous' | 'citizen', method: string, url: string) {
  // A fresh session each time (a route may end it), and no CSRF token: writes must meet the check.
  let client: Client = t.anonymous;
  if (who === 'citizen') {
    const signedIn = await t.asFixture('citizen1');
    client = {
      ...signedIn,
      request: (o) => signedIn.request({ ...o, headers: { ...o.headers, 'x-csrf-token': '' } }),
    };
  }
  const res = await client.request({
    method: method as never,
    url,
    ...(WITH_BODY.has(method) ? { payload: {} } : {}),
  });
  return answerOf(res);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('re-spelled paths meet the same checks as the plain path', () => {
  it('the router does accept percent-encoded letters (the reported attack)', async () => {
    expect(await reached('GET', '/%61pi/audit/events')).toBe('/api/audit/events {}');
    expect(await reached('PATCH', '/%61pi/staff/kindergartens/3')).toBe(
      '/api/staff/kindergartens/:kindergartenId {"kindergartenId":"3"}',
    );
  });

  // A wildcard gets a path that exists below it.
  const WILDCARD: Record<string, string> = {
    '/oidc/*': '.well-known/openid-configuration',
    '/api/docs/static/*': 'swagger-ui.css',
  };
  const urlOf = (pattern: string) => fillRoute(pattern, params).replace('*', WILDCARD[pattern] ?? 'x');

  for (const route of t.routes) {
    it(`${route.method} ${route.url}`, async () => {
      const plain = urlOf(route.url);
      const target = await reached(route.method, plain);
      expect(target, `the plain path ${plain} reaches its own route`).toMatch(
        new RegExp(`^${escape(route.url)} `),
      );
      const checked: string[] = [];
      const differences: string[] = [];
      for (const variant of respellings(plain)) {
        if ((await reached(route.method, variant.path)) !== target) continue;
        checked.push(variant.how);
        for (const who of ['anonymous', 'citizen'] as const) {
          const expected = await ask(who, route.method, plain);
          const actual = await ask(who, route.method, variant.path);
          // @fastify/static (the API docs' assets) finds files by the raw path, so it refuses an
          // encoded prefix: a stricter answer on a public route, never a looser one.
          const refusedPublicFile =
            route.permission === 'public' && actual.status === 404 && expected.status < 400;
          try {
            if (!refusedPublicFile) expect(actual).toEqual(expected);
          } catch {
            differences.push(
              `${who} ${variant.how} ${variant.path}: ${actual.status} where the plain path gave ${expected.status}`,
            );
          }
        }
      }
      expect(differences).toEqual([]);
      // Each path has at least one letter, so at least one encoded spelling reaches the route.
      expect(
        checked.length,
        'no re-spelling reached the route: the test would prove nothing',
      ).toBeGreaterThan(0);
    });
  }
});

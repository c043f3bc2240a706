import fs from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { FixtureUser } from '../../app/testing/fixture-region.js';
import { jsonSchemaOf, plausibleObject, propertyNames } from '../../app/testing/plausible-input.js';
import { multipartBody, WITH_BODY } from '../../app/testing/route-request.js';
import { createRouteResources, fillRoute, routeParamNames } from '../../app/testing/route-resources.js';
import { pngImage } from '../../app/testing/test-images.js';
import { startTestApp } from '../../app/testing/test-app.js';
import { actionRule } from '../auth/permissions.js';
import { DEMO_OIDC_PATH } from '../auth/oidc-demo-provider.js';
import type { Role } from '../auth/roles.js';
import type { RegisteredRoute } from './route-permission.js';

/**
 * Bad input on every registered route (all modules) from a caller allowed to call it: garbage JSON,
 * wrong types, missing fields, huge and NUL-carrying strings, non-numeric ids, unknown and repeated
 * query parameters. The answer is never a 5xx, and every 4xx is problem+json that says what is wrong.
 */
// MALFORMED_TRACE=<file> records every attempt, and the server's log lines (with stack traces of any
// 5xx) in <file>.log, to find what broke.
const trace = process.env.MALFORMED_TRACE;
const t = await startTestApp({
  listen: true,
  logStream: trace ? fs.createWriteStream(`${trace}.log`) : undefined,
  config: {
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    RATE_LIMIT_LOOKUP_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
  },
});
afterAll(() => t.close());
const ids = await createRouteResources(t.db, t.fixture);

// Region-wide roles first: their scope covers every fixture resource.
const CALLER_BY_ROLE: [Role, FixtureUser][] = [
  ['regional_admin', 'admin'],
  ['municipal_officer', 'officerA'],
  ['citizen', 'citizen1'],
  ['kindergarten_head', 'headA1'],
  ['sysadmin', 'sysadmin'],
  ['auditor', 'auditor'],
  ['contest_organiser', 'organiser'],
  ['contest_expert', 'expert'],
  // Club enrolments are decided by the organisation's club staff or the municipality's coordinator.
  ['club_coordinator', 'coordinatorA'],
];

const HUGE = 'Я'.repeat(200_000);
const WRONG_VALUES: unknown[] = [
  12345,
  'text',
  null,
  { nested: [1] },
  [1, 2],
  HUGE,
  'a\u0000b',
  -1,
  1e308,
  '2026-13-45',
];
const BAD_PARAMS = [
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  'x'.repeat(3000),
  "1' or '1'='1",
  'a\u0000b',
  '00000000-0000-4000-8000-000000000000',
];
const BAD_QUERY = ['abc', '-1', '99999999999999999999', 'x'.repeat(5000), 'a\u0000b', '2026-13-45'];

const multipart = (fields: Record<string, string>, type: string, bytes: Buffer, name = 'file.bin') => {
  const form = multipartBody({ fields, file: { field: 'file', name, type, bytes } });
  return { payload: form.payload, headers: { 'content-type': form.contentType } };
};
/** A PNG header claiming 65535 × 65535 pixels (a decompression bomb's calling card). */
function hugePngHeader(): Buffer {
  const png = Buffer.from(pngImage(1, 1));
  png.writeUInt32BE(65535, 16);
  png.writeUInt32BE(65535, 20);
  return png;
}
// Sent to every route that takes a body: those reading multipart must refuse each clearly, the
// others must refuse the media type.
const MULTIPART_BODIES: [string, { payload: Buffer | string; headers: Record<string, string> }][] = [
  ['no boundary', { payload: 'x', headers: { 'content-type': 'multipart/form-data' } }],
  [
    'broken boundary',
    { payload: '--zz\r\nnot a part', headers: { 'content-type': 'multipart/form-data; boundary=zz' } },
  ],
  [
    'fields only, no file',
    (() => {
      const b = '----f';
      return {
        payload: `--${b}\r\nContent-Disposition: form-data; name="altRu"\r\n\r\nфото\r\n--${b}--\r\n`,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      };
    })(),
  ],
  [
    'garbage claiming to be a PNG',
    multipart({ altRu: 'фото' }, 'image/png', Buffer.from('not an image at all')),
  ],
  ['a 65535×65535 PNG header', multipart({ altRu: 'фото' }, 'image/png', hugePngHeader(), 'bomb.png')],
  ['an executable', multipart({ altRu: 'фото' }, 'application/pdf', Buffer.from('MZ\x90\x00\x03'), 'x.pdf')],
  ['an empty file', multipart({ altRu: 'фото' }, 'image/png', Buffer.alloc(0), 'empty.png')],
  [
    'a 1,000-character file name',
    multipart({ altRu: 'фото' }, 'image/png', pngImage(2, 2), `${'я'.repeat(1000)}.png`),
  ],
  [
    'a field of 100,000 characters',
    multipart({ altRu: HUGE.slice(0, 100_000) }, 'image/png', pngImage(2, 2)),
  ],
];

interface Attempt {
  what: string;
  request: InjectOptions;
  /** Must be refused (4xx), not merely survive. */
  mustRefuse?: boolean;
}

// Every route the server registers: the API docs, the demo identity provider and HEAD routes too.
const routes = t.routes;

function callerFor(permission: (typeof routes)[number]['permission']): FixtureUser | null {
  if (permission === 'public') return null;
  if (permission === 'authenticated') return 'citizen1';
  const roles = actionRule(permission.action).roles;
  return CALLER_BY_ROLE.find(([role]) => roles.includes(role))![1];
}

function attemptsFor(route: (typeof routes)[number]): Attempt[] {
  const url = fillRoute(route.url, ids);
  const method = route.method as InjectOptions['method'];
  const schema = route.schema ?? {};
  const out: Attempt[] = [];

  for (const name of routeParamNames(route.url))
    for (const bad of BAD_PARAMS) {
      const badUrl = fillRoute(route.url.replace(`:${name}`, encodeURIComponent(bad)), ids);
      out.push({
        what: `param ${name}=${bad.slice(0, 20)}`,
        request: { method, url: badUrl, ...bodyOf({}) },
      });
    }

  const query = jsonSchemaOf(schema.querystring);
  const baseQuery = plausibleObject(query, ids);
  const qs = (extra: Record<string, string | string[]>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...baseQuery, ...extra }))
      for (const one of [v].flat()) p.append(k, String(one));
    return `${url}?${p.toString()}`;
  };
  out.push({
    what: 'unknown query parameter',
    request: { method, url: qs({ zzUnknown: '1' }), ...bodyOf({}) },
  });
  for (const field of propertyNames(query)) {
    for (const bad of BAD_QUERY)
      out.push({
        what: `query ${field}=${bad.slice(0, 20)}`,
        request: { method, url: qs({ [field]: bad }) },
      });
    out.push({ what: `query ${field} repeated`, request: { method, url: qs({ [field]: ['1', '2'] }) } });
  }

  if (WITH_BODY.has(route.method)) {
    const json = { 'content-type': 'application/json' };
    const hasBody = !!schema.body;
    out.push({
      what: 'garbage JSON',
      request: { method, url, headers: json, payload: '{"a": ' },
      mustRefuse: true,
    });
    for (const top of ['[]', '"text"', '123', 'null'])
      out.push({
        what: `body ${top}`,
        request: { method, url, headers: json, payload: top },
        mustRefuse: hasBody,
      });
    out.push({ what: 'body {}', request: { method, url, payload: {} } });
    out.push({
      what: 'text/plain body',
      request: { method, url, headers: { 'content-type': 'text/plain' }, payload: 'hello' },
      mustRefuse: hasBody,
    });
    const body = jsonSchemaOf(schema.body);
    const base = plausibleObject(body, ids);
    out.push({
      what: 'plausible body + unknown field',
      request: { method, url, payload: { ...base, zzUnknown: HUGE } },
    });
    for (const field of propertyNames(body))
      for (const bad of WRONG_VALUES) {
        const shown = typeof bad === 'string' ? bad.slice(0, 12) : JSON.stringify(bad);
        out.push({
          what: `body ${field}=${shown}`,
          request: { method, url, payload: { ...base, [field]: bad } },
        });
      }
    for (const [what, form] of MULTIPART_BODIES)
      out.push({ what: `multipart: ${what}`, request: { method, url, ...form } });
  }
  return out;

  function bodyOf(payload: object): Partial<InjectOptions> {
    return WITH_BODY.has(route.method) ? { payload } : {};
  }
}

function judge(route: RegisteredRoute, attempt: Attempt, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (attempt.mustRefuse && res.statusCode < 400) return `accepted with ${res.statusCode}`;
  // The embedded demo identity provider answers in OAuth's own error format, as a real one would.
  if (route.url.startsWith(DEMO_OIDC_PATH)) return null;
  // Open311 GeoReport v2 answers errors in its own format: a list of { code, description } (the
  // router's own refusals, before any route matched, stay problem+json).
  const routerProblem = /application\/problem\+json/.test(String(res.headers['content-type']));
  if (route.url.startsWith('/open311/') && res.statusCode >= 400 && !routerProblem) {
    if (route.method === 'HEAD') return null;
    const body = (/json/.test(String(res.headers['content-type'])) ? res.json() : null) as
      { code?: unknown; description?: unknown }[] | null;
    if (!Array.isArray(body) || body[0]?.code !== res.statusCode || typeof body[0]?.description !== 'string')
      return `${res.statusCode} is not an Open311 error list`;
    return null;
  }
  if (res.statusCode >= 400) {
    if (!/application\/problem\+json/.test(String(res.headers['content-type'])))
      return `${res.statusCode} is not problem+json`;
    if (route.method === 'HEAD') return null; // the headers of the GET answer, no body
    const body = res.json<{ detail?: unknown; status?: unknown }>();
    if (typeof body.detail !== 'string' || body.detail.length < 5)
      return `${res.statusCode} without a message`;
    if (body.status !== res.statusCode) return `status field ${String(body.status)} ≠ ${res.statusCode}`;
  }
  return null;
}

describe('malformed input on every route', () => {
  for (const route of routes) {
    it(`${route.method} ${route.url}`, async () => {
      const who = callerFor(route.permission);
      const failures: string[] = [];
      for (const attempt of attemptsFor(route)) {
        // A fresh session each time: some routes end the caller's sessions.
        const client = who ? await t.asFixture(who) : t.anonymous;
        const started = Date.now();
        const res = await client.request(attempt.request);
        if (trace)
          fs.appendFileSync(
            trace,
            `${route.method} ${route.url} ${attempt.what} ${res.statusCode} ${Date.now() - started}ms\n`,
          );
        const problem = judge(route, attempt, res);
        if (problem) failures.push(`${attempt.what}: ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

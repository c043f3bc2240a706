import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../app/testing/plausible-input.js';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { actionRule } from '../auth/permissions.js';

/**
 * No route that answers with a person's data can skip the read audit by naming an action not
 * declared `personalData`: checked over every route the server registers, every module's included.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ fixture: false });
}, 60_000);
afterAll(async () => t?.close());

/** Property names that are a person's data wherever a response carries them. */
const PERSONAL_KEYS = new Set([
  'childName',
  'firstName',
  'lastName',
  'patronymic',
  'birthDate',
  'birthCertificate',
  'applicantName',
  'snils',
]);

function keysOf(schema: unknown, out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === 'object')
    for (const [k, v] of Object.entries(s.properties)) {
      out.add(k);
      keysOf(v, out);
    }
  for (const key of ['items', 'additionalProperties']) keysOf(s[key], out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const v of (s[key] as unknown[]) ?? []) keysOf(v, out);
  return out;
}

describe('by construction', () => {
  it('every staff route whose answer holds personal fields names an action declared personalData', () => {
    const unflagged: string[] = [];
    for (const route of t.routes) {
      // Writes are audited as the change they make; HEAD answers carry no body.
      if (typeof route.permission !== 'object' || route.method !== 'GET') continue;
      const rule = actionRule(route.permission.action);
      // Citizen-only actions answer with the caller's own data.
      if (rule.personalData || rule.roles.every((r) => r === 'citizen')) continue;
      const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
      const personal = Object.values(responses).flatMap((r) =>
        [...keysOf(jsonSchemaOf(r))].filter((k) => PERSONAL_KEYS.has(k)),
      );
      if (personal.length > 0)
        unflagged.push(`${route.method} ${route.url} (${[...new Set(personal)].join(', ')})`);
    }
    expect(unflagged).toEqual([]);
  });
});

describe('the audit log page', () => {
  it("names staff actors, keeps citizens' names out", async () => {
    const withFixture = await startTestApp();
    try {
      const officer = await withFixture.asFixture('officerA');
      await officer.get(`/api/kindergarten/municipalities/${withFixture.fixture.municipalityA}/applications`);
      const citizen = await withFixture.asFixture('citizen1');
      await citizen.post('/api/auth/logout', {});
      const auditor = await withFixture.asFixture('auditor');
      const logout = (await auditor.get('/api/audit/events?action=auth.logout')).json();
      expect(logout.items[0]).toMatchObject({ actorId: withFixture.fixture.users.citizen1, actorName: null });
      const page = (await auditor.get('/api/audit/events?action=personal_data.read')).json();
      expect(page.items[0]).toMatchObject({
        actorId: withFixture.fixture.users.officerA,
        actorRole: 'municipal_officer',
        actorName: 'Test officerA',
      });
    } finally {
      await withFixture.close();
    }
  }, 60_000);
});

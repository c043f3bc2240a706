import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionRule } from '../auth/permissions.js';
import type { Principal, Role } from '../auth/roles.js';
import { personalDataAccess, type RouteCall } from './personal-data-access.js';

const rule: ActionRule = {
  roles: ['citizen', 'municipal_officer', 'auditor'],
  description: 'read an application',
  personalData: true,
};
const principal = (role: Role, municipalityId: number | null = 1): Principal =>
  ({
    userId: `u-${role}`,
    grants: [{ role, municipalityId, kindergartenId: null }],
    csrfToken: 'x',
  }) as unknown as Principal;
const call = (over: Partial<RouteCall> = {}): RouteCall => ({
  method: 'GET',
  route: '/api/kindergarten/applications/:applicationId',
  params: { applicationId: 'a1' },
  query: {},
  status: 200,
  export: false,
  ...over,
});
const scope = { municipalityId: 1, ownerUserId: 'u-citizen', personal: 'Application' };

describe('personalDataAccess', () => {
  it('records an officer reading an application, naming the route and the ids only', () => {
    const got = personalDataAccess(
      rule,
      principal('municipal_officer'),
      scope,
      call({ query: { q: 'Иванов' } }),
      'r1',
    );
    expect(got).toEqual({
      actor: { userId: 'u-municipal_officer', role: 'municipal_officer', requestId: 'r1' },
      entry: {
        action: 'personal_data.read',
        subjectType: 'application',
        subjectId: 'a1',
        municipalityId: 1,
        summary: {
          route: 'GET /api/kindergarten/applications/:applicationId',
          params: { applicationId: 'a1' },
          filters: ['q'],
          ownData: false,
        },
      },
    });
    expect(JSON.stringify(got)).not.toContain('Иванов');
  });

  it('leaves out the family reading its own data, but not its export', () => {
    expect(personalDataAccess(rule, principal('citizen', null), scope, call(), 'r')).toBeNull();
    const exported = personalDataAccess(rule, principal('citizen', null), scope, call({ export: true }), 'r');
    expect(exported?.entry.action).toBe('personal_data.export');
    expect(exported?.entry.summary?.ownData).toBe(true);
  });

  it('records nothing for actions without personal data, refusals, or anonymous callers', () => {
    expect(
      personalDataAccess({ ...rule, personalData: false }, principal('auditor'), scope, call(), 'r'),
    ).toBeNull();
    expect(personalDataAccess(rule, principal('auditor'), scope, call({ status: 404 }), 'r')).toBeNull();
    expect(personalDataAccess(rule, null, scope, call(), 'r')).toBeNull();
  });

  it('names a list by its scope parameter', () => {
    const got = personalDataAccess(
      rule,
      principal('municipal_officer'),
      { municipalityId: 1 },
      call({
        route: '/api/kindergarten/municipalities/:municipalityId/applications',
        params: { municipalityId: 1 },
      }),
      'r',
    );
    expect(got?.entry).toMatchObject({ subjectType: 'municipality', subjectId: '1' });
  });

  it('keeps of a query only its keys, whatever it holds', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (query) => {
        const got = personalDataAccess(rule, principal('auditor'), scope, call({ query }), 'r')!;
        expect(got.entry.summary).toEqual({
          route: 'GET /api/kindergarten/applications/:applicationId',
          params: { applicationId: 'a1' },
          filters: Object.keys(query).sort(),
          ownData: false,
        });
      }),
    );
  });
});

describe('personalDataAccess on other methods', () => {
  it('leaves writes and HEAD to the audit of the change', () => {
    for (const method of ['HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
      expect(personalDataAccess(rule, principal('auditor'), scope, call({ method }), 'r')).toBeNull();
  });
});

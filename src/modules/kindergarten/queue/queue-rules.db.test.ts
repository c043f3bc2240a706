import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';

let t: TestApp;
const rulesUrl = (id: number | string) => `/api/public/queue/municipalities/${id}/rules`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('public queue rules', () => {
  it('gives the regional defaults to anyone when the municipality configures nothing', async () => {
    const res = await t.anonymous.get(rulesUrl(t.fixture.municipalityA));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toEqual({
      municipalityId: t.fixture.municipalityA,
      maxPreferences: 5,
      ageRule: 'september_first',
      maxAgeYears: 7,
      classOrder: ['extraordinary', 'first', 'sibling', 'general'],
      keepRegistrationOnChoiceChange: true,
    });
  });

  it('tells a configured maximum of 3, and an application listing more is refused with that maximum', async () => {
    const mB = t.fixture.municipalityB;
    await t.db
      .updateTable('municipality')
      .set({
        config: JSON.stringify({
          maxPreferences: 3,
          ageRule: 'desired_date',
          keepRegistrationOnChoiceChange: false,
        }),
      })
      .where('id', '=', mB)
      .execute();
    const res = await t.anonymous.get(rulesUrl(mB));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      municipalityId: mB,
      maxPreferences: 3,
      ageRule: 'desired_date',
      keepRegistrationOnChoiceChange: false,
    });

    // The wizard trusts this number because the application check uses the same configuration.
    const citizen = await t.asFixture('citizen1');
    const submitted = await citizen.request({
      method: 'POST',
      url: '/api/kindergarten/applications',
      headers: { 'idempotency-key': 'rules-000001' },
      payload: {
        municipalityId: mB,
        child: {
          lastName: 'Правилова',
          firstName: 'Ольга',
          birthDate: '2021-03-01',
          birthCertificate: 'PR-ПП 400001',
        },
        applicant: { fullName: 'Правилова Анна Петровна' },
        address: 'г. Бета, ул. Садовая, 10',
        desiredDate: '2026-09-01',
        kindergartenIds: [t.fixture.kindergartenB1, 900_001, 900_002, 900_003],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(422);
    const tooMany = submitted
      .json<{ errors: { field: string; expected?: string }[] }>()
      .errors.find((e) => e.field === 'kindergartenIds' && e.expected);
    expect(tooMany?.expected).toBe('1–3 kindergartens');
  });

  it('answers 404 naming the field for an unknown municipality, 400 for a bad id', async () => {
    const missing = await t.anonymous.get(rulesUrl(999_999));
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.json()).toMatchObject({
      status: 404,
      errors: [{ field: 'municipalityId', message: 'no such municipality' }],
    });
    expect(missing.json().type).toMatch(/not-found$/);

    const bad = await t.anonymous.get(rulesUrl('abc'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/municipalityId/);
  });
});

import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal } from '../../../contracts/feedback.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { insertApiClient } from './open311-queries.js';
import { sha256 } from './open311-service.js';

/**
 * An Open311 GeoReport v2 client against the running API over HTTP: discovery, services, create
 * (token), the citizen's confirmation through the platform sign-in, token → request id, the request
 * by id and in the list, in JSON and XML, and the spec's errors.
 */
let t: TestApp;
let base: string;
const KEY = 'open311-test-key-0123456789';
const xml = new XMLParser({ parseTagValue: false });
beforeAll(async () => {
  t = await startTestApp({ listen: true });
  base = t.config.publicUrl;
  await insertApiClient(t.db, 'Тестовый клиент', sha256(KEY));
});
afterAll(() => t?.close());

const form = (fields: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]));
const create = (format: 'json' | 'xml', fields: Record<string, string | number>) =>
  fetch(`${base}/open311/v2/requests.${format}`, { method: 'POST', body: form(fields) });
const countRows = async (table: 'feedback_appeal' | 'feedback_open311_request') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Open311 GeoReport v2', () => {
  it('discovers its endpoint and lists the categories as services, in JSON and XML', async () => {
    const discovery = (await (await fetch(`${base}/open311/discovery.json`)).json()) as {
      endpoints: Record<string, unknown>[];
    };
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${base}/open311/v2`,
      formats: ['text/xml', 'application/json'],
    });
    const services = (await (await fetch(`${base}/open311/v2/services.json`)).json()) as {
      service_code: string;
      group: string;
    }[];
    expect(services.find((s) => s.service_code === 'education.kindergartens')).toMatchObject({
      service_name: 'Детские сады',
      metadata: false,
      type: 'batch',
    });
    const res = await fetch(`${base}/open311/v2/services.xml`);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(await res.text());
    expect(parsed.services.service).toHaveLength(services.length);
    const definition = await (await fetch(`${base}/open311/v2/services/education.kindergartens.json`)).json();
    expect(definition).toEqual({ service_code: 'education.kindergartens', attributes: [] });
  });

  it('creates a request as a token, which becomes the appeal number once the citizen confirms', async () => {
    const appealsBefore = await countRows('feedback_appeal');
    const res = await create('json', {
      api_key: KEY,
      service_code: 'education.kindergartens',
      address_id: t.fixture.kindergartenA1,
      description: 'В группе холодно третий день',
      email: 'parent@example.org',
      jurisdiction_id: 'demo',
    });
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as { token: string; service_notice: string }[];
    expect(created!.service_notice).toContain(`/feedback/confirm/${created!.token}`);
    expect(await countRows('feedback_appeal')).toBe(appealsBefore); // not an appeal before confirmation
    const waiting = await (await fetch(`${base}/open311/v2/tokens/${created!.token}.json`)).json();
    expect(waiting).toEqual([{ service_request_id: null, token: created!.token }]);

    const citizen = await t.asFixture('citizen1');
    const pending = await citizen.get(`/api/my/feedback/open311/${created!.token}`);
    expect(pending.json()).toMatchObject({ description: 'В группе холодно третий день', confirmed: false });
    const confirmed = await citizen.post(`/api/my/feedback/open311/${created!.token}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const appeal = confirmed.json<Appeal>();
    expect(appeal).toMatchObject({ kind: 'message', categoryCode: 'education.kindergartens' });
    expect((await citizen.post(`/api/my/feedback/open311/${created!.token}/confirm`, {})).statusCode).toBe(
      409,
    );

    const tokenXml = xml.parse(await (await fetch(`${base}/open311/v2/tokens/${created!.token}.xml`)).text());
    expect(tokenXml.service_requests.request).toEqual({
      service_request_id: appeal.number,
      token: created!.token,
    });
    const [one] = (await (await fetch(`${base}/open311/v2/requests/${appeal.number}.json`)).json()) as Record<
      string,
      unknown
    >[];
    expect(one).toMatchObject({
      service_request_id: appeal.number,
      status: 'open',
      service_code: 'education.kindergartens',
      address_id: t.fixture.kindergartenA1,
    });
    // Neither the author nor the text is published.
    expect(one!.description).toBeNull();
    expect(JSON.stringify(one)).not.toContain('холодно');
    const oneXml = xml.parse(await (await fetch(`${base}/open311/v2/requests/${appeal.number}.xml`)).text());
    expect(oneXml.service_requests.request.service_request_id).toBe(appeal.number);
    const open = (await (
      await fetch(`${base}/open311/v2/requests.json?status=open&service_code=education.kindergartens`)
    ).json()) as { service_request_id: string; status: string }[];
    expect(open.map((r) => r.service_request_id)).toContain(appeal.number);
    expect(open.every((r) => r.status === 'open')).toBe(true);
  });

  it('answers bad input in the spec’s error format, names the field, and stores nothing', async () => {
    const before = await countRows('feedback_open311_request');
    const noKey = await create('json', { service_code: 'education.kindergartens', lat: 58.6, long: 49.6 });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual([
      { code: 401, description: 'api_key: required; ask the region for a key' },
    ]);
    const badKey = await create('xml', { api_key: 'nope', service_code: 'x.y', lat: 58.6, long: 49.6 });
    expect(badKey.status).toBe(403);
    expect(xml.parse(await badKey.text()).errors.error).toEqual({
      code: '403',
      description: 'api_key: unknown or revoked',
    });
    const missing = await create('json', { api_key: KEY, service_code: 'no.such', lat: 58.6 });
    expect(missing.status).toBe(400);
    const descriptions = ((await missing.json()) as { description: string }[]).map((e) => e.description);
    expect(descriptions).toEqual([
      'service_code: there is no service «no.such»; see services.json',
      'description: required, what happened and where',
      'lat, long: give both or neither',
      'lat/long or address_id: required (address_id is an organisation id); address_string alone cannot be placed',
    ]);
    const badLat = await create('json', {
      api_key: KEY,
      service_code: 'roads.repair',
      lat: 'north',
      long: 49.6,
    });
    expect(badLat.status).toBe(400);
    expect(((await badLat.json()) as { description: string }[])[0]!.description).toMatch(/^lat: /);
    expect((await fetch(`${base}/open311/v2/requests/FB-2026-999999.json`)).status).toBe(404);
    expect((await fetch(`${base}/open311/v2/services/no.such.xml`)).status).toBe(404);
    expect((await fetch(`${base}/open311/v2/requests.json?start_date=yesterday`)).status).toBe(400);
    expect(await countRows('feedback_open311_request')).toBe(before);
  });
});

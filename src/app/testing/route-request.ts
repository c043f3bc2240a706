import type { InjectOptions } from 'fastify';
import type { RegisteredRoute } from '../../platform/http/route-permission.js';
import { jsonSchemaOf, plausibleObject, plausibleValue, propertyNames } from './plausible-input.js';
import {
  fillRoute,
  KNOWN_PARAMS,
  routeExample,
  type RouteExample,
  type RouteParamValues,
} from './route-resources.js';

/** Methods whose requests carry a body. */
export const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'QUERY']);

/**
 * A request to a route that passes validation, with every field named like a route parameter
 * (`municipalityId`, `applicationId`…) filled with the resource behind it, also where the field is
 * optional: so a stranger meets the scope check through path, query and body alike. A module's
 * example request (testing/route-resources.ts) wins over what the schema alone suggests.
 */
export function plausibleRequest(route: RegisteredRoute, ids: RouteParamValues): InjectOptions {
  const example = routeExample(route.method, route.url, ids);
  const query = example?.query ?? stringValues(scopedObject(route.schema?.querystring, ids));
  const qs = new URLSearchParams(query).toString();
  const url = fillRoute(route.url, ids);
  const request: InjectOptions = {
    method: route.method as InjectOptions['method'],
    url: qs ? `${url}?${qs}` : url,
    headers: example?.headers ?? {},
  };
  if (example?.multipart) {
    const form = multipartBody(example.multipart);
    request.payload = form.payload;
    request.headers = { ...request.headers, 'content-type': form.contentType };
  } else if (WITH_BODY.has(route.method)) {
    request.payload = (example?.body ?? scopedObject(route.schema?.body, ids)) as object;
  }
  return request;
}

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(form: NonNullable<RouteExample['multipart']>): {
  payload: Buffer;
  contentType: string;
} {
  const boundary = `----open-region-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(form.fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  const { field, name, type, bytes } = form.file;
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function scopedObject(schema: unknown, ids: RouteParamValues): Record<string, unknown> {
  const json = jsonSchemaOf(schema);
  const out = plausibleObject(json, ids);
  const props = json?.properties ?? {};
  for (const name of propertyNames(json))
    if (KNOWN_PARAMS.includes(name) && ids[name] !== undefined && out[name] === undefined)
      out[name] = plausibleValue(props[name], name, ids);
  return out;
}

function stringValues(o: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}

import { XMLBuilder } from 'fast-xml-parser';

/**
 * Open311 GeoReport v2 on the wire (https://wiki.open311.org/GeoReport_v2): every answer is a list or
 * an object in JSON, or the same fields as elements in XML, under the root and item names the spec
 * gives each endpoint. Pure: the routes pick the format from the path's extension.
 */
export type Open311Format = 'json' | 'xml';
export const OPEN311_FORMATS = ['json', 'xml'] as const;

export const CONTENT_TYPE: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

type Scalar = string | number | boolean | null;
export type Open311Value = Scalar | Open311Value[] | { [key: string]: Open311Value };

/** Root and item element names per answer, as the spec's XML examples spell them. */
export const XML_SHAPES = {
  services: { root: 'services', item: 'service' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;

const builder = new XMLBuilder({ format: false, ignoreAttributes: false, suppressEmptyNode: false });

/** Nulls are empty elements in XML; arrays of scalars repeat an element named for the list's item. */
function forXml(value: Open311Value, itemName: string): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return { [itemName]: value.map((v) => forXml(v, itemName)) };
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, forXml(v, k.endsWith('s') ? k.slice(0, -1) : k)]),
    );
  return value;
}

const declaration = '<?xml version="1.0" encoding="utf-8"?>';

/** A list answer (services, requests, tokens, errors). */
export function renderList(
  format: Open311Format,
  shape: keyof typeof XML_SHAPES,
  items: Record<string, Open311Value>[],
): string {
  if (format === 'json') return JSON.stringify(items);
  const { root, item } = XML_SHAPES[shape];
  return declaration + builder.build({ [root]: { [item]: items.map((i) => forXml(i, item)) } });
}

/** An object answer (discovery, service definition) under its root element. */
export function renderObject(
  format: Open311Format,
  root: string,
  value: Record<string, Open311Value>,
): string {
  if (format === 'json') return JSON.stringify(value);
  return declaration + builder.build({ [root]: forXml(value, root) });
}

/** The spec's error answer: a list of { code, description }, code being the HTTP status. */
export function renderErrors(format: Open311Format, status: number, descriptions: string[]): string {
  return renderList(
    format,
    'errors',
    descriptions.map((description) => ({ code: status, description })),
  );
}

/** `requests.json` → json; anything else is not an Open311 resource. */
export function splitFile(file: string): { id: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { id: m[1]!, format: m[2] as Open311Format } : null;
}

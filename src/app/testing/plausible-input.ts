import { z } from 'zod';
import type { RouteParamValues } from './route-resources.js';

/**
 * A plausible value for a zod schema, read from its JSON Schema: the base a malformed-input test
 * mutates one field at a time, so each wrong value is judged by the route and not hidden behind
 * "required field missing". Best effort: a value the schema still refuses is fine for that purpose.
 */
type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return null;
  }
}

/** The object's top-level property names (union members merged). */
export function propertyNames(schema: JsonSchema | null): string[] {
  if (!schema) return [];
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    for (const n of propertyNames(member)) names.add(n);
  return [...names];
}

export function plausibleValue(schema: JsonSchema | undefined, key: string, ids: RouteParamValues): unknown {
  if (!schema) return 'test';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const member = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (!type && member) return plausibleValue(member, key, ids);
  const known = ids[key as keyof RouteParamValues];
  switch (type) {
    case 'integer':
    case 'number':
      if (known && /^\d+$/.test(known)) return Number(known);
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => plausibleValue(schema.items, key, ids));
    case 'object':
      return plausibleObject(schema, ids);
    case 'string':
      if (known) return known;
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return '2026-09-01';
      if (schema.format === 'date-time') return '2026-09-01T09:00:00.000Z';
      if (schema.format === 'email') return 'parent@example.test';
      return 'т'.repeat(Math.max(schema.minLength ?? 0, Math.min(5, schema.maxLength ?? 5)));
    default:
      return null;
  }
}

export function plausibleObject(schema: JsonSchema | null, ids: RouteParamValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!schema) return out;
  const props = schema.properties ?? (schema.anyOf ?? schema.oneOf)?.[0]?.properties ?? {};
  const required = schema.required ?? (schema.anyOf ?? schema.oneOf)?.[0]?.required ?? [];
  for (const key of required) out[key] = plausibleValue(props[key], key, ids);
  return out;
}

import type { Db } from '../../platform/db/database.js';
import type { FixtureRegion } from './fixture-region.js';
import { ROUTE_RESOURCES } from './module-route-resources.js';

/**
 * Route parameters filled with real resources of municipality A, kindergarten A1 and citizen1, so
 * the generic tests (authorization matrix, malformed input, re-spelled paths) can call any route:
 * the rightful caller reaches the resource, staff of municipality B and citizen2 must not. Each
 * module contributes how to make the resources behind its own parameter names (its
 * `testing/route-resources.ts`, listed in module-route-resources.ts), so this file names none.
 */
export type RouteParamValues = Record<string, string | undefined>;

export interface RouteExample {
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A multipart/form-data body: text fields and one file part. */
  multipart?: {
    fields: Record<string, string>;
    file: { field: string; name: string; type: string; bytes: Buffer };
  };
}

export interface RouteResourceMaker {
  /** Who contributes it (a module's name), for error messages. */
  name: string;
  /** The route parameter names it fills. */
  params: readonly string[];
  /** Parameter names it needs filled first (another maker's). */
  needs?: readonly string[];
  create(db: Db, fixture: FixtureRegion, filled: RouteParamValues): Promise<RouteParamValues>;
  /**
   * A valid request for routes whose schema alone does not give one (`'POST /api/…'` → builder),
   * so a stranger is refused by the scope check, not by validation.
   */
  examples?: Record<string, (ids: RouteParamValues) => RouteExample>;
}

/** Every parameter name some module fills. */
export const KNOWN_PARAMS: readonly string[] = ROUTE_RESOURCES.flatMap((m) => m.params);

/**
 * Creates a fresh set of resources (every maker, in dependency order). A maker's failure fails the
 * run: a fixture that silently did not insert would turn scope tests off.
 */
export async function createRouteResources(db: Db, fixture: FixtureRegion): Promise<RouteParamValues> {
  const values: RouteParamValues = {};
  const pending = [...ROUTE_RESOURCES];
  while (pending.length > 0) {
    const ready = pending.findIndex((m) => (m.needs ?? []).every((n) => values[n] !== undefined));
    if (ready < 0)
      throw new Error(
        `Route resources: ${pending.map((m) => m.name).join(', ')} need parameters nobody makes`,
      );
    const [maker] = pending.splice(ready, 1);
    let made: RouteParamValues;
    try {
      made = await maker!.create(db, fixture, values);
    } catch (err) {
      throw new Error(`Route resources of ${maker!.name} could not be made: ${(err as Error).message}`, {
        cause: err,
      });
    }
    for (const name of maker!.params)
      if (made[name] === undefined)
        throw new Error(`Route resources of ${maker!.name} did not fill :${name}`);
    Object.assign(values, made);
  }
  return values;
}

/** A module's example request for a route, if it gave one. */
export function routeExample(method: string, url: string, ids: RouteParamValues): RouteExample | null {
  for (const maker of ROUTE_RESOURCES) {
    const build = maker.examples?.[`${method} ${url}`];
    if (build) return build(ids);
  }
  return null;
}

/** The URL with `:name` parameters replaced; an unknown name gets `fallback`. */
export function fillRoute(url: string, values: RouteParamValues, fallback = '1'): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? fallback));
}

export const routeParamNames = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

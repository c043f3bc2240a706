import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/**
 * Named prepared statements for hot queries on the PostgreSQL server. PostgreSQL plans an unnamed
 * statement on every execution; for a join of six tables that planning costs several times the
 * execution (measured on the public queue lookup: planning ≈ 0.9 ms, execution ≈ 0.1 ms). A named
 * statement is parsed once per connection and, after a few executions, runs a cached generic plan.
 *
 * Kysely has no prepared statements, so the pool's client recognises a registered SQL text and sends
 * it under its name; every other query is untouched. Only fixed-shape queries may be registered (a
 * query whose text varies with its input, such as an IN list, would register one name per shape).
 * PGlite runs the same SQL unnamed: it is one in-process connection with no network round trip.
 */
const registry = new Map<string, string>();

export function registerPreparedStatement(name: string, compiled: CompiledQuery): void {
  const known = registry.get(compiled.sql);
  if (known === name) return;
  if (known !== undefined) throw new Error(`SQL already prepared as ${known}, not ${name}`);
  if ([...registry.values()].includes(name))
    throw new Error(`Prepared statement ${name} registered with two different texts`);
  registry.set(compiled.sql, name);
}

export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    // pg's overloads cannot be overridden type-safely; the promise form Kysely uses is rerouted.
    this.query = ((...args: unknown[]) => {
      const [text, values, callback] = args;
      const name = typeof text === 'string' ? registry.get(text) : undefined;
      if (name === undefined || !Array.isArray(values) || callback !== undefined) return query(...args);
      return query({ name, text, values });
    }) as pg.Client['query'];
  }
}

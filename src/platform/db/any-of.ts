import { sql, type RawBuilder } from 'kysely';

/**
 * `column = anyOf(values, 'uuid')` compiles to `column = any($1::uuid[])`: one parameter for any
 * number of values. An IN list binds one parameter per value — PostgreSQL refuses more than 65,535,
 * and every distinct length is a new statement to parse and plan.
 */
export function anyOf<T extends string | number>(
  values: readonly T[],
  type: 'uuid' | 'int' | 'text',
): RawBuilder<T> {
  return sql<T>`any(${[...values]}::${sql.raw(type)}[])`;
}

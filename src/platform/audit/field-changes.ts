/**
 * What a partial edit changes: for each request field that is given and differs from the stored
 * row, the column to set and the before/after for the audit. Values compare as JSON, so arrays and
 * objects (photos, languages) are changed only when their content is.
 */
export function fieldChanges<Input extends object>(
  before: object,
  input: Input,
  columns: Partial<Record<keyof Input, string>>,
  toColumn: (field: keyof Input, value: unknown) => unknown = (_f, v) => v,
): { set: Record<string, unknown>; changes: Record<string, { from: unknown; to: unknown }> } {
  const set: Record<string, unknown> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, column] of Object.entries(columns) as [keyof Input & string, string][]) {
    const value = input[field];
    if (value === undefined) continue;
    const old = (before as Record<string, unknown>)[column];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    set[column] = toColumn(field, value);
    changes[field] = { from: old, to: value };
  }
  return { set, changes };
}

import { readYield } from './cell-text.js';
import type { DailyMenu } from './menu.js';
import { dailyMenuSchema } from './menu.js';

/**
 * A menu JSON as `meals:write` takes it (the shape `meals:read` prints). Besides the schema, a
 * yield's text must agree with its grams (`150/5` is 155 g), since the workbook carries the text
 * and a reader computes the grams from it: otherwise the file would not read back to the same JSON.
 */
export function parseMenuJson(
  json: unknown,
): { ok: true; menu: DailyMenu } | { ok: false; problems: string[] } {
  const parsed = dailyMenuSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`),
    };
  }
  const problems: string[] = [];
  parsed.data.items.forEach((item, n) => {
    const at = `items[${n}].yield_text`;
    if (item.yield_text === null) {
      if (item.yield_g !== null)
        problems.push(
          `${at}: expected the yield as written (e.g. "${item.yield_g}") when yield_g is ${item.yield_g}`,
        );
      return;
    }
    const y = readYield(item.yield_text);
    if (!y.ok)
      problems.push(
        `${at}: expected a yield in grams (a number, or parts such as 150/5), found ${JSON.stringify(item.yield_text)}`,
      );
    else if (y.grams !== item.yield_g)
      problems.push(
        `${at}: expected a yield that sums to yield_g ${item.yield_g}, found ${JSON.stringify(item.yield_text)} (${y.grams} g)`,
      );
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, menu: parsed.data };
}

function jsonPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? String(p) : `${acc}.${String(p)}`),
      '',
    ) || '(root)'
  );
}

/** The JSON `meals:read` writes: two-space indented, fields in the spec's order, a final newline. */
export function menuJsonText(menu: DailyMenu): string {
  return `${JSON.stringify(menu, null, 2)}\n`;
}

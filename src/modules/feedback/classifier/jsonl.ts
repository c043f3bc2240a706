// Reading the classifier's JSON Lines input (shared/specs/appeal-classifier.md): one object per
// line with `id`, `text` and, for training, `label`. The first bad line stops the run with an
// error that names its line number and field.

export interface AppealLine {
  readonly id: string;
  readonly text: string;
  readonly label?: string;
}

export class MalformedLineError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    problem: string,
  ) {
    super(`line ${line}: field "${field}" ${problem}`);
  }
}

/**
 * Parses the lines; blank lines (a trailing newline, an empty last line) are skipped. `requireLabel`
 * is true for training, where each line needs a non-empty `label`; classifying ignores `label`.
 */
export function parseAppealLines(content: string, requireLabel: boolean): AppealLine[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const result: AppealLine[] = [];
  const ids = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new MalformedLineError(line, '(line)', `is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new MalformedLineError(line, '(line)', 'must be a JSON object');
    const record = value as Record<string, unknown>;
    const id = record.id;
    if (id === undefined) throw new MalformedLineError(line, 'id', 'is missing');
    if (typeof id !== 'string' || id === '')
      throw new MalformedLineError(line, 'id', 'must be a non-empty string');
    if (ids.has(id))
      throw new MalformedLineError(line, 'id', `repeats ${JSON.stringify(id)} (ids must be unique)`);
    ids.add(id);
    const body = record.text;
    if (body === undefined) throw new MalformedLineError(line, 'text', 'is missing');
    if (typeof body !== 'string') throw new MalformedLineError(line, 'text', 'must be a string');
    if (body.trim() === '') throw new MalformedLineError(line, 'text', 'is empty');
    if (!requireLabel) {
      result.push({ id, text: body });
      continue;
    }
    const label = record.label;
    if (label === undefined)
      throw new MalformedLineError(line, 'label', 'is missing (training needs a label)');
    if (typeof label !== 'string' || label === '')
      throw new MalformedLineError(line, 'label', 'must be a non-empty string');
    result.push({ id, text: body, label });
  }
  return result;
}

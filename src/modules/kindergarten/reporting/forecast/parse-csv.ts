// RFC 4180 CSV: comma-separated fields, optional double quotes, "" for a quote inside quotes, CRLF or LF
// line ends, quoted fields may span lines. A UTF-8 byte order mark before the header is dropped.

export interface CsvRecord {
  /** Line of the file on which the record starts, 1-based (the header is line 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** All records, the header included; empty lines are skipped. Throws CsvSyntaxError on a broken quote. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted, so an empty line with "" is still a record
  let line = 1;
  let recordLine = 1;

  const endField = (): void => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    const empty = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!empty) records.push({ line: recordLine, fields });
    fields = [];
  };

  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"' && field === '' && !quoted) {
      const opened = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= source.length) throw new CsvSyntaxError(opened, 'a quoted field is not closed');
        const c = source[i++]!;
        if (c === '"' && source[i] === '"') {
          field += '"';
          i++;
        } else if (c === '"') {
          break;
        } else {
          if (c === '\n') line++;
          field += c;
        }
      }
      const after = source[i];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
        throw new CsvSyntaxError(line, 'text after the closing quote of a field');
      }
    } else if (char === '"') {
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
    } else if (char === ',') {
      endField();
      i++;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (fields.length > 0 || field !== '' || quoted) endRecord();
  return records;
}

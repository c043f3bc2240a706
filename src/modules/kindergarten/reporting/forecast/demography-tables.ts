// The demography folder format (shared/data/births-population-dev/README.md) turned into area histories:
// births.csv (year, region_code, region_name, births) and population-0-7.csv (year, region_code,
// region_name, age, population). Columns are found by header name; every problem names file and row.

import { AGES, type AreaHistory } from './area-history.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './parse-csv.js';

export const BIRTHS_FILE = 'births.csv';
export const POPULATION_FILE = 'population-0-7.csv';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly history: AreaHistory;
}

export class DemographyDataError extends Error {
  override name = 'DemographyDataError';
}

/**
 * Regions with population rows, in the order they first appear; each with its births (regions with
 * births only are not forecast and are dropped). Throws DemographyDataError naming the file and row.
 */
export function readDemographyTables(birthsCsv: string, populationCsv: string): Region[] {
  const names = new Map<string, string>();
  const births = new Map<string, Map<number, number>>();
  for (const row of rows(BIRTHS_FILE, birthsCsv, ['year', 'region_code', 'region_name', 'births'])) {
    const year = row.integer('year');
    const code = row.text('region_code');
    const perYear = births.get(code) ?? new Map<number, number>();
    if (perYear.has(year)) throw row.error(`duplicate births for region ${code}, year ${year}`);
    perYear.set(year, row.count('births'));
    births.set(code, perYear);
    if (!names.has(code)) names.set(code, row.text('region_name', true));
  }

  const population = new Map<string, Map<number, (number | undefined)[]>>();
  const columns = ['year', 'region_code', 'region_name', 'age', 'population'];
  for (const row of rows(POPULATION_FILE, populationCsv, columns)) {
    const year = row.integer('year');
    const code = row.text('region_code');
    const age = row.integer('age');
    if (age < 0 || age >= AGES) throw row.error(`age ${age} is outside 0–${AGES - 1}`);
    const perYear = population.get(code) ?? new Map<number, (number | undefined)[]>();
    const ages = perYear.get(year) ?? new Array<number | undefined>(AGES).fill(undefined);
    if (ages[age] !== undefined)
      throw row.error(`duplicate population for region ${code}, year ${year}, age ${age}`);
    ages[age] = row.count('population');
    perYear.set(year, ages);
    population.set(code, perYear);
    if (!names.has(code)) names.set(code, row.text('region_name', true));
  }

  return [...population].map(([code, perYear]) => {
    const complete = new Map<number, number[]>();
    for (const [year, ages] of perYear) {
      const missing = ages.findIndex((value) => value === undefined);
      if (missing >= 0) {
        throw new DemographyDataError(
          `${POPULATION_FILE}: region ${code}, year ${year} has no row for age ${missing}`,
        );
      }
      complete.set(year, ages as number[]);
    }
    return {
      code,
      name: names.get(code) ?? '',
      history: { births: births.get(code) ?? new Map(), population: complete },
    };
  });
}

interface Row {
  text(column: string, allowEmpty?: boolean): string;
  integer(column: string): number;
  /** A non-negative finite number (births and population counts may be fractional estimates). */
  count(column: string): number;
  error(message: string): DemographyDataError;
}

function* rows(file: string, csv: string, required: readonly string[]): Generator<Row> {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new DemographyDataError(`${file}, row ${error.line}: ${error.message}`);
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DemographyDataError(`${file}: the file is empty, expected a header row`);
  const index = new Map(header.fields.map((name, i) => [name.trim(), i]));
  const absent = required.filter((name) => !index.has(name));
  if (absent.length > 0) {
    throw new DemographyDataError(
      `${file}, row ${header.line}: the header lacks column(s) ${absent.join(', ')}`,
    );
  }

  for (const record of body) {
    const error = (message: string): DemographyDataError =>
      new DemographyDataError(`${file}, row ${record.line}: ${message}`);
    if (record.fields.length !== header.fields.length) {
      throw error(`${record.fields.length} fields, the header has ${header.fields.length}`);
    }
    const text = (column: string, allowEmpty = false): string => {
      const value = record.fields[index.get(column)!]!.trim();
      if (value === '' && !allowEmpty) throw error(`${column} is empty`);
      return value;
    };
    const number = (column: string): number => {
      const value = text(column);
      const parsed = Number(value);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) || !Number.isFinite(parsed)) {
        throw error(`${column} ${JSON.stringify(value)} is not a number`);
      }
      return parsed;
    };
    yield {
      text,
      integer: (column) => {
        const value = number(column);
        if (!Number.isInteger(value)) throw error(`${column} ${value} is not a whole number`);
        return value;
      },
      count: (column) => {
        const value = number(column);
        if (value < 0) throw error(`${column} ${value} is negative`);
        return value;
      },
      error,
    };
  }
}

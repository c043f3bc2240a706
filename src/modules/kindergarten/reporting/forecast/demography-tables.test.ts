import { describe, it, expect } from 'vitest';
import { readDemographyTables } from './demography-tables.js';

const BIRTHS = 'year,region_code,region_name,births\n2019,10,Край,100\n2020,10,Край,90\n';
const population = (rows: string[]): string =>
  ['year,region_code,region_name,age,population', ...rows].join('\n') + '\n';
const fullYear = (year: number, code = '10', name = 'Край'): string[] =>
  Array.from({ length: 8 }, (_, age) => `${year},${code},${name},${age},${1000 + age}`);

describe('readDemographyTables', () => {
  it('groups births and population by region, whatever the column order', () => {
    const reordered = 'region_code,births,year,region_name\n10,100,2019,Край\n';
    const [region, ...rest] = readDemographyTables(reordered, population(fullYear(2019)));
    expect(rest).toEqual([]);
    expect(region!.code).toBe('10');
    expect(region!.name).toBe('Край');
    expect([...region!.history.births]).toEqual([[2019, 100]]);
    expect(region!.history.population.get(2019)).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]);
  });

  it('accepts a byte order mark, CRLF and quoted names', () => {
    const births = '\uFEFFyear,region_code,region_name,births\r\n2019,10,"Край, южный",100\r\n';
    const [region] = readDemographyTables(births, population(fullYear(2019)));
    expect(region!.history.births.get(2019)).toBe(100);
  });

  it('forecasts only regions with population rows', () => {
    const births = BIRTHS + '2019,20,Область,50\n';
    expect(readDemographyTables(births, population(fullYear(2019))).map((r) => r.code)).toEqual(['10']);
  });

  it.each([
    [
      'year,region_code,region_name\n',
      'population',
      /births\.csv, row 1: the header lacks column\(s\) births/,
    ],
    ['', 'population', /births\.csv: the file is empty/],
    [BIRTHS + '2021,10,Край,many\n', 'population', /births\.csv, row 4: births "many" is not a number/],
    [BIRTHS + '2021,10,Край,-3\n', 'population', /births\.csv, row 4: births -3 is negative/],
    [
      BIRTHS + '2020,10,Край,90\n',
      'population',
      /births\.csv, row 4: duplicate births for region 10, year 2020/,
    ],
    [BIRTHS + '2021.5,10,Край,90\n', 'population', /births\.csv, row 4: year 2021\.5 is not a whole number/],
    [BIRTHS + '2021,10\n', 'population', /births\.csv, row 4: 2 fields, the header has 4/],
    [BIRTHS + '2021,,Край,1\n', 'population', /births\.csv, row 4: region_code is empty/],
    [BIRTHS + '2021,10,"Край,1\n', 'population', /births\.csv, row 4: a quoted field is not closed/],
  ])('names the file and row of a malformed births table (%#)', (births, _, message) => {
    expect(() => readDemographyTables(births, population(fullYear(2019)))).toThrow(message);
  });

  it.each([
    [[...fullYear(2019), '2019,10,Край,8,5'], /population-0-7\.csv, row 10: age 8 is outside 0–7/],
    [
      [...fullYear(2019), '2019,10,Край,3,5'],
      /population-0-7\.csv, row 10: duplicate population for region 10, year 2019, age 3/,
    ],
    [[...fullYear(2019), '2020,10,Край,0,'], /population-0-7\.csv, row 10: population is empty/],
    [fullYear(2019).slice(1), /population-0-7\.csv: region 10, year 2019 has no row for age 0/],
  ])('names the file and row of a malformed population table (%#)', (rows, message) => {
    expect(() => readDemographyTables(BIRTHS, population(rows))).toThrow(message);
  });
});

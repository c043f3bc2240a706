import { describe, expect, it } from 'vitest';
import {
  CLUB_DIRECTIONS,
  CLUB_ENROLMENT_STATUSES,
  CLUB_FINANCING,
  CLUB_FORMATS,
  CLUB_LEVELS,
  CLUB_OVZ_TYPES,
  CLUB_REFUSAL_REASONS,
} from '../../../contracts/clubs.js';
import { ENROLMENT_STATUSES, REFUSAL_REASONS } from '../enrolment/enrolment-status.js';
import { DIRECTIONS, FINANCING, FORMATS, LEVELS, OVZ_TYPES } from './programme-model.js';
import { clubsCsv, clubsDictionary, CLUBS_COLUMNS } from './open-data.js';

describe('the contract repeats the pure model', () => {
  it('has the same value lists', () => {
    expect(CLUB_DIRECTIONS).toEqual(DIRECTIONS);
    expect(CLUB_LEVELS).toEqual(LEVELS);
    expect(CLUB_OVZ_TYPES).toEqual(OVZ_TYPES);
    expect(CLUB_FINANCING).toEqual(FINANCING);
    expect(CLUB_FORMATS).toEqual(FORMATS);
    expect(CLUB_ENROLMENT_STATUSES).toEqual(ENROLMENT_STATUSES);
    expect(CLUB_REFUSAL_REASONS).toEqual(REFUSAL_REASONS);
  });
});

describe('open data', () => {
  it('quotes cells and defuses formulas in the CSV; the dictionary names every column', () => {
    const row = {
      programme_id: 1,
      title: '=HYPERLINK("x")',
      direction: 'arts',
      specialisation: 'театр, кукольный',
      level: 'basic',
      age_min: 7,
      age_max: 12,
      format: 'in_person',
      ovz_types: ['speech', 'vision'],
      organisation_id: 2,
      short_name: 'Школа № 1',
      inn: null,
      municipality: 'Альфа',
      group_id: 3,
      group_name: 'Группа 1',
      financing: 'paid',
      monthly_price: 1200,
      enrolment_opens_on: '2026-09-01',
      enrolment_closes_on: '2026-09-30',
      starts_on: '2026-10-01',
      ends_on: '2027-05-31',
      hours_per_year: 144,
      seats: 15,
      seats_taken: 4,
    };
    const [header, line] = clubsCsv([row]).split('\r\n');
    expect(header!.split(',')).toEqual(CLUBS_COLUMNS.map((c) => c.name));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"театр, кукольный"');
    expect(line).toContain('"speech;vision"');
    expect(line!.endsWith(',15,11')).toBe(true);
    expect(clubsDictionary().columns).toHaveLength(CLUBS_COLUMNS.length);
  });
});

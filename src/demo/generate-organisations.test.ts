import { describe, expect, it } from 'vitest';
import { checkInn, checkOgrn } from '../contracts/tax-ids.js';
import { dayOf, fullYears, parseDay, schoolYearStart } from './calendar.js';
import { generateCatalog } from './generate-catalog.js';
import { generateOrganisations } from './generate-organisations.js';
import { DEMO_SEED } from './load-region.js';
import { SCALES } from './scales.js';

const reference = dayOf(2026, 12, 1);
const catalog = generateCatalog(SCALES.demo, DEMO_SEED, reference);
const rows = generateOrganisations(catalog);

describe('demo organisations (demo scale)', () => {
  it('are the same for the same seed', () => {
    expect(generateOrganisations(generateCatalog(SCALES.demo, DEMO_SEED, reference))).toEqual(rows);
  });

  it('hold about 120 schools, 30 other providers, each municipality’s body, the ministry and the ЦУР', () => {
    const count = (kinds: string[]) => rows.organisations.filter((o) => kinds.includes(o.kind)).length;
    expect(count(['school'])).toBe(120);
    expect(count(['extra_education', 'sports_school', 'private_provider'])).toBe(30);
    expect(count(['municipal_education_body'])).toBe(SCALES.demo.municipalities);
    expect(count(['regional_ministry', 'control_centre'])).toBe(2);
    const kindergartenIds = new Set(catalog.rows.kindergartens.map((k) => k.id));
    expect(rows.organisations.every((o) => !kindergartenIds.has(o.id))).toBe(true);
  });

  it('give every organisation a valid ИНН and ОГРН, unique', () => {
    expect(rows.organisations.filter((o) => checkInn(o.inn) || checkOgrn(o.ogrn))).toEqual([]);
    expect(new Set(rows.organisations.map((o) => o.inn)).size).toBe(rows.organisations.length);
  });

  it('give about nine in ten schools and kindergartens a VK community, about 77 % with the clubs app', () => {
    const eligible =
      rows.organisations.filter((o) => o.kind === 'school').length +
      catalog.rows.kindergartens.filter((k) => k.status === 'operating').length;
    const share = rows.vkCommunities.length / eligible;
    expect(share).toBeGreaterThan(0.86);
    expect(share).toBeLessThan(0.94);
    const installed =
      rows.vkCommunities.filter((c) => c.clubs_app_installed).length / rows.vkCommunities.length;
    expect(installed).toBeGreaterThan(0.73);
    expect(installed).toBeLessThan(0.81);
  });

  it('enrol pupils 6.5–18 years old in grades 1–11 with letters, some of them the demo citizens’ children', () => {
    expect(rows.pupils.length).toBe(12_000);
    const september = schoolYearStart(reference);
    for (const p of rows.pupils) {
      const age = fullYears(parseDay(p.child.birth_date), september);
      expect(p.enrolment.grade).toBeGreaterThanOrEqual(1);
      expect(p.enrolment.grade).toBeLessThanOrEqual(11);
      expect(age).toBeGreaterThanOrEqual(6);
      expect(age).toBeLessThanOrEqual(17);
      expect(p.enrolment.letter).toMatch(/^[А-Г]$/);
    }
    expect(new Set(rows.pupils.map((p) => p.child.birth_certificate)).size).toBe(rows.pupils.length);
    expect(rows.pupils.filter((p) => p.representativeUserId).length).toBeGreaterThanOrEqual(3);
  });

  it('have staff for every new role, a few listed on the sign-in page', () => {
    const roles = new Set(rows.staff.map((s) => s.role));
    expect([...roles].sort()).toEqual(
      [
        'club_coordinator',
        'club_teacher',
        'contest_expert',
        'contest_organiser',
        'cook',
        'cur_operator',
        'meals_officer',
        'organisation_head',
        'organisation_staff',
      ].sort(),
    );
    const listed = rows.staff.filter((s) => s.listed);
    expect(new Set(listed.map((s) => s.role)).size).toBe(roles.size);
    expect(listed.length).toBeLessThan(16);
    expect(new Set(rows.staff.map((s) => s.login)).size).toBe(rows.staff.length);
  });
});

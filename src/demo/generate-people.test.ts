import { describe, expect, it } from 'vitest';
import { dayOf, formatDay } from './calendar.js';
import { generateCatalog } from './generate-catalog.js';
import { generatePeople } from './generate-people.js';
import { SCALES } from './scales.js';

// The demo region is generated relative to the day it is loaded; it must be consistent on any day.
const DAYS = Array.from({ length: 26 }, (_, i) =>
  dayOf(2026 + Math.floor(i / 13), (i % 12) + 1, i % 2 ? 1 : 15),
);

describe('demo people generator', () => {
  it.each(DAYS.map((d) => [formatDay(d), d] as const))('is consistent when loaded on %s', (_label, day) => {
    const catalog = generateCatalog(SCALES.tiny, 7, day);
    for (let i = 0; i < catalog.municipalities.length; i++) {
      const people = generatePeople(catalog, i);
      const today = `${formatDay(day)}T00:00:00`;
      for (const e of people.events) expect(e.occurred_at < today).toBe(true);
      const ids = new Set(people.applications.map((a) => a.id));
      expect(ids.size).toBe(people.applications.length);
    }
  });

  it('moves a child between groups without a day away (left_on is the first day away)', () => {
    const people = generatePeople(generateCatalog(SCALES.tiny, 7, dayOf(2026, 12, 1)), 0);
    const byChild = new Map<string, { enrolled_on: string; left_on: string | null }[]>();
    for (const e of people.enrollments) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);
    let moves = 0;
    for (const spans of byChild.values()) {
      spans.sort((a, b) => a.enrolled_on.localeCompare(b.enrolled_on));
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i - 1]!.left_on).toBe(spans[i]!.enrolled_on);
        moves++;
      }
    }
    expect(moves).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and a day', () => {
    const day = dayOf(2026, 12, 1);
    const a = generatePeople(generateCatalog(SCALES.tiny, 7, day), 0);
    const b = generatePeople(generateCatalog(SCALES.tiny, 7, day), 0);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

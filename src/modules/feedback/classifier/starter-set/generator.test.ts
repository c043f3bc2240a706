import { describe, expect, it } from 'vitest';
import { STARTER_CATEGORY_CODES } from '../categories.js';
import { normaliseText, words } from '../normalise.js';
import { STARTER_SET_SIZE, TOPICS, generateStarterSet, splitStarterSet } from './generator.js';

describe('the starter set', () => {
  const appeals = generateStarterSet();

  it('is deterministic, of the stated size, with unique ids and only starter category labels', () => {
    expect(generateStarterSet()).toEqual(appeals);
    expect(appeals).toHaveLength(STARTER_SET_SIZE);
    expect(new Set(appeals.map((a) => a.id)).size).toBe(appeals.length);
    expect(new Set(appeals.map((a) => a.label))).toEqual(new Set(STARTER_CATEGORY_CODES));
    expect(Object.keys(TOPICS).sort()).toEqual([...STARTER_CATEGORY_CODES].sort());
    expect(generateStarterSet({ seed: 99, size: 50 })).not.toEqual(appeals.slice(0, 50));
  });

  it('is varied and not clean: lengths, HTML, lower-case-only texts, typos', () => {
    const lengths = appeals.map((a) => words(normaliseText(a.text)).length).sort((a, b) => a - b);
    expect(lengths[0]).toBeLessThanOrEqual(4);
    expect(lengths[lengths.length - 1]).toBeGreaterThanOrEqual(40);
    expect(appeals.filter((a) => /<p>|<div>/.test(a.text)).length).toBeGreaterThan(100);
    expect(appeals.filter((a) => a.text === a.text.toLowerCase()).length).toBeGreaterThan(200);
    const phrases = new Set(Object.values(TOPICS).flatMap((t) => t.problems));
    const exact = appeals.filter((a) =>
      [...phrases].some((p) => a.text.toLowerCase().includes(p.toLowerCase())),
    );
    expect(exact.length).toBeLessThan(appeals.length * 0.95); // typos and styles change many texts
  });

  it('splits four fifths for training and one fifth held out, disjoint', () => {
    const { train, heldOut } = splitStarterSet(appeals);
    expect(train.length + heldOut.length).toBe(appeals.length);
    expect(heldOut.length).toBe(appeals.length / 5);
    const ids = new Set(train.map((a) => a.id));
    expect(heldOut.some((a) => ids.has(a.id))).toBe(false);
  });

  it('keeps the «unseen» phrasings out of the «seen» appeals', () => {
    const seen = generateStarterSet({ phrasing: 'seen', size: 500 });
    const unseenPhrases = Object.values(TOPICS).flatMap((t) => t.problems.filter((_, i) => i % 3 === 2));
    const lower = seen.map((a) => a.text.toLowerCase());
    // Placeholders differ per appeal, so compare the words before the first slot.
    const heads = unseenPhrases
      .map((p) => p.split('{')[0]!.toLowerCase().trim())
      .filter((h) => h.length > 25);
    expect(heads.length).toBeGreaterThan(20);
    for (const head of heads)
      expect(
        lower.some((t) => t.includes(head)),
        head,
      ).toBe(false);
  });
});

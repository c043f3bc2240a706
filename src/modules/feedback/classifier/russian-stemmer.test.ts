import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemRussian } from './russian-stemmer.js';

describe('stemRussian (Snowball)', () => {
  it('gives the Snowball stems of appeal words', () => {
    const expected: Record<string, string> = {
      работает: 'работа',
      отопления: 'отоплен',
      отопление: 'отоплен',
      школы: 'школ',
      школе: 'школ',
      дорогами: 'дорог',
      детский: 'детск',
      детского: 'детск',
      школьников: 'школьник',
      садики: 'садик',
      важнейшие: 'важн',
      красивая: 'красив',
      мусора: 'мусор',
      необходимость: 'необходим',
      канализации: 'канализац',
      подъезд: 'подъезд',
    };
    for (const [word, stem] of Object.entries(expected)) expect(stemRussian(word), word).toBe(stem);
  });

  it('brings the forms of a word to one stem', () => {
    const forms = ['фонарь', 'фонаря', 'фонари', 'фонарей', 'фонарями'];
    expect(new Set(forms.map(stemRussian))).toEqual(new Set(['фонар']));
  });

  it('leaves numbers, Latin words and vowel-less words alone', () => {
    for (const w of ['12', 'wifi', 'мкр', 'в']) expect(stemRussian(w)).toBe(w);
  });

  it('returns a non-empty prefix of the word (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[а-яa-z0-9]{1,20}$/), (word) => {
        const stem = stemRussian(word);
        expect(stem.length).toBeGreaterThan(0);
        expect(word.startsWith(stem)).toBe(true);
      }),
    );
  });
});

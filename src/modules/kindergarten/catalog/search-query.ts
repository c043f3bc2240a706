/**
 * Turns what a person types into a Russian full-text prefix query for `to_tsquery('russian', …)`:
 * every word becomes `word:*`, words are AND-ed, anything but letters and digits is dropped so the
 * input can never be tsquery syntax. Returns null when nothing searchable is left.
 */
export function prefixTsQuery(input: string): string | null {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

// Address words that say what kind of thing follows, not where: dropped before matching.
const ADDRESS_NOISE = new Set([
  'г',
  'город',
  'ул',
  'улица',
  'д',
  'дом',
  'пр',
  'пр-т',
  'проспект',
  'пер',
  'переулок',
  'пл',
  'площадь',
  'мкр',
  'микрорайон',
  'с',
  'село',
  'пос',
  'посёлок',
  'поселок',
  'кв',
  'корп',
  'стр',
  'область',
  'обл',
  'район',
]);

/** A prefix query from an address: its place and street words, without house numbers and noise words. */
export function addressTsQuery(input: string): string | null {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !ADDRESS_NOISE.has(w) && !/\d/.test(w));
  return prefixTsQuery(words.join(' '));
}

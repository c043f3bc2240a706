/** Lower case, ё as е, only letters and digits: «Детский сад» and «детскии-сад» compare alike enough. */
export function normalise(text: string): string {
  return text
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a service's texts (title, description, keywords) answer a query: every word of the query
 * starts a word of the texts («сад» finds «садик», «детск сад» finds «детский сад»).
 */
export function matchesQuery(query: string, texts: readonly string[]): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return false;
  const haystack = texts.flatMap((t) => normalise(t).split(' '));
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

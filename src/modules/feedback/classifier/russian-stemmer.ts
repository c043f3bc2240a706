// The Snowball Russian stemmer (M. Porter's algorithm, snowballstem.org/algorithms/russian),
// written out here so that the classifier has no dependency. Input: a lower-case word with «ё»
// already replaced by «е». Words with no Cyrillic vowel (numbers, Latin) come back unchanged.

const VOWELS = new Set(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);

const byLengthDesc = (list: string[]) => [...list].sort((a, b) => b.length - a.length);

const PERFECTIVE_GERUND_1 = byLengthDesc(['в', 'вши', 'вшись']);
const PERFECTIVE_GERUND_2 = byLengthDesc(['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']);
const ADJECTIVE = byLengthDesc(
  'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split(' '),
);
const PARTICIPLE_1 = byLengthDesc(['ем', 'нн', 'вш', 'ющ', 'щ']);
const PARTICIPLE_2 = byLengthDesc(['ивш', 'ывш', 'ующ']);
const REFLEXIVE = ['ся', 'сь'];
const VERB_1 = byLengthDesc('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'.split(' '));
const VERB_2 = byLengthDesc(
  'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю'.split(
    ' ',
  ),
);
const NOUN = byLengthDesc(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я'.split(
    ' ',
  ),
);
const SUPERLATIVE = byLengthDesc(['ейш', 'ейше']);
const DERIVATIONAL = byLengthDesc(['ост', 'ость']);

/** Start of RV (after the first vowel) and of R2 (R1 of R1). */
function regions(word: string): { rv: number; r2: number } {
  let rv = word.length;
  for (let i = 0; i < word.length; i++) {
    if (VOWELS.has(word[i]!)) {
      rv = i + 1;
      break;
    }
  }
  const r1Of = (start: number) => {
    for (let i = start + 1; i < word.length; i++) {
      if (!VOWELS.has(word[i]!) && VOWELS.has(word[i - 1]!)) return i + 1;
    }
    return word.length;
  };
  const r1 = r1Of(0);
  const r2 = r1 < word.length ? r1Of(r1) : word.length;
  return { rv, r2 };
}

/** The longest ending of `list` that lies at or after `limit`; for group-1 endings an «а»/«я» must precede it inside the region. */
function findEnding(
  word: string,
  limit: number,
  list: readonly string[],
  afterAYa = false,
): string | undefined {
  for (const ending of list) {
    const start = word.length - ending.length;
    if (start < limit || !word.endsWith(ending)) continue;
    if (afterAYa) {
      const before = word[start - 1];
      if (start - 1 < limit || (before !== 'а' && before !== 'я')) continue;
    }
    return ending;
  }
  return undefined;
}

function removeGroup(word: string, limit: number, group1: readonly string[], group2: readonly string[]) {
  const e1 = findEnding(word, limit, group1, true);
  const e2 = findEnding(word, limit, group2);
  // Both groups may match («ившись» vs «вшись»): the longer match is the one Snowball takes.
  const ending = e1 === undefined ? e2 : e2 === undefined ? e1 : e2.length >= e1.length ? e2 : e1;
  return ending === undefined ? undefined : word.slice(0, word.length - ending.length);
}

function step1(word: string, rv: number): string {
  const gerund = removeGroup(word, rv, PERFECTIVE_GERUND_1, PERFECTIVE_GERUND_2);
  if (gerund !== undefined) return gerund;
  const reflexive = findEnding(word, rv, REFLEXIVE);
  const w = reflexive === undefined ? word : word.slice(0, word.length - reflexive.length);
  const adjective = findEnding(w, rv, ADJECTIVE);
  if (adjective !== undefined) {
    const stem = w.slice(0, w.length - adjective.length);
    return removeGroup(stem, rv, PARTICIPLE_1, PARTICIPLE_2) ?? stem;
  }
  const verb = removeGroup(w, rv, VERB_1, VERB_2);
  if (verb !== undefined) return verb;
  const noun = findEnding(w, rv, NOUN);
  return noun === undefined ? w : w.slice(0, w.length - noun.length);
}

// Appeals repeat the same few thousand words: a bounded cache makes stemming nearly free.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

export function stemRussian(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stem = stemUncached(word);
    cache.set(word, stem);
  }
  return stem;
}

function stemUncached(word: string): string {
  const { rv, r2 } = regions(word);
  if (rv >= word.length) return word;
  let w = step1(word, rv);
  if (w.length > rv && w.endsWith('и')) w = w.slice(0, -1);
  const derivational = findEnding(w, r2, DERIVATIONAL);
  if (derivational !== undefined) w = w.slice(0, w.length - derivational.length);
  if (w.length - 2 >= rv && w.endsWith('нн')) return w.slice(0, -1);
  const superlative = findEnding(w, rv, SUPERLATIVE);
  if (superlative !== undefined) {
    w = w.slice(0, w.length - superlative.length);
    return w.length - 2 >= rv && w.endsWith('нн') ? w.slice(0, -1) : w;
  }
  if (w.length > rv && w.endsWith('ь')) return w.slice(0, -1);
  return w;
}

// Feature extraction: which kinds of feature a model uses is part of the model (its `features`
// block), chosen by measurement (bench/feedback-classifier). Each feature is a string with a
// kind prefix, so that the kinds share one vocabulary without colliding.

import { normaliseText, words } from './normalise.js';
import { stemRussian } from './russian-stemmer.js';

export interface FeatureSet {
  /** Snowball stems of the words. */
  readonly stems: boolean;
  /** Pairs of neighbouring stems. */
  readonly stemBigrams: boolean;
  /** Plain lower-case words (no stemming): the baseline's unigrams. */
  readonly words: boolean;
  /** Character n-grams inside each word padded with spaces (sizes from..to), or null. */
  readonly charNgrams: { readonly from: number; readonly to: number } | null;
}

export const FEATURE_SETS = {
  words: { stems: false, stemBigrams: false, words: true, charNgrams: null },
  stems: { stems: true, stemBigrams: false, words: false, charNgrams: null },
  'stems+bigrams': { stems: true, stemBigrams: true, words: false, charNgrams: null },
  'char2-4': { stems: false, stemBigrams: false, words: false, charNgrams: { from: 2, to: 4 } },
  'char3-5': { stems: false, stemBigrams: false, words: false, charNgrams: { from: 3, to: 5 } },
  'stems+char3-5': { stems: true, stemBigrams: false, words: false, charNgrams: { from: 3, to: 5 } },
  'stems+bigrams+char3-5': { stems: true, stemBigrams: true, words: false, charNgrams: { from: 3, to: 5 } },
} as const satisfies Record<string, FeatureSet>;

export type FeatureSetName = keyof typeof FEATURE_SETS;

// Words this short carry case endings and prepositions, not topics; char n-grams still see them.
const MIN_STEM_WORD = 2;

/** Feature counts of one text (a Map keeps first-seen order; callers sort where order matters). */
export function extractFeatures(text: string, set: FeatureSet): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const tokens = words(normaliseText(text));
  let previous: string | undefined;
  for (const word of tokens) {
    if (set.words) add(`w:${word}`);
    if (set.stems || set.stemBigrams) {
      if (word.length >= MIN_STEM_WORD) {
        const stem = stemRussian(word);
        if (set.stems) add(`s:${stem}`);
        if (set.stemBigrams && previous !== undefined) add(`b:${previous} ${stem}`);
        previous = stem;
      }
    }
    if (set.charNgrams) {
      const padded = ` ${word} `;
      for (let n = set.charNgrams.from; n <= set.charNgrams.to; n++) {
        for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
      }
    }
  }
  return counts;
}

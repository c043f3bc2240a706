// The labelled starter set: a deterministic generator of short Russian citizens' appeals over the
// starter categories. Real appeals are not clean, so neither are these: typos, no punctuation,
// caps, HTML from web forms, a second topic mentioned in passing, one-line messages, and a few
// labels an operator would have chosen differently. Same seed → same appeals.

import { STARTER_CATEGORY_CODES } from '../categories.js';
import { seededRandom } from '../softmax-regression.js';
import {
  CHILDREN,
  CLOSINGS,
  DURATIONS,
  GENERIC,
  OPENINGS,
  ORGANISATIONS,
  PLACES,
  REQUESTS,
  STREETS,
  TOWNS,
} from './topic-phrases.js';
import type { TopicPhrases } from './topic-phrases.js';
import { CITY_TOPICS } from './topics-city.js';
import { SOCIAL_TOPICS } from './topics-social.js';

export interface StarterAppeal {
  readonly id: string;
  readonly text: string;
  readonly label: string;
}

export const TOPICS: Readonly<Record<string, TopicPhrases>> = { ...SOCIAL_TOPICS, ...CITY_TOPICS };

/** How often each category comes (ЦУР statistics put housing and roads far ahead of the rest). */
const FREQUENCY: Readonly<Record<string, number>> = {
  'housing.heating': 9,
  'housing.water': 8,
  'housing.buildings': 9,
  'housing.electricity': 6,
  'roads.repair': 10,
  'waste.collection': 8,
  'yards.landscaping': 7,
  'transport.public': 7,
  'healthcare.clinics': 6,
  'education.kindergartens': 5,
  'education.schools': 5,
  'social.support': 5,
  'roads.lighting': 4,
  'education.school_meals': 4,
  'animals.stray': 3,
  'safety.public': 3,
  'ecology.environment': 3,
  'education.clubs': 3,
};

/** Where an operator might have filed the appeal instead (label noise in real histories). */
const CONFUSED_WITH: Readonly<Record<string, string>> = {
  'education.kindergartens': 'education.schools',
  'education.schools': 'education.kindergartens',
  'education.school_meals': 'education.schools',
  'education.clubs': 'education.schools',
  'roads.repair': 'yards.landscaping',
  'roads.lighting': 'housing.electricity',
  'transport.public': 'roads.repair',
  'housing.heating': 'housing.buildings',
  'housing.water': 'housing.buildings',
  'housing.electricity': 'roads.lighting',
  'housing.buildings': 'housing.heating',
  'waste.collection': 'yards.landscaping',
  'yards.landscaping': 'waste.collection',
  'healthcare.clinics': 'social.support',
  'social.support': 'healthcare.clinics',
  'safety.public': 'yards.landscaping',
  'ecology.environment': 'waste.collection',
  'animals.stray': 'safety.public',
};

export const STARTER_SET_SIZE = 3_400;
export const STARTER_SEED = 15;
const LABEL_NOISE = 0.03;

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (random: Random, p: number) => random() < p;

function fillSlots(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'street':
        return pick(random, STREETS);
      case 'house':
        return String(1 + Math.floor(random() * 120));
      case 'kg':
      case 'school':
        return String(1 + Math.floor(random() * 60));
      case 'route':
        return String(1 + Math.floor(random() * 40));
      case 'weeks':
        return String(2 + Math.floor(random() * 7));
      case 'town':
        return pick(random, TOWNS);
      case 'child':
        return pick(random, CHILDREN);
      case 'org':
        return pick(random, ORGANISATIONS);
      default:
        return slot;
    }
  });
}

const capitalise = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));

const NEIGHBOUR_LETTERS: Readonly<Record<string, string>> = {
  о: 'а',
  а: 'о',
  е: 'и',
  и: 'е',
  т: 'д',
  с: 'з',
  ь: '',
  ъ: 'ь',
};

/** A typing slip in one word: a letter dropped, doubled, swapped, or a common vowel confusion. */
function misspell(random: Random, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
    default: {
      const c = word[i]!;
      const replacement = NEIGHBOUR_LETTERS[c];
      return replacement === undefined ? word : word.slice(0, i) + replacement + word.slice(i + 1);
    }
  }
}

function addTypos(random: Random, text: string, rate: number): string {
  return text.replace(/[А-Яа-яЁё]+/g, (word) => (chance(random, rate) ? misspell(random, word) : word));
}

function fullAppeal(random: Random, topic: TopicPhrases, other: TopicPhrases | undefined): string {
  const parts: string[] = [];
  if (chance(random, 0.6)) parts.push(fillSlots(random, pick(random, OPENINGS)));
  let problem = fillSlots(random, pick(random, topic.problems));
  if (chance(random, 0.5)) problem = `${problem} ${fillSlots(random, pick(random, PLACES))}`;
  if (chance(random, 0.4)) problem = `${problem} ${fillSlots(random, pick(random, DURATIONS))}`;
  const sentences = [capitalise(problem) + '.'];
  if (chance(random, 0.35)) sentences.push(capitalise(fillSlots(random, pick(random, topic.problems))) + '.');
  if (other) {
    // A second topic in passing: before or after the main one, never the label.
    const aside = `${pick(random, ['Также', 'Кроме того,', 'И еще', 'А еще'])} ${fillSlots(random, pick(random, other.problems))}.`;
    if (chance(random, 0.3)) sentences.unshift(aside);
    else sentences.push(aside);
  }
  parts.push(...sentences);
  if (chance(random, 0.45)) parts.push(pick(random, GENERIC));
  if (chance(random, 0.7)) parts.push(pick(random, REQUESTS));
  if (chance(random, 0.3)) parts.push(pick(random, CLOSINGS));
  return parts.filter((p) => p !== '').join(' ');
}

function shortMessage(random: Random, topic: TopicPhrases): string {
  const keyword = pick(random, topic.keywords);
  const place = fillSlots(random, pick(random, PLACES));
  return pick(random, [
    `${capitalise(keyword)} ${place}`,
    `Жалоба: ${keyword}, ${place}`,
    `${capitalise(keyword)}!!! ${pick(random, REQUESTS)}`,
    `Проблема — ${keyword} ${place}. ${pick(random, REQUESTS)}`,
  ]);
}

/** What a web form or an e-mail gateway makes of a text. */
function asHtml(random: Random, text: string): string {
  const withEntities = text
    .replace(/«/g, '&laquo;')
    .replace(/»/g, '&raquo;')
    .replace(/ — /g, '&nbsp;&mdash; ');
  if (chance(random, 0.5)) return `<p>${withEntities.replace(/\. /g, '.</p><p>')}</p>`;
  return `<div>${withEntities.replace(/, /g, ',<br> ')}</div>`;
}

function surfaceStyle(random: Random, text: string): string {
  const r = random();
  if (r < 0.12) return text.toLowerCase().replace(/[.,!]/g, '');
  if (r < 0.15) return text.toUpperCase();
  if (r < 0.23) return asHtml(random, text);
  return text;
}

export interface StarterSetOptions {
  readonly size?: number;
  readonly seed?: number;
  /**
   * Which problem statements to draw from: all, or only the «seen» two thirds / the «unseen» third,
   * so that a benchmark can test on phrasings the model never saw in training (closer to real appeals).
   */
  readonly phrasing?: 'all' | 'seen' | 'unseen';
}

const keepProblem = (phrasing: 'all' | 'seen' | 'unseen', index: number) =>
  phrasing === 'all' || (index % 3 === 2) === (phrasing === 'unseen');

export function generateStarterSet(options: StarterSetOptions = {}): StarterAppeal[] {
  const { size = STARTER_SET_SIZE, seed = STARTER_SEED, phrasing = 'all' } = options;
  const random = seededRandom(seed);
  const topics = Object.fromEntries(
    Object.entries(TOPICS).map(([code, t]) => [
      code,
      { ...t, problems: t.problems.filter((_, i) => keepProblem(phrasing, i)) },
    ]),
  );
  const codes = STARTER_CATEGORY_CODES;
  const weights = codes.map((c) => FREQUENCY[c] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const appeals: StarterAppeal[] = [];
  for (let n = 0; n < size; n++) {
    let r = random() * total;
    let k = 0;
    while (r >= weights[k]! && k < codes.length - 1) r -= weights[k++]!;
    const code = codes[k]!;
    const topic = topics[code]!;
    const other = chance(random, 0.25)
      ? topics[
          pick(
            random,
            codes.filter((c) => c !== code),
          )
        ]
      : undefined;
    let text = chance(random, 0.15) ? shortMessage(random, topic) : fullAppeal(random, topic, other);
    text = surfaceStyle(random, addTypos(random, text, pick(random, [0, 0.02, 0.05, 0.1])));
    const label = chance(random, LABEL_NOISE) ? CONFUSED_WITH[code]! : code;
    appeals.push({ id: `S${String(n + 1).padStart(5, '0')}`, text, label });
  }
  return appeals;
}

/** Every fifth appeal is held out; the rest is the training part. */
export function splitStarterSet(appeals: readonly StarterAppeal[]): {
  train: StarterAppeal[];
  heldOut: StarterAppeal[];
} {
  return {
    train: appeals.filter((_, i) => i % 5 !== 4),
    heldOut: appeals.filter((_, i) => i % 5 === 4),
  };
}

// A deterministic, realistic placement instance for benchmarks: kindergartens clustered in
// municipalities of very different sizes, a few popular kindergartens and many ordinary ones, 3–7
// age groups each, families choosing 1–5 kindergartens by popularity and distance, the benefit mix
// of a Russian queue, siblings (преимущественное право) and transfers. Capacities are sized so that
// roughly 70–85 % of children are placed, like a main April–June wave.

import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { InstanceJson } from '../../src/modules/kindergarten/placement/solver/index.js';

type ChildJson = InstanceJson['children'][number];

export interface GeneratorOptions {
  children: number;
  seed?: number;
  /** Defaults to one program per 200 children (5,000 for a million). */
  programs?: number;
}

const AGE_GROUPS = ['0-1', '1-2', '2-3', '3-4', '4-5', '5-6', '6-7'];
/** Share of applications by age group: most families apply for 1.5–3-year-olds. */
const AGE_DEMAND = [0.02, 0.22, 0.3, 0.24, 0.11, 0.07, 0.04];
const PREFERENCE_COUNT = [0.15, 0.15, 0.2, 0.2, 0.3]; // 1..5 kindergartens
const QUEUE_START = Date.UTC(2022, 8, 1) / 1000;
const QUEUE_SECONDS = 3 * 365 * 24 * 3600;
const REGION_KM = 600;
/** Families weigh distance: the attraction of a kindergarten halves every ~2 km. */
const DISTANCE_SCALE_KM = 3;
/** Scales seats to demand; tuned so that 70–85 % are placed. */
const SEATS_PER_FIRST_CHOICE = 0.86;

/** mulberry32: tiny, fast and good enough for synthetic data; the seed makes every run identical. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Kindergarten {
  x: number;
  y: number;
  popularity: number;
}

interface AgeCell {
  /** Program ids and their kindergartens, for one municipality and age group. */
  programs: string[];
  kindergartens: Kindergarten[];
}

interface Municipality {
  x: number;
  y: number;
  spread: number;
  /** Per age group, the kindergartens offering it. */
  cells: AgeCell[];
  siblingPolicy: 'sibling-first' | 'one-tier-up';
}

export function generateInstance({ children, seed = 1, programs }: GeneratorOptions): InstanceJson {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = (weights: readonly number[]) => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
    return weights.length - 1;
  };

  // Municipalities of Zipf-like size: one city, several towns, many districts.
  const targetPrograms = programs ?? Math.max(10, Math.round(children / 200));
  const kindergartenCount = Math.max(2, Math.round(targetPrograms / 5));
  const municipalityCount = Math.max(1, Math.round(kindergartenCount / 25));
  const sizes = Array.from({ length: municipalityCount }, (_, m) => 1 / (m + 1) ** 0.9);
  const municipalities: Municipality[] = sizes.map((size) => ({
    x: random() * REGION_KM,
    y: random() * REGION_KM,
    spread: 2 + 10 * Math.sqrt(size),
    cells: AGE_GROUPS.map(() => ({ programs: [], kindergartens: [] })),
    siblingPolicy: random() < 0.5 ? 'sibling-first' : 'one-tier-up',
  }));

  const programList: { id: string; capacity: number }[] = [];
  for (let k = 0; k < kindergartenCount; k++) {
    const m = municipalities[pick(sizes)]!;
    // Zipf popularity (a famous few, a long tail), blurred by a lognormal so ties are rare.
    const kindergarten: Kindergarten = {
      x: m.x + gaussian() * m.spread,
      y: m.y + gaussian() * m.spread,
      popularity: (1 / (1 + Math.floor(random() * 25))) * Math.exp(0.3 * gaussian()),
    };
    const groups = 3 + Math.floor(random() * 5);
    const first = Math.floor(random() * (AGE_GROUPS.length - groups + 1));
    for (let g = first; g < first + groups; g++) {
      const id = `K${String(k).padStart(4, '0')}/${AGE_GROUPS[g]}/gen`;
      programList.push({ id, capacity: 0 });
      m.cells[g]!.programs.push(id);
      m.cells[g]!.kindergartens.push(kindergarten);
    }
  }
  const programIndex = new Map(programList.map((p, i) => [p.id, i]));

  // Registration moments over three years; the serial follows them like an application number.
  const registered = new Float64Array(children);
  for (let i = 0; i < children; i++) registered[i] = QUEUE_START + Math.floor(random() * QUEUE_SECONDS);
  registered.sort();

  const firstChoices = new Float64Array(programList.length);
  const childList: ChildJson[] = [];
  for (let i = 0; i < children; i++) {
    const m = municipalities[pick(sizes)]!;
    let age = pick(AGE_DEMAND);
    while (m.cells[age]!.programs.length === 0) age = (age + 1) % AGE_GROUPS.length;
    const cell = m.cells[age]!;
    const homeX = m.x + gaussian() * m.spread * 1.1;
    const homeY = m.y + gaussian() * m.spread * 1.1;
    const attraction = cell.kindergartens.map(
      (k) => k.popularity * Math.exp(-Math.hypot(k.x - homeX, k.y - homeY) / DISTANCE_SCALE_KM) + 1e-9,
    );

    const transfer = random() < 0.03 && cell.programs.length > 1;
    let current: string | undefined;
    if (transfer) {
      const at = pick(attraction);
      current = cell.programs[at];
      attraction[at] = 0;
    }
    const wanted = Math.min(
      transfer ? 1 + Math.floor(random() * 3) : 1 + pick(PREFERENCE_COUNT),
      cell.programs.length - (transfer ? 1 : 0),
    );
    const preferences: string[] = [];
    for (let n = 0; n < wanted; n++) {
      const at = pick(attraction);
      preferences.push(cell.programs[at]!);
      attraction[at] = 0;
    }
    if (preferences[0] !== undefined) firstChoices[programIndex.get(preferences[0])!]!++;

    const r = random();
    const benefitClass = r < 0.01 ? 0 : r < 0.13 ? 1 : 2;
    const registeredAt = registered[i]!;
    const serial = i + 1;
    const child: ChildJson = {
      id: `A-${new Date(registeredAt * 1000).getUTCFullYear()}-${String(serial).padStart(7, '0')}`,
      preferences,
      priority: [benefitClass, registeredAt, serial],
    };
    if (random() < 0.08 && preferences.length > 0) {
      // The sibling usually attends the family's first choice; the tier it grants is municipal configuration.
      const sibling =
        random() < 0.6 ? preferences[0]! : preferences[Math.floor(random() * preferences.length)]!;
      const tier = m.siblingPolicy === 'sibling-first' ? -1 : Math.max(0, benefitClass - 1);
      child.programPriority = { [sibling]: [tier, registeredAt, serial] };
    }
    if (current !== undefined) child.current = current;
    childList.push(child);
  }

  // Seats: half follow demand, half are spread evenly in the cell, so popular kindergartens are
  // oversubscribed and some unpopular ones keep free seats; about 3 % have no seats this wave.
  for (const m of municipalities)
    for (const cell of m.cells) {
      if (cell.programs.length === 0) continue;
      const indices = cell.programs.map((id) => programIndex.get(id)!);
      const mean = indices.reduce((sum, p) => sum + firstChoices[p]!, 0) / indices.length;
      for (const p of indices) {
        const demand = 0.5 * firstChoices[p]! + 0.5 * mean;
        programList[p]!.capacity =
          random() < 0.03 ? 0 : Math.round(SEATS_PER_FIRST_CHOICE * demand * Math.exp(0.2 * gaussian()));
      }
    }
  // Seats held by transferring children are part of the capacity (spec v1).
  for (const child of childList) if (child.current) programList[programIndex.get(child.current)!]!.capacity++;

  // Exports list children in no useful order; shuffling keeps the benchmark honest about memory access.
  for (let i = childList.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [childList[i], childList[j]] = [childList[j]!, childList[i]!];
  }
  return { version: 1, programs: programList, children: childList };
}

/** Writes `instance` as JSON, gzip-compressed when `path` ends in `.gz`, without one giant string. */
export async function writeInstance(instance: InstanceJson, path: string): Promise<void> {
  function* chunks() {
    yield `{"version":1,"programs":${JSON.stringify(instance.programs)},"children":[`;
    const { children } = instance;
    for (let i = 0; i < children.length; i += 10_000)
      yield (
        (i > 0 ? ',' : '') +
        children
          .slice(i, i + 10_000)
          .map((c) => JSON.stringify(c))
          .join(',')
      );
    yield ']}\n';
  }
  const source = Readable.from(chunks());
  if (path.endsWith('.gz')) await pipeline(source, createGzip(), createWriteStream(path));
  else await pipeline(source, createWriteStream(path));
}

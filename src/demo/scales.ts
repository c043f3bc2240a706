/**
 * Sizes of the generated region. `applications` is the target number of children registered over
 * the birth years in the data (each with one application, a few with a second); the generator
 * lands within a few per cent of it. `unbuilt` kindergartens are under construction or planned.
 */
export const SCALE_NAMES = ['tiny', 'demo', 'city', 'region', 'national'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface Scale {
  name: ScaleName;
  municipalities: number;
  kindergartens: number;
  unbuilt: number;
  applications: number;
  /** Share of the region's children living in the regional centre. */
  capitalShare: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  // For tests: small enough for a medium test on PGlite in a few seconds.
  tiny: {
    name: 'tiny',
    municipalities: 2,
    kindergartens: 12,
    unbuilt: 1,
    applications: 400,
    capitalShare: 0.6,
  },
  // A newcomer's first `npm start`: a small real region, loads in seconds on PGlite.
  demo: {
    name: 'demo',
    municipalities: 8,
    kindergartens: 250,
    unbuilt: 6,
    applications: 30_000,
    capitalShare: 0.32,
  },
  // One big city with its suburbs.
  city: {
    name: 'city',
    municipalities: 2,
    kindergartens: 380,
    unbuilt: 8,
    applications: 100_000,
    capitalShare: 0.85,
  },
  // A large region.
  region: {
    name: 'region',
    municipalities: 8,
    kindergartens: 1000,
    unbuilt: 20,
    applications: 300_000,
    capitalShare: 0.32,
  },
  // The benchmarks' worst case: a very large region (or a Citus shard group).
  national: {
    name: 'national',
    municipalities: 40,
    kindergartens: 5000,
    unbuilt: 100,
    applications: 1_000_000,
    capitalShare: 0.08,
  },
};

export function isScaleName(name: string): name is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(name);
}

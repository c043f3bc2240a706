import type { IndicatorSummary } from '../../../contracts/kindergarten-reporting.js';

/**
 * Answers for hand-region.ts computed on paper. Band = floor(full months of age / 6); 3–7 = bands 6–13.
 *
 * Day 1, 2024-03-01 (period 2023-03-02 … 2024-03-01):
 *  A: app1 c1 45 mo → band 7, desired 2023-09-01 reached → actual. app2 c2 36 mo → band 6, desired
 *     2024-09-01 → deferred, class first (verified 2022-03-20). app3 c3 18 mo → band 3, desired moved to
 *     2024-09-01 on 2023-08-28 → deferred. app4: c4 attends (A1Older) → not demand. app5 c5 29 mo →
 *     band 4, actual, general (extraordinary verified only on 2024-05-01). app9 not registered yet.
 *     c4 51 mo → band 8 enrolled. actual 2, deferred 2, enrolled 1, placed 1; 3–7: actual 1 (app1),
 *     placed 1 (c4) → 50 %. Capacity 10+20+15 = 45, free 10+19+15 = 44. Flows: app3 directed
 *     2023-08-20 (wave 2023-08, choice rank 2), 222 days after 2023-01-10; refused the offer 2023-08-28.
 *  B: app6 no_show → not counted; app7 c7 69 mo → band 11, actual, class sibling (valid to 2024-08-31).
 *     app8 refused. actual 1 → availability 0/(0+1) = 0 %. Capacity 25, free 25. Flows: app6 directed
 *     2023-06-15 (wave 2023-06, rank 1), 834 days after 2021-03-03; no-show 2023-07-16; app8 service
 *     refusal 2024-02-05.
 *  Region: actual 3, deferred 2, placed 1; 3–7 placed 1, actual 2 → 33.33 %. Waits 222, 834 →
 *     mean 528, median 528.
 *
 * Day 2, 2024-10-01 (period 2023-10-02 … 2024-10-01):
 *  A: c1 52 mo → band 8 enrolled. app2 c2 43 mo → band 7, actual, first. app3 c3 25 mo → band 4, actual.
 *     app4 c4 58 mo → band 9, actual (left 2024-06-30). app5 c5 36 mo → band 6 directed (A1Young).
 *     app9 c9 15 mo → band 2 deferred. actual 3, deferred 1, directed 1, enrolled 1, placed 2;
 *     3–7: actual 2 (app2, app4), placed 2 (c1, app5) → 50 %. Capacity 12+20+15 = 47, free
 *     (12−1)+(20−1)+15 = 45. Flows: app1 directed 2024-04-10 (rank 1, 1181 days), app5 directed
 *     2024-09-10 (rank 1, 494 days) → mean 837.5, median 837.5.
 *  B: app7 c7 76 mo → band 12, actual, general (sibling right ended 2024-08-31) → 0 %. Flows: app8
 *     service refusal 2024-02-05.
 *  Region: actual 4, deferred 1, placed 2; 3–7 placed 2, actual 3 → 40 %.
 */
type Expected = Omit<IndicatorSummary, 'bands'> & {
  bandsNonZero: Record<number, Partial<Record<'actual' | 'deferred' | 'directed' | 'enrolled', number>>>;
};

const none = { extraordinary: 0, first: 0, sibling: 0, general: 0 };

export const HAND_DAYS = ['2024-03-01', '2024-10-01'] as const;

export const HAND_ANSWERS: Record<(typeof HAND_DAYS)[number], Record<'A' | 'B' | 'region', Expected>> = {
  '2024-03-01': {
    A: {
      actualDemand: 2,
      deferredDemand: 2,
      directed: 0,
      enrolled: 1,
      placed: 1,
      actualDemand37: 1,
      placed37: 1,
      availability37: 50,
      queueByClass: { ...none, first: 1, general: 3 },
      capacity: 45,
      freePlaces: 44,
      directions: 1,
      waitingMeanDays: 222,
      waitingMedianDays: 222,
      placementsByWave: [{ wave: '2023-08', count: 1 }],
      placementsByRank: [{ rank: 2, count: 1 }],
      offersRefused: 1,
      serviceRefusals: 0,
      noShows: 0,
      bandsNonZero: {
        3: { deferred: 1 },
        4: { actual: 1 },
        6: { deferred: 1 },
        7: { actual: 1 },
        8: { enrolled: 1 },
      },
    },
    B: {
      actualDemand: 1,
      deferredDemand: 0,
      directed: 0,
      enrolled: 0,
      placed: 0,
      actualDemand37: 1,
      placed37: 0,
      availability37: 0,
      queueByClass: { ...none, sibling: 1 },
      capacity: 25,
      freePlaces: 25,
      directions: 1,
      waitingMeanDays: 834,
      waitingMedianDays: 834,
      placementsByWave: [{ wave: '2023-06', count: 1 }],
      placementsByRank: [{ rank: 1, count: 1 }],
      offersRefused: 0,
      serviceRefusals: 1,
      noShows: 1,
      bandsNonZero: { 11: { actual: 1 } },
    },
    region: {
      actualDemand: 3,
      deferredDemand: 2,
      directed: 0,
      enrolled: 1,
      placed: 1,
      actualDemand37: 2,
      placed37: 1,
      availability37: 33.33,
      queueByClass: { ...none, first: 1, sibling: 1, general: 3 },
      capacity: 70,
      freePlaces: 69,
      directions: 2,
      waitingMeanDays: 528,
      waitingMedianDays: 528,
      placementsByWave: [
        { wave: '2023-06', count: 1 },
        { wave: '2023-08', count: 1 },
      ],
      placementsByRank: [
        { rank: 1, count: 1 },
        { rank: 2, count: 1 },
      ],
      offersRefused: 1,
      serviceRefusals: 1,
      noShows: 1,
      bandsNonZero: {
        3: { deferred: 1 },
        4: { actual: 1 },
        6: { deferred: 1 },
        7: { actual: 1 },
        8: { enrolled: 1 },
        11: { actual: 1 },
      },
    },
  },
  '2024-10-01': {
    A: {
      actualDemand: 3,
      deferredDemand: 1,
      directed: 1,
      enrolled: 1,
      placed: 2,
      actualDemand37: 2,
      placed37: 2,
      availability37: 50,
      queueByClass: { ...none, first: 1, general: 3 },
      capacity: 47,
      freePlaces: 45,
      directions: 2,
      waitingMeanDays: 837.5,
      waitingMedianDays: 837.5,
      placementsByWave: [
        { wave: '2024-04', count: 1 },
        { wave: '2024-09', count: 1 },
      ],
      placementsByRank: [{ rank: 1, count: 2 }],
      offersRefused: 0,
      serviceRefusals: 0,
      noShows: 0,
      bandsNonZero: {
        2: { deferred: 1 },
        4: { actual: 1 },
        6: { directed: 1 },
        7: { actual: 1 },
        8: { enrolled: 1 },
        9: { actual: 1 },
      },
    },
    B: {
      actualDemand: 1,
      deferredDemand: 0,
      directed: 0,
      enrolled: 0,
      placed: 0,
      actualDemand37: 1,
      placed37: 0,
      availability37: 0,
      queueByClass: { ...none, general: 1 },
      capacity: 25,
      freePlaces: 25,
      directions: 0,
      waitingMeanDays: null,
      waitingMedianDays: null,
      placementsByWave: [],
      placementsByRank: [],
      offersRefused: 0,
      serviceRefusals: 1,
      noShows: 0,
      bandsNonZero: { 12: { actual: 1 } },
    },
    region: {
      actualDemand: 4,
      deferredDemand: 1,
      directed: 1,
      enrolled: 1,
      placed: 2,
      actualDemand37: 3,
      placed37: 2,
      availability37: 40,
      queueByClass: { ...none, first: 1, general: 4 },
      capacity: 72,
      freePlaces: 70,
      directions: 2,
      waitingMeanDays: 837.5,
      waitingMedianDays: 837.5,
      placementsByWave: [
        { wave: '2024-04', count: 1 },
        { wave: '2024-09', count: 1 },
      ],
      placementsByRank: [{ rank: 1, count: 2 }],
      offersRefused: 0,
      serviceRefusals: 1,
      noShows: 0,
      bandsNonZero: {
        2: { deferred: 1 },
        4: { actual: 1 },
        6: { directed: 1 },
        7: { actual: 1 },
        8: { enrolled: 1 },
        9: { actual: 1 },
        12: { actual: 1 },
      },
    },
  },
};

/** Compares a computed summary with the paper answer: every field, and every band row. */
export function expectedBands(e: Expected) {
  return Array.from({ length: 16 }, (_, band) => {
    const nz = e.bandsNonZero[band] ?? {};
    const row = {
      band,
      actual: nz.actual ?? 0,
      deferred: nz.deferred ?? 0,
      directed: nz.directed ?? 0,
      enrolled: nz.enrolled ?? 0,
    };
    return { ...row, placed: row.directed + row.enrolled };
  });
}

export function expectedSummary(e: Expected): IndicatorSummary {
  const { bandsNonZero: _unused, ...rest } = e;
  return { ...rest, bands: expectedBands(e) };
}

/**
 * A small region built by hand for the indicator tests, with answers computed on paper (see
 * hand-region-answers.ts). It uses the fixture region's shape (src/app/testing/fixture-region.ts):
 * municipalities A and B, kindergartens KA1, KA2 (A) and KB1 (B), groups A1Young (cap. 10, 12 from
 * 2024-06-01), A1Older (20), A2 (15), B1 (25). All instants are UTC at office hours, so their local
 * (UTC+3) day is the same calendar day.
 */
export type Muni = 'A' | 'B';
export type Kg = 'KA1' | 'KA2' | 'KB1';
export type GroupKey = 'A1Young' | 'A1Older' | 'A2' | 'B1';

export interface HandStatusEvent {
  at: string;
  from: string | null;
  to: string;
  kg?: Kg;
  group?: GroupKey;
}

export interface HandApplication {
  key: string;
  muni: Muni;
  child: string;
  registeredAt: string;
  desiredDate: string;
  status: string;
  events: HandStatusEvent[];
  desiredChanges?: { at: string; from: string; to: string }[];
  benefits?: {
    class: 'extraordinary' | 'first' | 'sibling';
    status: 'claimed' | 'verified' | 'rejected' | 'expired';
    claimedAt: string;
    decidedAt: string | null;
    validUntil: string | null;
  }[];
  choices: Kg[];
}

export const HAND_CHILDREN: Record<string, string> = {
  c1: '2020-05-10',
  c2: '2021-02-20',
  c3: '2022-08-05',
  c4: '2019-12-01',
  c5: '2021-09-15',
  c6: '2020-01-20',
  c7: '2018-06-01',
  c8: '2022-01-01',
  c9: '2023-07-01',
};

export const HAND_GROUP_KG: Record<GroupKey, Kg> = { A1Young: 'KA1', A1Older: 'KA1', A2: 'KA2', B1: 'KB1' };
export const HAND_KG_MUNI: Record<Kg, Muni> = { KA1: 'A', KA2: 'A', KB1: 'B' };
export const HAND_CAPACITIES: { group: GroupKey; validFrom: string; capacity: number }[] = [
  { group: 'A1Young', validFrom: '2020-01-01T00:00:00Z', capacity: 10 },
  { group: 'A1Young', validFrom: '2024-06-01T00:00:00Z', capacity: 12 },
  { group: 'A1Older', validFrom: '2020-01-01T00:00:00Z', capacity: 20 },
  { group: 'A2', validFrom: '2020-01-01T00:00:00Z', capacity: 15 },
  { group: 'B1', validFrom: '2020-01-01T00:00:00Z', capacity: 25 },
];

export const HAND_ENROLLMENTS: {
  child: string;
  group: GroupKey;
  enrolledOn: string;
  leftOn: string | null;
  app?: string;
}[] = [
  { child: 'c1', group: 'A1Older', enrolledOn: '2024-05-02', leftOn: null, app: 'app1' },
  // c4 attended before the system; left on 30 June, so its transfer application counts from then.
  { child: 'c4', group: 'A1Older', enrolledOn: '2023-09-01', leftOn: '2024-06-30' },
];

export const HAND_APPLICATIONS: HandApplication[] = [
  {
    key: 'app1',
    muni: 'A',
    child: 'c1',
    registeredAt: '2021-01-15T10:00:00Z',
    desiredDate: '2023-09-01',
    status: 'enrolled',
    choices: ['KA1'],
    events: [
      { at: '2021-01-15T10:00:00Z', from: null, to: 'registered' },
      { at: '2024-04-10T09:00:00Z', from: 'registered', to: 'directed', kg: 'KA1', group: 'A1Older' },
      { at: '2024-05-02T09:00:00Z', from: 'directed', to: 'enrolled', kg: 'KA1', group: 'A1Older' },
    ],
  },
  {
    key: 'app2',
    muni: 'A',
    child: 'c2',
    registeredAt: '2022-03-01T09:00:00Z',
    desiredDate: '2024-09-01',
    status: 'registered',
    choices: ['KA1', 'KA2'],
    events: [{ at: '2022-03-01T09:00:00Z', from: null, to: 'registered' }],
    benefits: [
      {
        class: 'first',
        status: 'verified',
        claimedAt: '2022-03-01T09:00:00Z',
        decidedAt: '2022-03-20T09:00:00Z',
        validUntil: null,
      },
    ],
  },
  {
    key: 'app3',
    muni: 'A',
    child: 'c3',
    registeredAt: '2023-01-10T08:00:00Z',
    desiredDate: '2024-09-01',
    status: 'registered',
    choices: ['KA1', 'KA2'],
    events: [
      { at: '2023-01-10T08:00:00Z', from: null, to: 'registered' },
      { at: '2023-08-20T09:00:00Z', from: 'registered', to: 'directed', kg: 'KA2', group: 'A2' },
      { at: '2023-08-28T10:00:00Z', from: 'directed', to: 'registered', kg: 'KA2', group: 'A2' },
    ],
    desiredChanges: [{ at: '2023-08-28T10:00:01Z', from: '2023-09-01', to: '2024-09-01' }],
  },
  {
    key: 'app4',
    muni: 'A',
    child: 'c4',
    registeredAt: '2024-01-10T08:00:00Z',
    desiredDate: '2024-01-10',
    status: 'registered',
    choices: ['KA2'],
    events: [{ at: '2024-01-10T08:00:00Z', from: null, to: 'registered' }],
  },
  {
    key: 'app5',
    muni: 'A',
    child: 'c5',
    registeredAt: '2023-05-05T07:00:00Z',
    desiredDate: '2024-01-15',
    status: 'directed',
    choices: ['KA1'],
    events: [
      { at: '2023-05-05T07:00:00Z', from: null, to: 'registered' },
      { at: '2024-09-10T09:00:00Z', from: 'registered', to: 'directed', kg: 'KA1', group: 'A1Young' },
    ],
    benefits: [
      {
        class: 'extraordinary',
        status: 'verified',
        claimedAt: '2023-05-05T07:00:00Z',
        decidedAt: '2024-05-01T09:00:00Z',
        validUntil: null,
      },
    ],
  },
  {
    key: 'app6',
    muni: 'B',
    child: 'c6',
    registeredAt: '2021-03-03T06:00:00Z',
    desiredDate: '2023-09-01',
    status: 'no_show',
    choices: ['KB1'],
    events: [
      { at: '2021-03-03T06:00:00Z', from: null, to: 'registered' },
      { at: '2023-06-15T09:00:00Z', from: 'registered', to: 'directed', kg: 'KB1', group: 'B1' },
      { at: '2023-07-16T12:00:00Z', from: 'directed', to: 'no_show', kg: 'KB1', group: 'B1' },
    ],
  },
  {
    key: 'app7',
    muni: 'B',
    child: 'c7',
    registeredAt: '2023-11-01T05:00:00Z',
    desiredDate: '2023-11-01',
    status: 'registered',
    choices: ['KB1'],
    events: [{ at: '2023-11-01T05:00:00Z', from: null, to: 'registered' }],
    benefits: [
      {
        class: 'sibling',
        status: 'verified',
        claimedAt: '2023-11-01T05:00:00Z',
        decidedAt: '2023-11-10T09:00:00Z',
        validUntil: '2024-08-31',
      },
    ],
  },
  {
    key: 'app8',
    muni: 'B',
    child: 'c8',
    registeredAt: '2024-02-01T08:00:00Z',
    desiredDate: '2024-09-01',
    status: 'refused',
    choices: ['KB1'],
    events: [
      { at: '2024-02-01T08:00:00Z', from: null, to: 'new' },
      { at: '2024-02-05T09:00:00Z', from: 'new', to: 'refused' },
    ],
  },
  {
    key: 'app9',
    muni: 'A',
    child: 'c9',
    registeredAt: '2024-05-20T08:00:00Z',
    desiredDate: '2025-09-01',
    status: 'registered',
    choices: ['KA1'],
    events: [{ at: '2024-05-20T08:00:00Z', from: null, to: 'registered' }],
  },
];

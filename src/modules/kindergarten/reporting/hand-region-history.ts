import {
  HAND_APPLICATIONS,
  HAND_CAPACITIES,
  HAND_CHILDREN,
  HAND_ENROLLMENTS,
  HAND_GROUP_KG,
  HAND_KG_MUNI,
  type GroupKey,
  type Kg,
  type Muni,
} from './hand-region.js';
import type { RegionHistory } from './reconstruct-history.js';

/** The hand region as the pure reconstruction's input, with the ids a test picks. */
export interface HandIds {
  muni: Record<Muni, number>;
  kg: Record<Kg, number>;
  group: Record<GroupKey, number>;
}

export const PURE_IDS: HandIds = {
  muni: { A: 1, B: 2 },
  kg: { KA1: 11, KA2: 12, KB1: 21 },
  group: { A1Young: 101, A1Older: 102, A2: 103, B1: 201 },
};

export function handRegionHistory(ids: HandIds = PURE_IDS): RegionHistory {
  let eventId = 0;
  return {
    groups: (Object.keys(HAND_GROUP_KG) as GroupKey[]).map((g) => ({
      groupId: ids.group[g],
      kindergartenId: ids.kg[HAND_GROUP_KG[g]],
      municipalityId: ids.muni[HAND_KG_MUNI[HAND_GROUP_KG[g]]],
      capacities: HAND_CAPACITIES.filter((c) => c.group === g).map((c) => ({
        validFrom: Date.parse(c.validFrom),
        capacity: c.capacity,
      })),
    })),
    enrollments: HAND_ENROLLMENTS.map((e) => ({
      childId: e.child,
      birthDate: HAND_CHILDREN[e.child]!,
      groupId: ids.group[e.group],
      enrolledOn: e.enrolledOn,
      leftOn: e.leftOn,
    })),
    applications: HAND_APPLICATIONS.map((a) => ({
      id: a.key,
      municipalityId: ids.muni[a.muni],
      childId: a.child,
      birthDate: HAND_CHILDREN[a.child]!,
      registeredAt: Date.parse(a.registeredAt),
      desiredDate: a.desiredDate,
      statusEvents: a.events.map((e) => ({
        id: ++eventId,
        at: Date.parse(e.at),
        from: e.from,
        to: e.to,
        kindergartenId: e.kg ? ids.kg[e.kg] : null,
        groupId: e.group ? ids.group[e.group] : null,
      })),
      desiredDateChanges: (a.desiredChanges ?? []).map((c) => ({ ...c, at: Date.parse(c.at) })),
      benefits: (a.benefits ?? []).map((b) => ({
        class: b.class,
        status: b.status,
        decidedAt: b.decidedAt ? Date.parse(b.decidedAt) : null,
        validUntil: b.validUntil,
      })),
      choices: a.choices.map((kg, i) => ({ rank: i + 1, kindergartenId: ids.kg[kg] })),
    })),
  };
}

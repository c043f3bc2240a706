import type { FixtureRegion } from '../../../app/testing/fixture-region.js';
import type { Db } from '../../../platform/db/database.js';
import {
  HAND_APPLICATIONS,
  HAND_CAPACITIES,
  HAND_CHILDREN,
  HAND_ENROLLMENTS,
  type GroupKey,
} from './hand-region.js';
import type { HandIds } from './hand-region-history.js';

/** Loads hand-region.ts into the fixture region's database (medium tests); returns the ids used. */
export async function loadHandRegion(db: Db, f: FixtureRegion): Promise<HandIds> {
  const groupOf = async (kindergartenId: number) =>
    (
      await db
        .selectFrom('kg_group')
        .select('id')
        .where('kindergarten_id', '=', kindergartenId)
        .executeTakeFirstOrThrow()
    ).id;
  const ids: HandIds = {
    muni: { A: f.municipalityA, B: f.municipalityB },
    kg: { KA1: f.kindergartenA1, KA2: f.kindergartenA2, KB1: f.kindergartenB1 },
    group: {
      A1Young: f.groupA1Young,
      A1Older: f.groupA1Older,
      A2: await groupOf(f.kindergartenA2),
      B1: await groupOf(f.kindergartenB1),
    },
  };
  // The fixture already holds every capacity valid from 2020; add the later changes.
  const later = HAND_CAPACITIES.filter((c) => c.validFrom > '2020-01-01T00:00:00Z');
  for (const c of later)
    await db
      .insertInto('kg_group_capacity')
      .values({
        group_id: ids.group[c.group as GroupKey],
        valid_from: c.validFrom,
        capacity: c.capacity,
        caretakers: 2,
      })
      .execute();

  const childIds: Record<string, string> = {};
  let n = 0;
  for (const [key, birth] of Object.entries(HAND_CHILDREN)) {
    n++;
    const row = await db
      .insertInto('child')
      .values({
        last_name: 'Тестов',
        first_name: key,
        birth_date: birth,
        birth_certificate: `II-ТС ${100000 + n}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    childIds[key] = row.id;
  }
  const appIds: Record<string, string> = {};
  for (const a of HAND_APPLICATIONS) {
    const last = a.events[a.events.length - 1]!;
    const row = await db
      .insertInto('application')
      .values({
        number: `TEST-${a.key}`,
        municipality_id: ids.muni[a.muni],
        child_id: childIds[a.child]!,
        applicant_name: 'Тестова Анна',
        address: 'ул. Тестовая, 1',
        registered_at: a.registeredAt,
        desired_date: a.desiredDate,
        status: a.status as never,
        status_changed_at: new Date(last.at),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    appIds[a.key] = row.id;
    await db
      .insertInto('application_choice')
      .values(
        a.choices.map((kg, i) => ({ application_id: row.id, rank: i + 1, kindergarten_id: ids.kg[kg] })),
      )
      .execute();
    for (const e of a.events)
      await db
        .insertInto('application_event')
        .values({
          application_id: row.id,
          occurred_at: new Date(e.at),
          kind: 'status',
          from_status: e.from,
          to_status: e.to,
          data: JSON.stringify(e.kg ? { kindergartenId: ids.kg[e.kg], groupId: ids.group[e.group!] } : {}),
        })
        .execute();
    for (const c of a.desiredChanges ?? [])
      await db
        .insertInto('application_event')
        .values({
          application_id: row.id,
          occurred_at: new Date(c.at),
          kind: 'desired_date',
          data: JSON.stringify({ from: c.from, to: c.to }),
        })
        .execute();
    for (const b of a.benefits ?? [])
      await db
        .insertInto('benefit')
        .values({
          application_id: row.id,
          kind: b.class === 'sibling' ? 'sibling' : b.class === 'first' ? 'military' : 'judge',
          class: b.class,
          status: b.status,
          sibling_kindergarten_id: b.class === 'sibling' ? ids.kg.KB1 : null,
          valid_until: b.validUntil,
          decided_at: b.decidedAt ? new Date(b.decidedAt) : null,
          claimed_at: new Date(b.claimedAt),
        })
        .execute();
  }
  for (const e of HAND_ENROLLMENTS)
    await db
      .insertInto('enrollment')
      .values({
        group_id: ids.group[e.group],
        child_id: childIds[e.child]!,
        application_id: e.app ? appIds[e.app]! : null,
        enrolled_on: e.enrolledOn,
        left_on: e.leftOn,
      })
      .execute();
  return ids;
}

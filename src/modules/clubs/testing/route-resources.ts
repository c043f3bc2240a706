import type { RouteResourceMaker } from '../../../app/testing/route-resources.js';
import type { Db } from '../../../platform/db/database.js';
import { DEMO_VK_APP_ID, DEMO_VK_APP_SECRET } from '../../../platform/config.js';
import { regionDay } from '../../../platform/families/family-service.js';
import { nextEnrolmentNumber } from '../enrolment/queries.js';
import { signedLaunchQuery } from '../vk/launch-signature.js';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A programme of school A1 (ages 7–14) with two groups open today, for tests and the matrix. */
export async function createClubsProgramme(
  db: Db,
  organisationId: number,
  o: { seats?: number; title?: string; ageMin?: number; ageMax?: number; ovz?: string[] } = {},
) {
  const today = regionDay(new Date());
  const programme = await db
    .insertInto('clubs_programme')
    .values({
      organisation_id: organisationId,
      title: o.title ?? 'Робототехника для начинающих',
      direction: 'technical',
      specialisation: 'робототехника',
      level: 'starting',
      age_min: o.ageMin ?? 7,
      age_max: o.ageMax ?? 14,
      description: 'Собираем и программируем роботов.',
      format: 'in_person',
      ovz_types: o.ovz ?? ['speech'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const group = (name: string, financing: 'budget' | 'paid') =>
    db
      .insertInto('clubs_group')
      .values({
        programme_id: programme.id,
        name,
        financing,
        monthly_price: financing === 'paid' ? 1500 : null,
        enrolment_opens_on: addDays(today, -10),
        enrolment_closes_on: addDays(today, 30),
        starts_on: addDays(today, 5),
        ends_on: addDays(today, 200),
        hours_per_year: 144,
        schedule: JSON.stringify([{ weekday: 2, start: '16:00', minutes: 45 }]),
        seats: o.seats ?? 12,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const a = await group('Группа 1', 'budget');
  const b = await group('Группа 2', 'paid');
  return { programmeId: programme.id, groupId: a.id, otherGroupId: b.id };
}

let launches = 0;

/**
 * A programme of school A1 with its groups and a registered enrolment of citizen1's child (the
 * platform's :childId) in the first one: school A1's club staff and municipality A's coordinator
 * reach it, B's coordinator, B's school head and citizen2 must not.
 */
export const clubsRouteResources: RouteResourceMaker = {
  name: 'clubs',
  params: ['programmeId', 'enrolmentId', 'clubsGroupId'],
  needs: ['childId'],
  async create(db, f, filled) {
    const p = await createClubsProgramme(db, f.schoolA1);
    await db.updateTable('clubs_group').set({ seats_taken: 1 }).where('id', '=', p.groupId).execute();
    // From the module's own sequence: random numbers collided across the matrix's many resource sets.
    const number = `ДО-2026-${String(await nextEnrolmentNumber(db)).padStart(6, '0')}`;
    const e = await db
      .insertInto('clubs_enrolment')
      .values({
        number,
        group_id: p.groupId,
        child_id: filled.childId!,
        applicant_user_id: f.users.citizen1,
        status: 'registered',
        channel: 'web',
        waitlisted_at: null,
        offer_expires_at: null,
        review_due: addDays(regionDay(new Date()), 9),
        refusal_reason: null,
        refusal_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      programmeId: String(p.programmeId),
      enrolmentId: String(e.id),
      clubsGroupId: String(p.otherGroupId),
    };
  },
  examples: {
    'POST /api/my/clubs/enrolments': (ids) => ({
      body: { childId: ids.childId, groupId: Number(ids.clubsGroupId) },
    }),
    'GET /api/staff/clubs/enrolments': (ids) => ({ query: { organisationId: ids.organisationId! } }),
    'POST /api/staff/clubs/enrolments/:enrolmentId/decision': () => ({ body: { to: 'under_review' } }),
    // A launch signed by the demo app, fresh at every send (each request is serialised anew), so
    // each caller exchanges a launch of its own rather than replaying the previous one.
    'POST /api/vk/launch': () => ({
      body: {
        params: {
          toJSON: () =>
            signedLaunchQuery(
              {
                vk_app_id: DEMO_VK_APP_ID,
                vk_user_id: 494075,
                vk_ts: Math.floor(Date.now() / 1000),
                vk_ref: `matrix_${++launches}`,
                vk_platform: 'mobile_web',
              },
              DEMO_VK_APP_SECRET,
            ),
        },
      },
    }),
    'POST /api/vk/link': () => ({ body: { token: 'x'.repeat(43) } }),
  },
};

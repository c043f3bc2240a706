import type { Db } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Role } from '../../platform/auth/roles.js';

/**
 * A small hand-made region for medium tests: two municipalities (A, B), kindergartens A1, A2 and B1
 * with a few groups, a school in each municipality, and one user per role and scope. Numbers are
 * small so answers can be checked by hand.
 */
export interface FixtureRegion {
  municipalityA: number;
  municipalityB: number;
  kindergartenA1: number;
  kindergartenA2: number;
  kindergartenB1: number;
  groupA1Young: number;
  groupA1Older: number;
  schoolA1: number;
  schoolB1: number;
  users: Record<FixtureUser, string>;
}

export type FixtureUser =
  | 'admin'
  | 'auditor'
  | 'sysadmin'
  | 'officerA'
  | 'officerB'
  | 'headA1'
  | 'headB1'
  | 'citizen1'
  | 'citizen2'
  // Staff of school A1 (and the head of school B1, a stranger to A's resources).
  | 'schoolHeadA1'
  | 'schoolHeadB1'
  | 'schoolStaffA1'
  | 'mealsA1'
  | 'cookA1'
  | 'teacherA1'
  | 'coordinatorA'
  | 'coordinatorB'
  | 'curOperator'
  | 'organiser'
  | 'expert';

/** Every fixture staff user's password (most tests sign in through sessions created directly). */
export const FIXTURE_PASSWORD = 'fixture-password';
let passwordHash: Promise<string> | null = null;
const fixturePasswordHash = () => (passwordHash ??= hashPassword(FIXTURE_PASSWORD));

export async function createFixtureRegion(db: Db): Promise<FixtureRegion> {
  await db.insertInto('region').values({ name_ru: 'Тестовая область', name_en: 'Test Region' }).execute();
  const [mA, mB] = await db
    .insertInto('municipality')
    .values([
      { code: 'alpha', name_ru: 'Альфа', name_en: 'Alpha', center_lat: 58.6, center_lon: 49.6 },
      { code: 'beta', name_ru: 'Бета', name_en: 'Beta', center_lat: 58.2, center_lon: 50.1 },
    ])
    .returning('id')
    .execute();
  const kgs = await db
    .insertInto('kindergarten')
    .values([
      {
        municipality_id: mA!.id,
        code: 'KA1',
        name_ru: 'Детский сад № 1 «Солнышко»',
        address: 'г. Альфа, ул. Ленина, 1',
        lat: 58.6,
        lon: 49.6,
      },
      {
        municipality_id: mA!.id,
        code: 'KA2',
        name_ru: 'Детский сад № 2 «Ромашка»',
        address: 'г. Альфа, ул. Мира, 5',
        lat: 58.61,
        lon: 49.62,
      },
      {
        municipality_id: mB!.id,
        code: 'KB1',
        name_ru: 'Детский сад № 7 «Берёзка»',
        address: 'г. Бета, ул. Садовая, 3',
        lat: 58.2,
        lon: 50.1,
      },
    ])
    .returning('id')
    .execute();
  const groups = await db
    .insertInto('kg_group')
    .values([
      { kindergarten_id: kgs[0]!.id, name: 'Ясельная', age_from: 1, age_to: 3, capacity: 10, caretakers: 2 },
      { kindergarten_id: kgs[0]!.id, name: 'Средняя', age_from: 4, age_to: 5, capacity: 20, caretakers: 2 },
      { kindergarten_id: kgs[1]!.id, name: 'Младшая', age_from: 3, age_to: 4, capacity: 15, caretakers: 2 },
      { kindergarten_id: kgs[2]!.id, name: 'Старшая', age_from: 5, age_to: 6, capacity: 25, caretakers: 2 },
    ])
    .returning(['id', 'capacity', 'caretakers'])
    .execute();
  await db
    .insertInto('kg_group_capacity')
    .values(
      groups.map((g) => ({
        group_id: g.id,
        valid_from: '2020-01-01T00:00:00Z',
        capacity: g.capacity,
        caretakers: g.caretakers,
      })),
    )
    .execute();

  const schools = await db
    .insertInto('organisation')
    .values([
      {
        kind: 'school',
        full_name: 'Муниципальное общеобразовательное учреждение «Средняя школа № 1 г. Альфа»',
        short_name: 'Школа № 1 г. Альфа',
        inn: '4345000016',
        kpp: '434501001',
        municipality_id: mA!.id,
        address: 'г. Альфа, ул. Школьная, 1',
        lat: 58.605,
        lon: 49.61,
      },
      {
        kind: 'school',
        full_name: 'Муниципальное общеобразовательное учреждение «Средняя школа № 3 г. Бета»',
        short_name: 'Школа № 3 г. Бета',
        inn: '4345000023',
        kpp: '434501001',
        municipality_id: mB!.id,
        address: 'г. Бета, ул. Школьная, 3',
        lat: 58.21,
        lon: 50.11,
      },
    ])
    .returning('id')
    .execute();

  // [name, kind, role, municipality, kindergarten, organisation]
  const spec: [FixtureUser, 'staff' | 'citizen', Role, number | null, number | null, number | null][] = [
    ['admin', 'staff', 'regional_admin', null, null, null],
    ['auditor', 'staff', 'auditor', null, null, null],
    ['sysadmin', 'staff', 'sysadmin', null, null, null],
    ['officerA', 'staff', 'municipal_officer', mA!.id, null, null],
    ['officerB', 'staff', 'municipal_officer', mB!.id, null, null],
    ['headA1', 'staff', 'kindergarten_head', null, kgs[0]!.id, kgs[0]!.id],
    ['headB1', 'staff', 'kindergarten_head', null, kgs[2]!.id, kgs[2]!.id],
    ['citizen1', 'citizen', 'citizen', null, null, null],
    ['citizen2', 'citizen', 'citizen', null, null, null],
    ['schoolHeadA1', 'staff', 'organisation_head', null, null, schools[0]!.id],
    ['schoolHeadB1', 'staff', 'organisation_head', null, null, schools[1]!.id],
    ['schoolStaffA1', 'staff', 'organisation_staff', null, null, schools[0]!.id],
    ['mealsA1', 'staff', 'meals_officer', null, null, schools[0]!.id],
    ['cookA1', 'staff', 'cook', null, null, schools[0]!.id],
    ['teacherA1', 'staff', 'club_teacher', null, null, schools[0]!.id],
    ['coordinatorA', 'staff', 'club_coordinator', mA!.id, null, null],
    ['coordinatorB', 'staff', 'club_coordinator', mB!.id, null, null],
    ['curOperator', 'staff', 'cur_operator', null, null, null],
    ['organiser', 'staff', 'contest_organiser', null, null, null],
    ['expert', 'staff', 'contest_expert', null, null, null],
  ];
  const users = {} as Record<FixtureUser, string>;
  for (const [name, kind, role, municipalityId, kindergartenId, organisationId] of spec) {
    const user = await db
      .insertInto('app_user')
      .values({
        kind,
        login: kind === 'staff' ? name.toLowerCase() : null,
        password_hash: kind === 'staff' ? await fixturePasswordHash() : null,
        oidc_subject: kind === 'citizen' ? `fixture-${name}` : null,
        full_name: `Test ${name}`,
        email: `${name.toLowerCase()}@example.test`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_assignment')
      .values({
        user_id: user.id,
        role,
        municipality_id: municipalityId,
        kindergarten_id: kindergartenId,
        organisation_id: organisationId,
      })
      .execute();
    users[name] = user.id;
  }
  return {
    municipalityA: mA!.id,
    municipalityB: mB!.id,
    kindergartenA1: kgs[0]!.id,
    kindergartenA2: kgs[1]!.id,
    kindergartenB1: kgs[2]!.id,
    groupA1Young: groups[0]!.id,
    groupA1Older: groups[1]!.id,
    schoolA1: schools[0]!.id,
    schoolB1: schools[1]!.id,
    users,
  };
}

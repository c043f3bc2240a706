import type { Db } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Role } from '../../platform/auth/roles.js';

/**
 * A small hand-made region for medium tests: two municipalities (A, B), two kindergartens in each,
 * a few groups, and one user per role and scope. Numbers are small so answers can be checked by hand.
 */
export interface FixtureRegion {
  municipalityA: number;
  municipalityB: number;
  kindergartenA1: number;
  kindergartenA2: number;
  kindergartenB1: number;
  groupA1Young: number;
  groupA1Older: number;
  users: Record<FixtureUser, string>;
}

export type FixtureUser =
  'admin' | 'auditor' | 'sysadmin' | 'officerA' | 'officerB' | 'headA1' | 'headB1' | 'citizen1' | 'citizen2';

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

  const spec: [FixtureUser, 'staff' | 'citizen', Role, number | null, number | null][] = [
    ['admin', 'staff', 'regional_admin', null, null],
    ['auditor', 'staff', 'auditor', null, null],
    ['sysadmin', 'staff', 'sysadmin', null, null],
    ['officerA', 'staff', 'municipal_officer', mA!.id, null],
    ['officerB', 'staff', 'municipal_officer', mB!.id, null],
    ['headA1', 'staff', 'kindergarten_head', mA!.id, kgs[0]!.id],
    ['headB1', 'staff', 'kindergarten_head', mB!.id, kgs[2]!.id],
    ['citizen1', 'citizen', 'citizen', null, null],
    ['citizen2', 'citizen', 'citizen', null, null],
  ];
  const users = {} as Record<FixtureUser, string>;
  for (const [name, kind, role, municipalityId, kindergartenId] of spec) {
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
        municipality_id: role === 'kindergarten_head' ? null : municipalityId,
        kindergarten_id: kindergartenId,
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
    users,
  };
}

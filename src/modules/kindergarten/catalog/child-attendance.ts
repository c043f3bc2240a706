import type { ChildAttendance, ChildAttendanceSource } from '../../../platform/families/attendance.js';
import { anyOf } from '../../../platform/db/any-of.js';

/** Tells «Моя семья» which kindergarten group each child attends now (the catalog's enrollments). */
export const kindergartenAttendance: ChildAttendanceSource = async (db, childIds) => {
  if (childIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrollment as e')
    .innerJoin('kg_group as g', 'g.id', 'e.group_id')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select(['e.child_id', 'k.id', 'k.name_ru', 'g.name', 'e.enrolled_on'])
    .where('e.child_id', '=', anyOf(childIds, 'uuid'))
    .where('e.left_on', 'is', null)
    .execute();
  return rows.map((r): ChildAttendance => ({
    childId: r.child_id,
    module: 'kindergarten',
    kind: 'kindergarten',
    organisationId: r.id,
    organisationName: r.name_ru,
    unit: r.name,
    since: r.enrolled_on,
  }));
};

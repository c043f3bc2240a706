import type { Attendance } from '../../contracts/platform-families.js';
import type { Executor } from '../db/transaction.js';

/** A child's attendance told by a module, for «Моя семья». */
export interface ChildAttendance extends Attendance {
  childId: string;
}

/**
 * How a module tells the platform where children attend (a kindergarten group, a club…) without
 * the platform importing it: the module's `AppModule.family.attendance`, called with the ids of the
 * children the page shows. It reads only its own tables and answers only for these children.
 */
export type ChildAttendanceSource = (db: Executor, childIds: readonly string[]) => Promise<ChildAttendance[]>;

/** What a module contributes to families (more hooks join here: requests, health facts it needs…). */
export interface FamilyContribution {
  attendance?: ChildAttendanceSource;
}

/** The contributions of the modules an app runs, collected once by the composition root. */
export interface FamilyHooks {
  attendance: readonly ChildAttendanceSource[];
}

export function familyHooksOf(modules: readonly { family?: FamilyContribution }[]): FamilyHooks {
  return {
    attendance: modules.flatMap((m) => (m.family?.attendance ? [m.family.attendance] : [])),
  };
}

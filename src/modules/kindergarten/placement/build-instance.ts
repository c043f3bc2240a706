// Database rows → a placement instance (shared/specs/placement-instance.md). Pure: the caller loads the
// rows, this decides who takes part, which groups each child may take, and each child's priority.
//
// - A program is one group offering seats in the wave (kindergarten × age band × orientation × stay mode).
// - A child's preferences are the fitting groups of its chosen kindergartens in the order the parent
//   ranked them (several fitting groups of one kindergarten: by group id). A group fits when the child's
//   age for the school year is in [ageFrom, ageTo) and orientation and stay mode are the requested ones.
// - Priority: `priorityWithOverrides` of the queue (one rule for the queue and the placement); the
//   sibling right becomes `programPriority` at every program of the sibling's kindergarten.
// - A transfer (current_group_id) becomes `current`; its seat is part of that program's capacity.

import type { InstanceJson } from './solver/index.js';
import { ageGroupFor } from '../queue/age-group.js';
import type { PriorityBenefit } from '../queue/queue-priority.js';
import { DEFAULT_QUEUE_ORDER, priorityWithOverrides } from '../queue/queue-priority.js';

export interface WaveRules {
  /** Only applications whose desired date is on or before the placement date. */
  desiredDateReached: boolean;
  /** Also applications whose benefits are still being checked (their unverified benefits do not count). */
  includeBenefitCheck: boolean;
  /** Age (full years on the school year's 1 September) range taking part, inclusive. */
  ageMin: number;
  ageMax: number;
}

export const DEFAULT_WAVE_RULES: WaveRules = {
  desiredDateReached: true,
  includeBenefitCheck: false,
  ageMin: 0,
  ageMax: 7,
};

export interface WaveFacts {
  placementDate: string;
  schoolYearStart: string;
  rules: WaveRules;
}

export interface GroupRow {
  groupId: number;
  kindergartenId: number;
  kindergartenCode: string;
  ageFrom: number;
  ageTo: number;
  orientation: string;
  stayMode: string;
  /** Seats offered in this wave; 0 for a group that only appears because a transferring child holds a seat. */
  seats: number;
}

export interface ApplicationRow {
  applicationId: string;
  number: string;
  serial: number;
  status: string;
  registeredAt: Date | string;
  desiredDate: string;
  birthDate: string;
  orientation: string;
  stayMode: string;
  currentGroupId: number | null;
  /** Chosen kindergarten ids, best first. */
  choices: readonly number[];
  benefits: readonly PriorityBenefit[];
  /** Excluded from this wave by an officer. */
  excluded: boolean;
}

export interface ProgramMeta {
  id: string;
  groupId: number;
  kindergartenId: number;
  seats: number;
  /** Seats held by transferring children, part of the capacity. */
  held: number;
}

export interface ChildMeta {
  childId: string;
  applicationId: string;
  ageGroup: number;
  /** Kindergarten rank (1-based) of each program the child lists. */
  rankOf: Record<string, number>;
  /** Chosen kindergarten ids, best first (also those without a fitting group, for the explanation). */
  choices: number[];
  current: string | null;
}

export interface BuiltInstance {
  instance: InstanceJson;
  programs: ProgramMeta[];
  children: ChildMeta[];
}

const PARTICIPATING = new Set(['registered', 'change_requested']);

export const programIdOf = (g: GroupRow): string =>
  `${g.kindergartenCode}/${g.ageFrom}-${g.ageTo}/${g.groupId}`;

/** Whether an application takes part in the wave under its rules. */
export function takesPart(app: ApplicationRow, wave: WaveFacts): boolean {
  const { rules } = wave;
  if (app.excluded) return false;
  if (!PARTICIPATING.has(app.status) && !(rules.includeBenefitCheck && app.status === 'benefit_check'))
    return false;
  if (rules.desiredDateReached && app.desiredDate > wave.placementDate) return false;
  const age = ageGroupFor(app.birthDate, wave.schoolYearStart);
  return age >= rules.ageMin && age <= rules.ageMax;
}

export function buildInstance(
  wave: WaveFacts,
  offered: readonly GroupRow[],
  heldGroups: readonly GroupRow[],
  applications: readonly ApplicationRow[],
): BuiltInstance {
  const byGroup = new Map<number, GroupRow>();
  for (const g of [...offered].sort((a, b) => a.groupId - b.groupId)) byGroup.set(g.groupId, g);
  for (const g of heldGroups) if (!byGroup.has(g.groupId)) byGroup.set(g.groupId, { ...g, seats: 0 });
  const groupsOfKindergarten = new Map<number, GroupRow[]>();
  for (const g of offered) {
    const list = groupsOfKindergarten.get(g.kindergartenId) ?? [];
    list.push(g);
    groupsOfKindergarten.set(g.kindergartenId, list);
  }
  for (const list of groupsOfKindergarten.values()) list.sort((a, b) => a.groupId - b.groupId);

  // Deterministic input order (the result does not depend on it, but the stored instance should not either).
  const taking = applications
    .filter((a) => takesPart(a, wave))
    .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));

  const held = new Map<number, number>();
  const children: InstanceJson['children'] = [];
  const metas: ChildMeta[] = [];
  for (const app of taking) {
    const ageGroup = ageGroupFor(app.birthDate, wave.schoolYearStart);
    const preferences: string[] = [];
    const rankOf: Record<string, number> = Object.create(null) as Record<string, number>;
    app.choices.forEach((kindergartenId, i) => {
      for (const g of groupsOfKindergarten.get(kindergartenId) ?? []) {
        const fits =
          g.ageFrom <= ageGroup &&
          ageGroup < g.ageTo &&
          g.orientation === app.orientation &&
          g.stayMode === app.stayMode;
        const id = programIdOf(g);
        if (fits && !(id in rankOf)) {
          preferences.push(id);
          rankOf[id] = i + 1;
        }
      }
    });
    const currentGroup = app.currentGroupId === null ? undefined : byGroup.get(app.currentGroupId);
    const current = currentGroup ? programIdOf(currentGroup) : null;
    if (currentGroup) held.set(currentGroup.groupId, (held.get(currentGroup.groupId) ?? 0) + 1);

    const { priority, byKindergarten } = priorityWithOverrides(
      {
        registeredAt: app.registeredAt,
        serial: app.serial,
        benefits: app.benefits,
      },
      wave.placementDate,
      DEFAULT_QUEUE_ORDER,
    );
    const programPriority: Record<string, number[]> = {};
    for (const [kindergartenId, override] of byKindergarten)
      for (const g of groupsOfKindergarten.get(kindergartenId) ?? [])
        if (programIdOf(g) in rankOf) programPriority[programIdOf(g)] = override;
    const child: InstanceJson['children'][number] = { id: app.number, preferences, priority };
    if (Object.keys(programPriority).length > 0) child.programPriority = programPriority;
    if (current !== null) child.current = current;
    children.push(child);
    metas.push({
      childId: app.number,
      applicationId: app.applicationId,
      ageGroup,
      rankOf,
      choices: [...app.choices],
      current,
    });
  }

  const programs: ProgramMeta[] = [];
  for (const g of byGroup.values()) {
    const h = held.get(g.groupId) ?? 0;
    if (g.seats === 0 && h === 0 && !offered.some((o) => o.groupId === g.groupId)) continue;
    programs.push({
      id: programIdOf(g),
      groupId: g.groupId,
      kindergartenId: g.kindergartenId,
      seats: g.seats,
      held: h,
    });
  }
  return {
    instance: {
      version: 1,
      programs: programs.map((p) => ({ id: p.id, capacity: p.seats + p.held })),
      children,
    },
    programs,
    children: metas,
  };
}

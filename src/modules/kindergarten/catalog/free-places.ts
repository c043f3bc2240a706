/**
 * Free places (свободные места) of a group: capacity − attending children, never shown below zero.
 * A group above capacity (allowed only where the municipality's configuration permits it) has no free
 * place and is flagged to staff instead.
 */
export function freePlaces(capacity: number, enrolled: number): number {
  return Math.max(0, capacity - enrolled);
}

export function isOverCapacity(capacity: number, enrolled: number): boolean {
  return enrolled > capacity;
}

/** Whether a group takes a child of `age` full years: groups cover [ageFrom, ageTo). */
export function groupTakesAge(group: { ageFrom: number; ageTo: number }, age: number): boolean {
  return age >= group.ageFrom && age < group.ageTo;
}

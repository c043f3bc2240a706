import { fullYears } from '../queue/age-group.js';

/**
 * Staff occupancy (käyttöaste, eVaka practice): Σ child coefficients / (caretakers × 7).
 * A child under 3 years on the day counts 1.75, an older child 1.0; 1 = 100 %.
 */
export const UNDER_THREE_COEFFICIENT = 1.75;
export const CHILDREN_PER_CARETAKER = 7;

export function childCoefficient(birthDate: string, on: string): number {
  return fullYears(birthDate, on) < 3 ? UNDER_THREE_COEFFICIENT : 1;
}

/** null when there is no caretaker (occupancy undefined, not infinite). */
export function occupancy(coefficientSum: number, caretakers: number): number | null {
  if (caretakers <= 0) return null;
  return coefficientSum / (caretakers * CHILDREN_PER_CARETAKER);
}

/** A kindergarten's occupancy: all its groups' coefficients over all their caretakers. */
export function totalOccupancy(
  groups: readonly { coefficientSum: number; caretakers: number }[],
): number | null {
  let sum = 0;
  let caretakers = 0;
  for (const g of groups) {
    sum += g.coefficientSum;
    caretakers += g.caretakers;
  }
  return occupancy(sum, caretakers);
}

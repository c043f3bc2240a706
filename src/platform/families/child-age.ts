/**
 * A child added to a family is born, and under 18 (a minor, whom a legal representative
 * represents). Dates are calendar days 'YYYY-MM-DD'; `today` is the region's day.
 */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (birthDate > today) return 'the birth date is in the future';
  const [y, m, d] = today.split('-');
  const eighteenYearsAgo = `${String(Number(y) - 18).padStart(4, '0')}-${m}-${d}`;
  if (birthDate <= eighteenYearsAgo) return 'a child is under 18: an adult is not added to a family';
  return null;
}

/**
 * Pressure (нагрузка): applicants per free place. With no free place and someone waiting the
 * pressure is unbounded (null) and counts as high; with nobody waiting it is zero.
 */
export type PressureLevel = 'low' | 'medium' | 'high';

export function pressure(applicants: number, free: number): number | null {
  if (applicants === 0) return 0;
  if (free <= 0) return null;
  return applicants / free;
}

/** Map colours: below 1 applicant per place everyone can be placed; 1–2 tight; above 2 short. */
export function pressureLevel(value: number | null): PressureLevel {
  if (value === null || value > 2) return 'high';
  if (value >= 1) return 'medium';
  return 'low';
}

/**
 * СНИЛС (страховой номер индивидуального лицевого счёта): nine digits and a two-digit control
 * number, written `123-456-789 01`. The control number is the sum of the digits weighted 9…1
 * (first digit ×9), taken as is below 100, `00` for 100 and 101, and otherwise modulo 101
 * (100 again becoming `00`). Numbers up to 001-001-998 were issued before the control number
 * existed and carry none that can be checked.
 */
export const SNILS_PATTERN = /^[0-9]{3}-[0-9]{3}-[0-9]{3} [0-9]{2}$/;

/** The control number of the first nine digits, as two digits. */
export function snilsControl(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (9 - i);
  const control = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return String(control).padStart(2, '0');
}

/** `12345678901` → `123-456-789 01`. */
export function formatSnils(elevenDigits: string): string {
  const d = elevenDigits;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9, 11)}`;
}

/**
 * The stored form of a СНИЛС typed with or without dashes and spaces, or why it is not one:
 * `format` (not 11 digits) or `control` (the control number does not match).
 */
export function parseSnils(input: string): { snils: string } | { problem: 'format' | 'control' } {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^[0-9]{11}$/.test(digits)) return { problem: 'format' };
  const body = digits.slice(0, 9);
  if (Number(body) > 1_001_998 && snilsControl(body) !== digits.slice(9)) return { problem: 'control' };
  return { snils: formatSnils(digits) };
}

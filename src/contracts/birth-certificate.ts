/**
 * Свидетельство о рождении, Russian format: the series is a Roman numeral, a dash and two Cyrillic
 * capitals, then a six-digit number — `I-ТС 123456`. People type it in many ways (lower case, the
 * Cyrillic «Х», «С», «І» that look like the Roman X, C, I, an en dash, a «№»); all of those mean the
 * same certificate and are stored in the one form above.
 */
const ROMAN_LOOKALIKES: Record<string, string> = { І: 'I', Х: 'X', С: 'C' };
// A Roman numeral from I to CXXXIX: more than the series ever used, nothing that is not a numeral.
const ROMAN = /^(C?)(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const SHAPE = /^([IVXLCІХС]+)\s*[-‐‑–—]?\s*([А-ЯЁ]{2})\s*(?:№|N)?\s*([0-9]{6})$/u;

export const BIRTH_CERTIFICATE_EXAMPLE = 'I-ТС 123456';

/** The stored form of a birth certificate, or null when the text is not one. */
export function normaliseBirthCertificate(input: string): string | null {
  const m = SHAPE.exec(input.trim().toUpperCase());
  if (!m) return null;
  const series = [...m[1]!].map((ch) => ROMAN_LOOKALIKES[ch] ?? ch).join('');
  if (!ROMAN.test(series)) return null;
  return `${series}-${m[2]} ${m[3]}`;
}

/**
 * The spellings under which the same certificate may already be stored: the canonical one and the
 * one with «№» that the demo generator and older paper records use.
 */
export function storedSpellings(canonical: string): string[] {
  const space = canonical.lastIndexOf(' ');
  return [canonical, `${canonical.slice(0, space)} № ${canonical.slice(space + 1)}`];
}

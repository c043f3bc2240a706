/**
 * Russian tax identifiers of an organisation, checked with their control digits as the Federal Tax
 * Service defines them: ИНН (10 digits for a legal entity, 12 for an individual entrepreneur), КПП
 * (9 characters, no control digit) and ОГРН (13 digits; ОГРНИП 15). A wrong digit is the common
 * typo, and each one is caught.
 */
export type TaxIdProblem = 'format' | 'check-digit';

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const weighted = (digits: readonly number[], weights: readonly number[]) =>
  (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;

/** The control digits that complete the first 9 (legal entity) or 10 (entrepreneur) digits of an ИНН. */
export function innCheckDigits(body: string): string {
  const d = [...body].map(Number);
  if (body.length === 9) return String(weighted(d, INN10));
  if (body.length === 10) {
    const n11 = weighted(d, INN12_11);
    return `${n11}${weighted([...d, n11], INN12_12)}`;
  }
  throw new Error('An ИНН body has 9 or 10 digits');
}

export function checkInn(inn: string): TaxIdProblem | null {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return 'format';
  const body = inn.slice(0, inn.length === 10 ? 9 : 10);
  return innCheckDigits(body) === inn.slice(body.length) ? null : 'check-digit';
}

/** КПП: the tax office (4 digits), the reason of registration (2 digits or capital letters), a number (3 digits). */
export function checkKpp(kpp: string): TaxIdProblem | null {
  return /^\d{4}[0-9A-Z]{2}\d{3}$/.test(kpp) ? null : 'format';
}

/** The control digit of an ОГРН (12 digits → mod 11) or ОГРНИП (14 digits → mod 13). */
export function ogrnCheckDigit(body: string): string {
  if (body.length !== 12 && body.length !== 14) throw new Error('An ОГРН body has 12 or 14 digits');
  return String((BigInt(body) % (body.length === 12 ? 11n : 13n)) % 10n);
}

export function checkOgrn(ogrn: string): TaxIdProblem | null {
  if (!/^(\d{13}|\d{15})$/.test(ogrn)) return 'format';
  return ogrnCheckDigit(ogrn.slice(0, -1)) === ogrn.slice(-1) ? null : 'check-digit';
}

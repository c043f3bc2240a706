import crypto from 'node:crypto';

/**
 * The application number as the public queue shows it. «01-2026-0001234» → «01-2026-•••7KQ2XM»: the
 * municipality and year stay (both are on the page anyway: the municipality chosen, the year of the
 * registration moment), the serial is replaced by six characters of HMAC-SHA256 under a server secret
 * (QUEUE_MASK_KEY). Serials are sequential, so any mask computed from the number alone (its last
 * digits, a plain hash) is undone by trying every serial; without the key nobody can compute the mask
 * of a number, let alone the number of a mask. A parent learns their own mask from the lookup
 * (number + birth date) and finds the row with it. Changing the key changes every mask.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread
const CODE_LENGTH = 6; // 30 bits: rows of one queue practically never share a code

export function maskNumber(number: string, key: string): string {
  const prefix = /^(\d+-\d{4}-)\d+$/.exec(number)?.[1] ?? '';
  const mac = crypto.createHmac('sha256', key).update(number).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[mac[i]! & 31];
  return `${prefix}•••${code}`;
}

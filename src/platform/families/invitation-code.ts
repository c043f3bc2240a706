import crypto from 'node:crypto';

/**
 * The one-time code a representative gives the second parent: 12 characters of an alphabet
 * without look-alikes (no 0/O, 1/I), 60 random bits, shown as `ABCD-EFGH-JKLM`. Only its SHA-256 is
 * stored; the code is read back whatever the case, spaces or dashes.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITATION_TTL_DAYS = 7;

export function newInvitationCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function invitationCodeHash(code: string): string {
  const canonical = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

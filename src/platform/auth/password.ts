import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A hash of a random secret nobody knows, made with the same options (once per process).
let dummyHash: Promise<string> | null = null;
const dummy = () =>
  (dummyHash ??= hashPassword(crypto.randomBytes(32).toString('base64url')).catch((err: unknown) => {
    dummyHash = null;
    throw err;
  }));

/**
 * Checks the password against the stored hash, or, when there is none (an unknown login), against a
 * dummy hash: either way the check costs one argon2 verification, so the time of a refusal does not
 * tell whether the login exists. Always false without a stored hash.
 */
export async function verifyPasswordOrDummy(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (storedHash) return verifyPassword(storedHash, password);
  await verifyPassword(await dummy(), password);
  return false;
}

import { generate, generateSecret, generateURI, verify } from 'otplib';

// RFC 6238, 30-second steps, one step of clock drift tolerated either way.
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ secret, label: account, issuer });
}

/**
 * The time step (unix seconds / 30) the code belongs to, or null when it is wrong or expired. The
 * caller stores the step it accepts and refuses that step or an earlier one later: a code works once.
 */
export async function totpStep(secret: string, token: string): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: PERIOD_SECONDS });
    // A TOTP result carries its time step (the union type also covers HOTP's).
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code an authenticator app shows now, or `stepsAhead` steps later (negative: earlier). */
export function currentTotp(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * PERIOD_SECONDS });
}

import { generate, generateSecret, generateURI, verify } from 'otplib';

// RFC 6238, 30-second steps, one step of clock drift tolerated either way.
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ secret, label: account, issuer });
}

export async function checkTotp(secret: string, token: string): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return (await verify({ secret, token, epochTolerance: 30 })).valid;
  } catch {
    return false;
  }
}

export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}

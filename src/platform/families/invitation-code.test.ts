import { describe, expect, it } from 'vitest';
import { invitationCodeHash, newInvitationCode } from './invitation-code.js';

describe('invitation code', () => {
  it('is 12 unambiguous characters in three groups, new each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newInvitationCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('hashes the same however it is typed back', () => {
    const code = newInvitationCode();
    const hash = invitationCodeHash(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitationCodeHash(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(hash);
    expect(invitationCodeHash(code.replaceAll('-', ''))).toBe(hash);
  });
});

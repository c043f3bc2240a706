import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/transaction.js';
import type { Principal, Role } from './roles.js';

export const SESSION_COOKIE = 'or_session';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Creates a server-side session; only the token's hash is stored, so a database leak opens no session. */
export async function createSession(
  db: Executor,
  userId: string,
  ttlHours: number,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db
    .insertInto('user_session')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt, csrfToken };
}

export async function loadPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.kind',
      'u.full_name',
      'u.email',
      'u.locale',
      'u.totp_enabled',
      's.csrf_token',
      's.expires_at',
      's.revoked_at',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at || row.expires_at.getTime() <= Date.now()) return null;
  const grants = await db
    .selectFrom('role_assignment')
    .select(['role', 'municipality_id', 'kindergarten_id', 'organisation_id'])
    .where('user_id', '=', row.id)
    .execute();
  return {
    userId: row.id,
    kind: row.kind,
    fullName: row.full_name,
    email: row.email,
    locale: row.locale,
    totpEnabled: row.totp_enabled,
    csrfToken: row.csrf_token,
    grants: grants.map((g) => ({
      role: g.role as Role,
      municipalityId: g.municipality_id,
      kindergartenId: g.kindergarten_id,
      organisationId: g.organisation_id ?? g.kindergarten_id,
    })),
  };
}

export async function revokeSession(db: Executor, token: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .execute();
}

/** "Sign out everywhere": every open session of the user ends now. */
export async function revokeAllSessions(db: Executor, userId: string): Promise<number> {
  const res = await db
    .updateTable('user_session')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

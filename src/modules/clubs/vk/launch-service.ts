import crypto from 'node:crypto';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit-log.js';
import { createSession } from '../../../platform/auth/session-store.js';
import type { Config } from '../../../platform/config.js';
import { DEMO_VK_APP_SECRET } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { HttpProblem, invalidField } from '../../../platform/http/problem.js';
import { checkLaunch, parseLaunchQuery, type LaunchRefusal } from './launch-signature.js';
import {
  countRefusal,
  insertLaunch,
  launchByToken,
  linkAccount,
  linkedUser,
  organisationOfCommunity,
  unlinkUser,
} from './queries.js';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

const REFUSAL_TEXT: Record<LaunchRefusal | 'replayed', string> = {
  signature: 'The launch parameters are not signed by VK for this app.',
  stale: 'The launch parameters are too old (or from the future); reopen the mini app.',
  replayed: 'These launch parameters were already used; reopen the mini app.',
};

function refused(reason: LaunchRefusal | 'replayed') {
  return new HttpProblem(401, 'vk-launch-refused', REFUSAL_TEXT[reason], { reason });
}

export interface VkSession {
  token: string;
  expiresAt: string;
  vkUserId: number;
  groupId: number | null;
  organisationId: number | null;
  linked: boolean;
}

/**
 * The mini app's launch (specs/vk-launch-params.md): verified parameters are exchanged once for a
 * mini-app session; a refused launch leaves only a counter (and, for a replay, an audit row).
 */
export class VkLaunchService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The demo pair is public: outside the demo it verifies nothing. */
  private secret(): string | null {
    if (this.config.VK_APP_SECRET === DEMO_VK_APP_SECRET && !this.config.DEMO_MODE) return null;
    return this.config.VK_APP_SECRET;
  }

  async launch(query: string, requestId?: string): Promise<VkSession> {
    const secret = this.secret();
    if (!secret)
      throw new HttpProblem(503, 'vk-not-configured', 'The VK mini app is not configured (VK_APP_SECRET).');
    const now = this.now();
    const verdict = checkLaunch(parseLaunchQuery(query), {
      appId: this.config.VK_APP_ID,
      secret,
      maxAgeSeconds: this.config.VK_LAUNCH_MAX_AGE_S,
      now,
    });
    if (!verdict.ok) {
      await countRefusal(this.db, verdict.reason);
      throw refused(verdict.reason);
    }
    const l = verdict.launch;
    const org = l.groupId === null ? null : await organisationOfCommunity(this.db, l.groupId);
    const userId = await linkedUser(this.db, l.vkUserId);
    // A linked account gets a session of its citizen at once (Bearer); else a token to link with.
    const session = userId
      ? await createSession(this.db, userId, this.config.SESSION_TTL_HOURS, 'vk-mini-app')
      : null;
    const token = session?.token ?? crypto.randomBytes(32).toString('base64url');
    const expiresAt =
      session?.expiresAt ?? new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    const stored = await insertLaunch(this.db, {
      signHash: sha256(l.sign),
      tokenHash: sha256(token),
      vkUserId: l.vkUserId,
      groupId: l.groupId,
      organisationId: org?.id ?? null,
      vkTs: new Date(l.ts * 1000),
      expiresAt,
    });
    if (!stored) {
      if (session)
        await this.db
          .updateTable('user_session')
          .set({ revoked_at: now })
          .where('token_hash', '=', sha256(session.token))
          .execute();
      await inTransaction(this.db, async (tx) => {
        await countRefusal(tx, 'replayed');
        await recordAudit(
          tx,
          { ...SYSTEM_ACTOR, requestId },
          {
            action: 'clubs.vk.launch_replayed',
            subjectType: 'vk_user',
            subjectId: String(l.vkUserId),
            municipalityId: org?.municipality_id ?? null,
            summary: { vkUserId: l.vkUserId, groupId: l.groupId, vkTs: l.ts },
          },
        );
      });
      throw refused('replayed');
    }
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      vkUserId: l.vkUserId,
      groupId: l.groupId,
      organisationId: org?.id ?? null,
      linked: userId !== null,
    };
  }

  /** The mini-app session of a bearer token, null when unknown or expired. */
  async session(token: string) {
    const row = await launchByToken(this.db, sha256(token));
    if (!row || row.expires_at.getTime() <= this.now().getTime()) return null;
    const vkUserId = Number(row.vk_user_id);
    return {
      vkUserId,
      groupId: row.vk_group_id === null ? null : Number(row.vk_group_id),
      organisationId: row.organisation_id,
      userId: await linkedUser(this.db, vkUserId),
    };
  }

  /** Ties the launch's VK account to the signed-in citizen (after the Госуслуги sign-in). */
  async link(actor: Actor & { userId: string }, token: string) {
    const s = await this.session(token);
    if (!s) throw invalidField('body.token', 'The mini-app session is unknown or expired.', 'a launch token');
    await inTransaction(this.db, async (tx) => {
      await unlinkUser(tx, actor.userId, s.vkUserId);
      await linkAccount(tx, s.vkUserId, actor.userId);
      await recordAudit(tx, actor, {
        action: 'clubs.vk.linked',
        subjectType: 'vk_user',
        subjectId: String(s.vkUserId),
        summary: { vkUserId: s.vkUserId, groupId: s.groupId },
      });
    });
    // The mini app carries on as the citizen: a session it sends as `Authorization: Bearer`.
    const session = await createSession(this.db, actor.userId, this.config.SESSION_TTL_HOURS, 'vk-mini-app');
    return {
      vkUserId: s.vkUserId,
      linked: true as const,
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}

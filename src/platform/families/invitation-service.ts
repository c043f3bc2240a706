import type { Relation } from '../db/organisation-family-tables.js';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { HttpProblem } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { INVITATION_TTL_DAYS, invitationCodeHash, newInvitationCode } from './invitation-code.js';
import * as q from './queries.js';
import './templates.js';

type Citizen = Actor & { userId: string };

/**
 * A representative invites the second parent (or a guardian) to the child: a code shown once,
 * valid 7 days; a new invitation revokes the inviter's earlier open ones for the child.
 */
export async function inviteRepresentative(
  db: Db,
  actor: Citizen,
  childId: string,
  relation: Relation,
  now = new Date(),
) {
  const code = newInvitationCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  return inTransaction(db, async (tx) => {
    const revoked = await q.revokeOpenInvitations(tx, childId, actor.userId, now);
    const row = await q.insertInvitation(tx, {
      childId,
      invitedBy: actor.userId,
      relation,
      codeHash: invitationCodeHash(code),
      expiresAt,
      now,
    });
    await recordAudit(tx, actor, {
      action: 'family.invitation.created',
      subjectType: 'child',
      subjectId: childId,
      summary: {
        invitationId: row.id,
        relation,
        expiresAt: expiresAt.toISOString(),
        revoked: revoked.map((r) => r.id),
      },
    });
    return { id: row.id, code, expiresAt: expiresAt.toISOString() };
  });
}

const problem = (status: number, code: string, message: string) =>
  new HttpProblem(status, code, message, { errors: [{ field: 'code', message }] });

/** Links the caller to the invitation's child as a legal representative; the inviter is told. */
export async function acceptInvitation(db: Db, actor: Citizen, code: string, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const inv = await q.lockInvitationByHash(tx, invitationCodeHash(code));
    if (!inv)
      throw problem(
        404,
        'not-found',
        'No invitation has this code. Check the code as it was given to you, or ask the other parent for a new one.',
      );
    if (inv.accepted_at)
      throw problem(
        409,
        'invitation-used',
        inv.accepted_by === actor.userId
          ? 'You have already accepted this invitation: the child is in your family.'
          : 'This code has already been used. Ask the other parent for a new invitation.',
      );
    if (inv.revoked_at)
      throw problem(
        410,
        'invitation-revoked',
        'This invitation was replaced by a newer one. Ask the other parent for the latest code.',
      );
    if (inv.expires_at.getTime() <= now.getTime())
      throw problem(
        410,
        'invitation-expired',
        `This invitation expired (codes are valid ${INVITATION_TTL_DAYS} days). Ask the other parent for a new one.`,
      );
    const added = await q.addRepresentative(tx, inv.child_id, actor.userId, inv.relation, 'invitation');
    if (!added)
      throw problem(
        409,
        'already-representative',
        'You already represent this child; the invitation is left for whom it was meant.',
      );
    await q.markInvitationAccepted(tx, inv.id, actor.userId, now);
    await recordAudit(tx, actor, {
      action: 'family.invitation.accepted',
      subjectType: 'child',
      subjectId: inv.child_id,
      summary: { invitationId: inv.id, relation: inv.relation, invitedBy: inv.invited_by },
    });
    const [child] = await q.childrenOf(tx, actor.userId, inv.child_id);
    await notify(tx, {
      userId: inv.invited_by,
      template: 'family.invitation.accepted',
      params: { name: await q.userName(tx, actor.userId), child: child?.first_name ?? '' },
      link: '/my/family',
      eventKey: `family.invitation.accepted:${inv.id}`,
    });
    return { childId: inv.child_id, relation: inv.relation };
  });
}

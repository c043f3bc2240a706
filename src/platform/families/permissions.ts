import type { FastifyRequest } from 'fastify';
import { defineActions } from '../auth/permissions.js';
import type { Scope } from '../auth/roles.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/problem.js';
import { representativeIds } from './queries.js';

export const FAMILY_ACTIONS = {
  read: 'family.own.read',
  manage: 'family.own.manage',
} as const;

defineActions({
  [FAMILY_ACTIONS.read]: {
    roles: ['citizen'],
    description: "See one's family: the children one represents, where they attend, their health facts",
    personalData: true,
  },
  [FAMILY_ACTIONS.manage]: {
    roles: ['citizen'],
    description: 'Add a child, invite the second parent, record or withdraw health facts with consent',
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Scope of /my/children/:childId: the child belongs to the caller when the caller is one of its
 * legal representatives. A child has several, so the owner is the caller or, for anyone else, a
 * value no user has; the child's existence is personal, so a stranger gets 404 as for none.
 */
export function childScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { childId } = request.params as { childId: string };
    const reps = UUID.test(childId) ? await representativeIds(db, childId) : [];
    if (reps.length === 0) throw notFound('Child');
    const me = request.principal?.userId;
    return { ownerUserId: me && reps.includes(me) ? me : 'another-family', personal: 'Child' };
  };
}

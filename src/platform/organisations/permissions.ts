import type { FastifyRequest } from 'fastify';
import { defineActions } from '../auth/permissions.js';
import type { Scope } from '../auth/roles.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/problem.js';
import { organisationScopeRow } from './queries.js';

export const ORGANISATION_ACTIONS = { updateCard: 'organisation.card.update' } as const;

defineActions({
  [ORGANISATION_ACTIONS.updateCard]: {
    roles: ['organisation_head', 'kindergarten_head', 'municipal_officer', 'regional_admin'],
    description: "Edit an organisation's card (names, tax ids, address, contacts, head, VK communities)",
  },
});

/**
 * Scope of /organisations/:organisationId: the organisation and its municipality (a kindergarten's
 * organisation is the kindergarten, so its head's grant covers it). Organisations are public, so a
 * missing one is simply 404.
 */
export function organisationScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { organisationId } = request.params as { organisationId: number };
    const o = await organisationScopeRow(db, organisationId);
    if (!o) throw notFound('Organisation');
    return {
      organisationId: o.id,
      municipalityId: o.municipality_id,
      ...(o.kind === 'kindergarten' ? { kindergartenId: o.id } : {}),
    };
  };
}

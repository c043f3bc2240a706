import type { FastifyRequest } from 'fastify';
import type { Scope } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { appealScopeRow } from './queries.js';

/** The citizen's own appeal: anyone else's (or none) is the same 404. */
export function ownAppealScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { appealId } = request.params as { appealId: number };
    const row = await appealScopeRow(db, appealId);
    if (!row) throw notFound('Appeal');
    return { ownerUserId: row.owner_user_id, personal: 'Appeal' };
  };
}

/**
 * A staff route's appeal: it lies in its municipality and with its responsible organisation (none for
 * an appeal about a map point, which only the municipality's and the region's staff cover).
 */
export function staffAppealScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { appealId } = request.params as { appealId: number };
    const row = await appealScopeRow(db, appealId);
    if (!row) throw notFound('Appeal');
    return {
      municipalityId: row.municipality_id,
      organisationId: row.responsible_organisation_id,
      personal: 'Appeal',
    };
  };
}

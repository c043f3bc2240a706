import type { FastifyRequest } from 'fastify';
import type { Scope } from '../../../platform/auth/roles.js';
import { defineActions } from '../../../platform/auth/permissions.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { applicationOwner, kindergartenMunicipality } from './queries.js';

export const QUEUE_ACTIONS = {
  'queue.application.apply': {
    roles: ['citizen'],
    description: 'Apply for a kindergarten place (citizen wizard)',
  },
  'queue.application.read': {
    roles: ['citizen', 'municipal_officer', 'regional_admin', 'auditor'],
    description: 'Read an application, its timeline and positions',
    personalData: true,
  },
  'queue.application.update-own': {
    roles: ['citizen'],
    description: "Change one's own application (kindergartens, withdrawal)",
  },
  'queue.application.manage': {
    roles: ['municipal_officer', 'regional_admin'],
    description: 'Register paper applications, decide benefits, move statuses, merge duplicates',
  },
  'queue.application.list': {
    roles: ['municipal_officer', 'regional_admin', 'auditor'],
    description: "List and search a municipality's applications",
    personalData: true,
  },
  'queue.kindergarten.applicants': {
    roles: ['kindergarten_head', 'municipal_officer', 'regional_admin', 'auditor'],
    description: 'See the applicants who chose a kindergarten',
    personalData: true,
  },
} as const;
defineActions(QUEUE_ACTIONS as never);

/** Staff actions offered on an application page (permittedActions). */
export const APPLICATION_ACTIONS = ['queue.application.update-own', 'queue.application.manage'] as const;

/** Scope of /applications/:applicationId: its municipality and its owner (never "no owner" for a citizen). */
export function applicationScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { applicationId } = request.params as { applicationId: string };
    const a = /^[0-9a-f-]{36}$/i.test(applicationId) ? await applicationOwner(db, applicationId) : undefined;
    if (!a) throw notFound('Application');
    // A paper application has no owner: no citizen may read it. Whoever may not see an
    // application learns nothing of it, not even that it exists.
    return {
      municipalityId: a.municipality_id,
      ownerUserId: a.applicant_id ?? 'paper-application',
      personal: 'Application',
    };
  };
}

export function municipalityScope() {
  return (request: FastifyRequest): Scope => ({
    municipalityId: Number((request.params as { municipalityId: string }).municipalityId),
  });
}

export function kindergartenScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const id = Number((request.params as { kindergartenId: string }).kindergartenId);
    const k = Number.isInteger(id) && id > 0 ? await kindergartenMunicipality(db, id) : undefined;
    if (!k) throw notFound('Kindergarten');
    return { municipalityId: k.municipality_id, kindergartenId: k.id };
  };
}

import { defineActions } from '../../platform/auth/permissions.js';
import type { Role } from '../../platform/auth/roles.js';

/**
 * Clubs actions. A citizen enrols the children they represent and follows the enrolments; the
 * organisation's club teachers and head, and the club coordinator over the municipality (or the
 * region), see and decide the organisation's enrolments.
 */
export const CLUBS_ACTIONS = {
  enrol: 'clubs.enrolment.file',
  own: 'clubs.enrolment.own',
  read: 'clubs.enrolment.read',
  decide: 'clubs.enrolment.decide',
  linkVk: 'clubs.vk.link',
} as const;

export const CLUB_STAFF_ROLES: readonly Role[] = ['club_coordinator', 'club_teacher', 'organisation_head'];

defineActions({
  [CLUBS_ACTIONS.enrol]: {
    roles: ['citizen'],
    description: 'Enrol a child of the family in a club group (a citizen signed in through ЕСИА)',
  },
  [CLUBS_ACTIONS.own]: {
    roles: ['citizen'],
    description: "Follow and withdraw one's own family's club enrolments",
    personalData: true,
  },
  [CLUBS_ACTIONS.read]: {
    roles: [...CLUB_STAFF_ROLES, 'regional_admin', 'auditor'],
    description: "See an organisation's club enrolments with the children's names",
    personalData: true,
  },
  [CLUBS_ACTIONS.decide]: {
    roles: CLUB_STAFF_ROLES,
    description: 'Take an enrolment under review, invite, approve, refuse with a reason, mark studying',
    personalData: true,
  },
  [CLUBS_ACTIONS.linkVk]: {
    roles: ['citizen'],
    description: "Tie the VK account of a mini-app launch to one's Госуслуги identity",
  },
});

/** Actions an enrolment's page lists as `permittedActions`. */
export const OWN_ENROLMENT_ACTIONS = ['withdraw'] as const;

import { defineActions } from '../../platform/auth/permissions.js';

/** Contest actions: the organiser runs a contest, experts score, applicants submit, citizens vote. */
export const CONTEST_ACTIONS = {
  manage: 'contests.contest.manage',
  score: 'contests.practice.score',
  submit: 'contests.practice.submit',
  vote: 'contests.vote.cast',
} as const;

/** Who may submit a practice: a regional team, an organisation, an NGO or a business, signed in. */
export const SUBMITTING_ROLES = [
  'citizen',
  'organisation_head',
  'organisation_staff',
  'kindergarten_head',
  'municipal_officer',
  'regional_admin',
] as const;

defineActions({
  [CONTEST_ACTIONS.manage]: {
    roles: ['contest_organiser'],
    description:
      'Create and edit a contest, move it through its states, moderate practices, shortlist, annul votes',
  },
  [CONTEST_ACTIONS.score]: {
    roles: ['contest_expert'],
    description: 'Score admitted practices on the criteria, declare conflicts of interest',
  },
  [CONTEST_ACTIONS.submit]: {
    roles: [...SUBMITTING_ROLES],
    description: 'Submit a practice to a contest (drafts, documents); see one’s own practices',
  },
  [CONTEST_ACTIONS.vote]: {
    roles: ['citizen'],
    description: 'Vote once per nomination with a confirmed Госуслуги account',
  },
});

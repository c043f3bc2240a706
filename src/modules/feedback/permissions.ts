import { defineActions } from '../../platform/auth/permissions.js';
import type { Role } from '../../platform/auth/roles.js';

/**
 * Feedback actions. A citizen files and follows their own appeals; staff handle the appeals their
 * grant covers: the control centre's operators over the region (or their municipality), a
 * municipality's officer there, an organisation's head and staff (a kindergarten's head too) for
 * appeals routed to that organisation.
 */
export const FEEDBACK_ACTIONS = {
  file: 'feedback.appeal.file',
  own: 'feedback.appeal.own',
  read: 'feedback.appeal.read',
  handle: 'feedback.appeal.handle',
  route: 'feedback.appeal.route',
  dashboard: 'feedback.dashboard.read',
} as const;

export const HANDLER_ROLES: readonly Role[] = [
  'cur_operator',
  'municipal_officer',
  'organisation_head',
  'organisation_staff',
  'kindergarten_head',
];

defineActions({
  [FEEDBACK_ACTIONS.file]: {
    roles: ['citizen'],
    description: 'File an appeal or a message (a citizen signed in through ЕСИА)',
  },
  [FEEDBACK_ACTIONS.own]: {
    roles: ['citizen'],
    description: "Read one's own appeals, add photos, rate an answer",
    personalData: true,
  },
  [FEEDBACK_ACTIONS.read]: {
    roles: [...HANDLER_ROLES, 'regional_admin', 'auditor'],
    description: 'See the appeals queue and an appeal with its author',
    personalData: true,
  },
  [FEEDBACK_ACTIONS.handle]: {
    roles: HANDLER_ROLES,
    description: 'Take an appeal into work, answer it, extend its limit once, leave it without an answer',
    personalData: true,
  },
  [FEEDBACK_ACTIONS.route]: {
    roles: ['cur_operator', 'municipal_officer'],
    description: 'Assign, reassign or forward an appeal to another organisation',
    personalData: true,
  },
});

defineActions({
  [FEEDBACK_ACTIONS.dashboard]: {
    roles: [...HANDLER_ROLES, 'regional_admin', 'auditor'],
    description: 'See the ЦУР dashboard (aggregates only) of the appeals the grant covers, and export it',
  },
});

/** Actions an appeal's staff page lists as `permittedActions`. */
export const STAFF_APPEAL_ACTIONS = [FEEDBACK_ACTIONS.handle, FEEDBACK_ACTIONS.route] as const;

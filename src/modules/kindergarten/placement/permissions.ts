import { defineActions } from '../../../platform/auth/permissions.js';

// Who may do what with placement waves and directions; scopes come from the wave's municipality,
// the direction's kindergarten or the application's owner.
export const PLACEMENT_ACTIONS = {
  waveRead: 'placement.wave.read',
  waveManage: 'placement.wave.manage',
  directionDecide: 'placement.direction.decide',
  directionRead: 'placement.direction.read',
  directionEnroll: 'placement.direction.enroll',
} as const;

defineActions({
  'placement.wave.read': {
    roles: ['municipal_officer', 'regional_admin', 'auditor'],
    description: 'See placement waves, their drafts, cut-offs and results',
    personalData: true,
  },
  'placement.wave.manage': {
    roles: ['municipal_officer', 'regional_admin'],
    description: 'Create a placement wave, exclude children or seats, run it and confirm its directions',
  },
  'placement.direction.decide': {
    roles: ['citizen'],
    description: "Accept or decline one's own child's direction",
  },
  'placement.direction.read': {
    roles: ['citizen', 'kindergarten_head', 'municipal_officer', 'regional_admin', 'auditor'],
    description: 'See a direction and download its PDF',
    personalData: true,
  },
  'placement.direction.enroll': {
    roles: ['kindergarten_head', 'municipal_officer'],
    description: 'Record that a directed child is enrolled (зачислен)',
    personalData: true,
  },
});

/** Owner of a paper application (no account): no citizen's scope covers it (null would cover all). */
export const NO_OWNER = 'no-account';

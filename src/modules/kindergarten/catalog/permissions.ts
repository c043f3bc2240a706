import { defineActions } from '../../../platform/auth/permissions.js';

/** Catalog actions. A head's grant covers only their kindergarten, an officer's their municipality. */
export const CATALOG_ACTIONS = {
  read: 'catalog.staff.read',
  updateCard: 'catalog.kindergarten.update',
  manage: 'catalog.kindergarten.manage',
  create: 'catalog.kindergarten.create',
  updateGroups: 'catalog.group.update',
  enroll: 'catalog.enrollment.update',
  configure: 'catalog.config.update',
} as const;

defineActions({
  [CATALOG_ACTIONS.read]: {
    roles: ['kindergarten_head', 'municipal_officer', 'regional_admin', 'auditor'],
    description: "Read a kindergarten's staff view: groups, occupancy, attending children",
    personalData: true,
  },
  [CATALOG_ACTIONS.updateCard]: {
    roles: ['kindergarten_head', 'municipal_officer', 'regional_admin'],
    description: "Edit a kindergarten's card: contacts, head, hours, photos, accessibility",
  },
  [CATALOG_ACTIONS.manage]: {
    roles: ['municipal_officer', 'regional_admin'],
    description: 'Change status, opening date, planned capacity; add construction progress notes',
  },
  [CATALOG_ACTIONS.create]: {
    roles: ['municipal_officer', 'regional_admin'],
    description: 'Add a kindergarten or a construction project to a municipality',
  },
  [CATALOG_ACTIONS.updateGroups]: {
    roles: ['kindergarten_head', 'municipal_officer', 'regional_admin'],
    description: "Add and edit a kindergarten's groups (capacity, caretakers, age, orientation, mode)",
  },
  [CATALOG_ACTIONS.enroll]: {
    roles: ['kindergarten_head', 'municipal_officer', 'regional_admin'],
    description: 'Enter enrollments and departures of children in a group',
  },
  [CATALOG_ACTIONS.configure]: {
    roles: ['municipal_officer', 'regional_admin'],
    description: "Set a municipality's catalog configuration (e.g. whether groups may exceed capacity)",
  },
});

/** Actions a staff response lists as `permittedActions` for one kindergarten. */
export const KINDERGARTEN_CANDIDATE_ACTIONS = [
  CATALOG_ACTIONS.updateCard,
  CATALOG_ACTIONS.manage,
  CATALOG_ACTIONS.updateGroups,
  CATALOG_ACTIONS.enroll,
  CATALOG_ACTIONS.configure,
] as const;

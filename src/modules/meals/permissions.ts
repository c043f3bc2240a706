import { defineActions } from '../../platform/auth/permissions.js';

/**
 * School meals actions. A school's meals officer and cook keep its menus (upload, generate from the
 * cyclic menu, the calendar, dishes); the municipality's officer does so for the municipality's
 * schools, the regional administrator everywhere. Suppliers are registered by the meals officer.
 * Menus, the `/food/` folder and suppliers' cards are public.
 */
export const MEALS_ACTIONS = {
  manage: 'meals.menu.manage',
  read: 'meals.menu.read',
  suppliers: 'meals.supplier.manage',
} as const;

defineActions({
  [MEALS_ACTIONS.manage]: {
    roles: ['meals_officer', 'cook', 'municipal_officer', 'regional_admin'],
    description: "Upload a school's daily or cyclic menu, generate daily menus, keep its calendar and dishes",
  },
  [MEALS_ACTIONS.read]: {
    roles: ['meals_officer', 'cook', 'organisation_head', 'municipal_officer', 'regional_admin', 'auditor'],
    description: "See a school's menus with the norms check, its calendar and settings",
  },
  [MEALS_ACTIONS.suppliers]: {
    roles: ['meals_officer', 'municipal_officer', 'regional_admin'],
    description: "Register a school's food suppliers with their certificates and batches",
  },
});

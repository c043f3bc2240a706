import { defineActions } from '../../platform/auth/permissions.js';

/** Life-situation actions: the family's own task lists and ratings, staff editing and answering. */
export const LIFE_ACTIONS = {
  ownPlan: 'life.situation.own-plan',
  edit: 'life.situation.edit',
  rate: 'life.rating.create',
  answer: 'life.rating.answer',
} as const;

/** Staff of an organisation who answer its families' ratings publicly, and the officers above them. */
export const ANSWERING_ROLES = [
  'kindergarten_head',
  'organisation_head',
  'organisation_staff',
  'municipal_officer',
  'regional_admin',
] as const;

defineActions({
  [LIFE_ACTIONS.ownPlan]: {
    roles: ['citizen'],
    description:
      "See a life situation as one's own task list, from one's requests and children; the home offer",
    personalData: true,
  },
  [LIFE_ACTIONS.edit]: {
    roles: ['regional_admin'],
    description: 'Edit a life situation of the catalogue (a new version, audited); read its versions',
  },
  [LIFE_ACTIONS.rate]: {
    roles: ['citizen'],
    description: "Rate one of one's finished requests on the five «Ваш контроль» criteria",
  },
  [LIFE_ACTIONS.answer]: {
    roles: [...ANSWERING_ROLES],
    description:
      "Answer publicly a family's rating of the organisation's service; list the ratings to answer",
  },
});

import {
  situationDefinitionSchema,
  type SituationDefinition,
} from '../../../contracts/life-situation-definition.js';
import type { KnownServices } from '../navigator/situation-validation.js';
import { CLUBS_SITUATION, KINDERGARTEN_SITUATION } from './child-situations.js';
import { BIRTH_SITUATION, LARGE_FAMILY_SITUATION } from './family-support-situations.js';
import { FEDERAL_SITUATIONS } from './federal-situations.js';

/**
 * The request kinds of open-region's services a step may point at (module → kinds), as each module
 * writes them to the platform registry `family_request`. A new module's kind is added here.
 */
export const KNOWN_SERVICES: KnownServices = new Map([
  ['kindergarten', ['application']],
  ['clubs', ['enrolment']],
  ['feedback', ['appeal']],
  ['meals', ['rating']],
  ['contests', ['entry']],
]);

const WORKED_OUT = [BIRTH_SITUATION, LARGE_FAMILY_SITUATION, KINDERGARTEN_SITUATION, CLUBS_SITUATION];

/**
 * The catalogue open-region ships: the federal list of 24 (the worked-out ones in full, in the
 * list's place) and the regional ones, in this order. Seeded as version 1 of each situation.
 */
export const SHIPPED_SITUATIONS: SituationDefinition[] = [
  ...FEDERAL_SITUATIONS.map((f) => WORKED_OUT.find((w) => w.code === f.code) ?? f),
  ...WORKED_OUT.filter((w) => !FEDERAL_SITUATIONS.some((f) => f.code === w.code)),
].map((d) => situationDefinitionSchema.parse(d));

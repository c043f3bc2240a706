import type { FieldProblem } from '../../../platform/http/problem.js';
import { ageGroupFor, enrollmentSeptemberFirst, fullYears } from './age-group.js';
import type { QueueConfig } from './municipality-config.js';

/**
 * Checks of an application that zod cannot make alone (they need the day and the municipality's
 * configuration and catalog). Pure: returns the field problems, empty when the application is fine.
 */
export interface RuleInput {
  birthDate: string;
  desiredDate: string;
  kindergartenIds: readonly number[];
  benefits: readonly {
    kind: string;
    class: string;
    siblingKindergartenId?: number | undefined;
    documentIds?: readonly string[] | undefined;
  }[];
  /**
   * Set for a parent's own submission on the portal: the desired date may not lie before this day and
   * each privilege carries its document. A paper application is registered by an officer with the
   * documents in hand (and may record a filing made earlier), so neither applies to it.
   */
  portal?: { today: string } | undefined;
}

export interface KindergartenFacts {
  id: number;
  municipalityId: number;
  /** Age ranges [from, to) of its open groups. */
  groups: readonly { ageFrom: number; ageTo: number }[];
}

export function applicationAgeGroup(birthDate: string, desiredDate: string, config: QueueConfig): number {
  return ageGroupFor(birthDate, enrollmentSeptemberFirst(desiredDate), config.ageRule, desiredDate);
}

const validDay = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export function checkApplication(
  input: RuleInput,
  today: string,
  municipalityId: number,
  config: QueueConfig,
  kindergartens: ReadonlyMap<number, KindergartenFacts>,
  prefix = '',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!validDay(input.birthDate))
    problems.push({ field: f('child.birthDate'), message: 'not a calendar date' });
  else if (input.birthDate > today)
    problems.push({
      field: f('child.birthDate'),
      message: 'the birth date is in the future',
      expected: `≤ ${today}`,
    });
  else if (fullYears(input.birthDate, today) > config.maxAgeYears)
    problems.push({
      field: f('child.birthDate'),
      message: `the child is older than ${config.maxAgeYears} years`,
      expected: `a child of at most ${config.maxAgeYears} full years`,
    });
  if (!validDay(input.desiredDate))
    problems.push({ field: f('desiredDate'), message: 'not a calendar date' });
  else if (validDay(input.birthDate) && input.desiredDate < input.birthDate)
    problems.push({ field: f('desiredDate'), message: 'the desired date is before the birth date' });
  else if (input.portal && input.desiredDate < input.portal.today)
    problems.push({
      field: f('desiredDate'),
      message: 'the desired date is in the past',
      expected: `≥ ${input.portal.today}`,
    });

  const ids = input.kindergartenIds;
  if (ids.length > config.maxPreferences)
    problems.push({
      field: f('kindergartenIds'),
      message: `at most ${config.maxPreferences} kindergartens may be chosen`,
      expected: `1–${config.maxPreferences} kindergartens`,
    });
  if (new Set(ids).size !== ids.length)
    problems.push({ field: f('kindergartenIds'), message: 'a kindergarten is chosen twice' });
  if (problems.length === 0) {
    const group = applicationAgeGroup(input.birthDate, input.desiredDate, config);
    ids.forEach((id, i) => {
      const kg = kindergartens.get(id);
      if (!kg || kg.municipalityId !== municipalityId)
        problems.push({
          field: f(`kindergartenIds.${i}`),
          message: 'no such kindergarten in this municipality',
        });
      else if (!kg.groups.some((g) => g.ageFrom <= group && group < g.ageTo))
        problems.push({
          field: f(`kindergartenIds.${i}`),
          message: `this kindergarten has no group for age ${group}`,
          expected: 'a kindergarten with a group for the child’s age',
        });
    });
  }
  input.benefits.forEach((b, i) => {
    // A privilege stands on its document: without one only an officer's recorded check can confirm it
    // (decideBenefit asks for the check's reason), so a parent's online claim must attach it.
    if (input.portal && b.class !== 'sibling' && (b.documentIds?.length ?? 0) === 0)
      problems.push({
        field: f(`benefits.${i}.documentIds`),
        message: 'the document confirming the privilege is missing',
        expected: 'a PDF, JPEG or PNG scan of the document',
      });
    if (b.class === 'sibling') {
      const kg = b.siblingKindergartenId;
      if (kg === undefined)
        problems.push({
          field: f(`benefits.${i}.siblingKindergartenId`),
          message: 'the sibling’s kindergarten is required',
        });
      else if (!ids.includes(kg))
        problems.push({
          field: f(`benefits.${i}.siblingKindergartenId`),
          message: 'the sibling’s kindergarten must be one of the chosen kindergartens',
        });
    }
  });
  return problems;
}

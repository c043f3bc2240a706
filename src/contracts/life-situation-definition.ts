import { z } from 'zod';

/**
 * A life situation as data (issue 19): ordered steps, all-of / one-of groups, optional steps, «only
 * if» conditions on questionnaire answers or family facts, each step pointing at services — open-region's
 * own (a module's request kind) or an external authority's. Modelled on CPSV-AP life events and the
 * GOV.UK step-by-step pattern. One schema validates staff edits, types the engine and feeds OpenAPI.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,59}$/, { message: 'a lowercase id: letters, digits, hyphens' });
const textRu = z.string().trim().min(2).max(2000);
const textEn = z.string().trim().min(2).max(2000).optional();

export type Condition =
  | { answer: string; equals: string }
  | { fact: 'children'; ageFrom?: number; ageTo?: number; atLeast?: number; atMost?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: id, equals: z.string().min(1).max(60) }),
    z.strictObject({
      /** The number of the family's children whose full years lie in [ageFrom, ageTo). */
      fact: z.literal('children'),
      ageFrom: z.number().int().min(0).max(18).optional(),
      ageTo: z.number().int().min(1).max(19).optional(),
      atLeast: z.number().int().min(0).max(20).optional(),
      atMost: z.number().int().min(0).max(20).optional(),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(10) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(10) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const questionSchema = z.strictObject({
  id,
  textRu,
  textEn,
  options: z
    .array(z.strictObject({ value: z.string().min(1).max(60), labelRu: textRu, labelEn: textEn }))
    .min(2)
    .max(10),
});
export type Question = z.infer<typeof questionSchema>;

/** A service of open-region: the step is done when the family has a request of this kind that got far enough. */
export const ownServiceSchema = z.strictObject({
  type: z.literal('own'),
  module: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{1,80}$/),
  titleRu: textRu,
  titleEn: textEn,
  /** Where the family starts it (an in-app path). */
  link: z.string().regex(/^\/[^/\\]/, { message: 'an in-app path starting with /' }),
  /**
   * When the step counts as done: once submitted (any open or done request), once the request is
   * done, or once its module status reaches one of these codes.
   */
  completes: z.union([
    z.enum(['submitted', 'done']),
    z.strictObject({ statuses: z.array(z.string()).min(1) }),
  ]),
});

const channel = z.enum(['epgu', 'mfc', 'in_person', 'post', 'proactive']);
export type Channel = z.infer<typeof channel>;

/** A service of another authority (ЗАГС, СФР, МФЦ…), described for the family. */
export const externalServiceSchema = z.strictObject({
  type: z.literal('external'),
  titleRu: textRu,
  titleEn: textEn,
  authority: z.string().trim().min(2).max(300),
  channels: z.array(channel).min(1),
  cost: z.string().trim().min(2).max(200),
  term: z.string().trim().min(2).max(200),
  documents: z.array(z.string().trim().min(2).max(300)).max(30),
  prerequisites: z.array(z.string().trim().min(2).max(300)).max(20).default([]),
  legalBasis: z.array(z.string().trim().min(2).max(300)).min(1).max(10),
  gosuslugiUrl: z
    .string()
    .regex(/^https:\/\/(www\.)?gosuslugi\.ru\//, { message: 'a https://www.gosuslugi.ru/… link' })
    .optional(),
});

export const serviceRefSchema = z.discriminatedUnion('type', [ownServiceSchema, externalServiceSchema]);
export type ServiceRef = z.infer<typeof serviceRefSchema>;
export type OwnService = z.infer<typeof ownServiceSchema>;

const stepFields = {
  id,
  titleRu: z.string().trim().min(2).max(300),
  titleEn: z.string().trim().min(2).max(300).optional(),
  descriptionRu: textRu.optional(),
  descriptionEn: textEn,
  optional: z.boolean().default(false),
  onlyIf: conditionSchema.optional(),
};

export const stepSchema = z.strictObject({
  ...stepFields,
  /** Steps that must be done first (ids anywhere in the situation). */
  requires: z.array(id).max(20).default([]),
  services: z.array(serviceRefSchema).max(10),
  /** For an external step: done when the family's facts show it (a child on file has a birth certificate). */
  doneWhen: conditionSchema.optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const groupSchema = z.strictObject({
  ...stepFields,
  /** allOf: every applicable step; oneOf: any one of them is enough. */
  group: z.enum(['allOf', 'oneOf']),
  /** Steps that must be done before any member can start. */
  requires: z.array(id).max(20).default([]),
  steps: z.array(stepSchema).min(2).max(20),
});
export type StepGroup = z.infer<typeof groupSchema>;

export const situationItemSchema = z.union([groupSchema, stepSchema]);
export type SituationItem = z.infer<typeof situationItemSchema>;

export const situationDefinitionSchema = z.strictObject({
  code: id,
  titleRu: z.string().trim().min(2).max(200),
  titleEn: z.string().trim().min(2).max(200).optional(),
  summaryRu: textRu,
  summaryEn: textEn,
  /** `federal` — the 2023 list of the federal project «Государство для людей»; `regional` — the region's own. */
  origin: z.enum(['federal', 'regional']),
  /** Where the situation and its composition come from. */
  source: z.string().trim().min(2).max(500),
  /** Words a family might search by, besides the title and the summary. */
  keywordsRu: z.string().max(500).default(''),
  questions: z.array(questionSchema).max(20).default([]),
  items: z.array(situationItemSchema).max(40),
  /** Offered on a family's home page when this holds of its facts. */
  offerWhen: conditionSchema.optional(),
});
export type SituationDefinition = z.infer<typeof situationDefinitionSchema>;
export type SituationDefinitionInput = z.input<typeof situationDefinitionSchema>;

export function isGroup(item: SituationItem): item is StepGroup {
  return 'group' in item;
}

import { z } from 'zod';
import { requestStateSchema } from './platform-portal.js';

/**
 * The life-situations API (issue 19): the public catalogue and its search, a situation tailored by a
 * questionnaire, a signed-in family's task list computed from the platform registry, the home offer,
 * «Ваш контроль» ratings with the organisations' public answers.
 */

export const situationCodeParams = z.object({
  situationCode: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, { message: 'a situation code' }),
});

export const situationListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  origin: z.enum(['federal', 'regional']).optional(),
});

export const situationSummarySchema = z.object({
  code: z.string(),
  titleRu: z.string(),
  titleEn: z.string().nullable(),
  summaryRu: z.string(),
  summaryEn: z.string().nullable(),
  origin: z.enum(['federal', 'regional']),
  version: z.number().int(),
  /** Steps and groups at the top level; 0 for a situation not worked out yet. */
  stepCount: z.number().int(),
});
export type SituationSummary = z.infer<typeof situationSummarySchema>;

export const situationListSchema = z.object({
  items: z.array(situationSummarySchema),
  total: z.number().int(),
});
export type SituationList = z.infer<typeof situationListSchema>;

export const planRequestSchema = z.strictObject({
  /** Answers to the situation's questions: question id → option value. */
  answers: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,59}$/), z.string().min(1).max(60)).default({}),
});
export type PlanRequest = z.input<typeof planRequestSchema>;

export const stepStatusSchema = z.enum(['not_started', 'blocked', 'in_progress', 'done']);
export type StepStatusName = z.infer<typeof stepStatusSchema>;

const stepViewBase = z.object({
  id: z.string(),
  status: stepStatusSchema,
  optional: z.boolean(),
  applies: z.enum(['yes', 'unknown']),
  blockedBy: z.array(z.string()),
  requestIds: z.array(z.number().int()),
});
export const stepViewSchema = stepViewBase.extend({
  group: z.enum(['allOf', 'oneOf']).optional(),
  steps: z.array(stepViewBase).optional(),
});
export type StepViewDto = z.infer<typeof stepViewSchema>;

export const planRequestFactSchema = z.object({
  id: z.number().int(),
  module: z.string(),
  kind: z.string(),
  reference: z.string().nullable(),
  status: z.string(),
  state: requestStateSchema,
  link: z.string(),
});

export const situationPlanSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  /** Computed from the signed-in family's requests and children (false: from the answers alone). */
  personal: z.boolean(),
  items: z.array(stepViewSchema),
  skipped: z.array(z.string()),
  next: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  complete: z.boolean(),
  /** The family's requests the steps point at. */
  requests: z.array(planRequestFactSchema),
});
export type SituationPlan = z.infer<typeof situationPlanSchema>;

export const situationOffersSchema = z.object({ items: z.array(situationSummarySchema) });
export type SituationOffers = z.infer<typeof situationOffersSchema>;

// ——— «Ваш контроль» ———

/** The five criteria of «Ваш контроль» (Постановление Правительства РФ от 12.12.2012 № 1284). */
export const RATING_CRITERIA = [
  'timeToResult',
  'waitingTime',
  'staffPoliteness',
  'comfort',
  'information',
] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

const score = z.number().int().min(1, { message: 'from 1 to 5' }).max(5, { message: 'from 1 to 5' });

export const ratingRequestSchema = z.strictObject({
  timeToResult: score,
  waitingTime: score,
  staffPoliteness: score,
  comfort: score,
  information: score,
  comment: z.string().trim().min(1).max(2000).optional(),
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;

export const requestIdParams = z.object({
  requestId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53),
});
export const ratingIdParams = z.object({
  ratingId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53),
});

export const ratingAnswerRequestSchema = z.strictObject({ body: z.string().trim().min(2).max(2000) });

export const ratingSchema = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  module: z.string(),
  kind: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  municipalityId: z.number().int().nullable(),
  scores: z.object({
    timeToResult: z.number().int(),
    waitingTime: z.number().int(),
    staffPoliteness: z.number().int(),
    comfort: z.number().int(),
    information: z.number().int(),
  }),
  average: z.number(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  answer: z.object({ body: z.string(), answeredAt: z.string() }).nullable(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const myRatableSchema = z.object({
  items: z.array(
    z.object({
      requestId: z.number().int(),
      module: z.string(),
      kind: z.string(),
      reference: z.string().nullable(),
      status: z.string(),
      updatedAt: z.string(),
      rating: ratingSchema.nullable(),
    }),
  ),
});
export type MyRatable = z.infer<typeof myRatableSchema>;

export const ratingListQuerySchema = z.object({
  organisationId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  municipalityId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  module: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,40}$/)
    .optional(),
  unanswered: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ratingListSchema = z.object({
  items: z.array(ratingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RatingList = z.infer<typeof ratingListSchema>;

export const ratingSummaryQuerySchema = z.object({
  by: z.enum(['service', 'organisation', 'municipality']),
  module: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,40}$/)
    .optional(),
  municipalityId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
});

const averages = z.object({
  timeToResult: z.number(),
  waitingTime: z.number(),
  staffPoliteness: z.number(),
  comfort: z.number(),
  information: z.number(),
  overall: z.number(),
});

export const ratingSummarySchema = z.object({
  by: z.enum(['service', 'organisation', 'municipality']),
  groups: z.array(
    z.object({
      /** `module/kind`, the organisation's id or the municipality's id; null for «not known». */
      key: z.string().nullable(),
      name: z.string().nullable(),
      count: z.number().int(),
      averages,
    }),
  ),
  /** The overall average by month (YYYY-MM), oldest first. */
  months: z.array(z.object({ month: z.string(), count: z.number().int(), overall: z.number() })),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * Kindergarten applications and the queue (issue 5): every request and response of
 * `src/modules/kindergarten/queue/routes.ts`. Shared by the API (validation, OpenAPI) and the web app.
 * Dates are 'YYYY-MM-DD' strings, moments ISO-8601 strings in UTC.
 */

// ---------------------------------------------------------------------------------------------------
// Vocabulary

export const ORIENTATIONS = ['general', 'compensating', 'health', 'combined'] as const;
export const STAY_MODES = ['short', 'reduced', 'full', 'extended', 'round_the_clock'] as const;
export const APPLICATION_STATUSES = [
  'new',
  'registered',
  'benefit_check',
  'change_requested',
  'directed',
  'contract',
  'enrolled',
  'refused',
  'no_show',
  'removed',
  'archived',
] as const;
/** Claimed benefit classes: внеочередное, первоочередное, преимущественное (a sibling attends). */
export const BENEFIT_CLASSES = ['extraordinary', 'first', 'sibling'] as const;
/** A child's class in one queue: a benefit class or the general queue. */
export const QUEUE_CLASSES = ['extraordinary', 'first', 'sibling', 'general'] as const;
export const BENEFIT_STATUSES = ['claimed', 'verified', 'rejected', 'expired'] as const;

export const orientationSchema = z.enum(ORIENTATIONS);
export const stayModeSchema = z.enum(STAY_MODES);
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export const benefitClassSchema = z.enum(BENEFIT_CLASSES);
export const queueClassSchema = z.enum(QUEUE_CLASSES);
export const benefitStatusSchema = z.enum(BENEFIT_STATUSES);
export type ApplicationStatusName = z.infer<typeof applicationStatusSchema>;
export type QueueClass = z.infer<typeof queueClassSchema>;

/**
 * Benefit kinds a parent may claim, each with its class. The list is the common federal set; a region
 * adds its own through configuration later (the class is what orders the queue).
 */
export const BENEFIT_KINDS = {
  prosecutor: { class: 'extraordinary', ru: 'Ребёнок прокурора', en: "A prosecutor's child" },
  judge: { class: 'extraordinary', ru: 'Ребёнок судьи', en: "A judge's child" },
  investigator: {
    class: 'extraordinary',
    ru: 'Ребёнок сотрудника Следственного комитета',
    en: "An Investigative Committee officer's child",
  },
  military: { class: 'first', ru: 'Ребёнок военнослужащего', en: "A serviceman's child" },
  police: { class: 'first', ru: 'Ребёнок сотрудника полиции', en: "A police officer's child" },
  disabled_child: { class: 'first', ru: 'Ребёнок-инвалид', en: 'A disabled child' },
  disabled_parent: {
    class: 'first',
    ru: 'Один из родителей — инвалид',
    en: 'A parent is disabled',
  },
  large_family: { class: 'first', ru: 'Многодетная семья', en: 'A large family' },
  sibling: {
    class: 'sibling',
    ru: 'Брат или сестра посещает этот детский сад',
    en: 'A brother or sister attends this kindergarten',
  },
} as const satisfies Record<string, { class: z.infer<typeof benefitClassSchema>; ru: string; en: string }>;
export type BenefitKind = keyof typeof BENEFIT_KINDS;
export const benefitKindSchema = z.enum(Object.keys(BENEFIT_KINDS) as [BenefitKind, ...BenefitKind[]]);

const isoDate = calendarDate;
const personName = z.string().trim().min(1, 'required').max(100);
const uuid = z.string().uuid();

// ---------------------------------------------------------------------------------------------------
// Apply (citizen wizard) and drafts

export const childInputSchema = z.object({
  lastName: personName,
  firstName: personName,
  patronymic: z.string().trim().max(100).optional(),
  birthDate: isoDate,
  sex: z.enum(['m', 'f']).optional(),
  /** Свидетельство о рождении, e.g. 'IV-МЮ 123456'; spaces are normalised. */
  birthCertificate: z.string().trim().min(6).max(30),
});

export const applicantInputSchema = z.object({
  fullName: z.string().trim().min(3).max(200),
  email: z.string().trim().email().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number')
    .optional(),
});

export const benefitClaimInputSchema = z.object({
  kind: benefitKindSchema,
  /** Required for the sibling right: the kindergarten the brother or sister attends. */
  siblingKindergartenId: z.number().int().positive().optional(),
  /** Files uploaded first with POST /api/kindergarten/files. */
  documentIds: z.array(uuid).max(5).default([]),
});

export const applicationInputSchema = z.object({
  municipalityId: z.number().int().positive(),
  child: childInputSchema,
  applicant: applicantInputSchema,
  address: z.string().trim().min(5).max(300),
  desiredDate: isoDate,
  /** Preferred kindergartens, most wanted first (at most the municipality's maxPreferences, default 5). */
  kindergartenIds: z.array(z.number().int().positive()).min(1).max(10),
  orientation: orientationSchema.default('general'),
  stayMode: stayModeSchema.default('full'),
  language: z.string().trim().min(2).max(20).default('ru'),
  /** Agrees to be offered another kindergarten when the preferred ones are full. */
  consentOther: z.boolean().default(false),
  benefits: z.array(benefitClaimInputSchema).max(5).default([]),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

/** A paper application entered by an officer (operator mode): the applicant has no account. */
export const paperApplicationInputSchema = applicationInputSchema.omit({ municipalityId: true }).extend({
  /** When the paper was received, if earlier than now (the registration moment). */
  receivedAt: z.string().datetime().optional(),
});
export type PaperApplicationInput = z.infer<typeof paperApplicationInputSchema>;

/** The wizard's saved state between steps: free-form, not validated until submission. */
export const applicationDraftSchema = z.object({
  step: z.number().int().min(0).max(20),
  data: z.record(z.string(), z.unknown()),
});
export const applicationDraftResponseSchema = z.object({
  draft: applicationDraftSchema.nullable(),
  updatedAt: z.string().nullable(),
});
export type ApplicationDraft = z.infer<typeof applicationDraftSchema>;

export const uploadedFileSchema = z.object({
  id: uuid,
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

// ---------------------------------------------------------------------------------------------------
// The application page

export const applicationEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  kind: z.enum(['status', 'choices', 'benefit', 'desired_date', 'details']),
  fromStatus: applicationStatusSchema.nullable(),
  toStatus: applicationStatusSchema.nullable(),
  reason: z.string().nullable(),
  /** Plain-words summary of the event in both languages. */
  textRu: z.string(),
  textEn: z.string(),
  byStaff: z.boolean(),
});

export const benefitSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  class: benefitClassSchema,
  status: benefitStatusSchema,
  siblingKindergartenId: z.number().int().nullable(),
  validUntil: isoDate.nullable(),
  documentIds: z.array(uuid),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  claimedAt: z.string(),
});

export const choiceSchema = z.object({
  rank: z.number().int(),
  kindergartenId: z.number().int(),
  nameRu: z.string(),
  nameEn: z.string().nullable(),
});

export const applicationDetailSchema = z.object({
  id: uuid,
  number: z.string(),
  municipalityId: z.number().int(),
  status: applicationStatusSchema,
  statusChangedAt: z.string(),
  registeredAt: z.string(),
  desiredDate: isoDate,
  orientation: orientationSchema,
  stayMode: stayModeSchema,
  language: z.string(),
  consentOther: z.boolean(),
  source: z.enum(['portal', 'paper', 'epgu', 'seed']),
  child: z.object({
    lastName: z.string(),
    firstName: z.string(),
    patronymic: z.string().nullable(),
    birthDate: isoDate,
    birthCertificate: z.string(),
  }),
  applicant: z.object({ fullName: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  address: z.string(),
  /** Age group (full years) by the municipality's rule, today. */
  ageGroup: z.number().int(),
  choices: z.array(choiceSchema),
  benefits: z.array(benefitSchema),
  timeline: z.array(applicationEventSchema),
  /** Actions of this API the caller may take on this application. */
  permittedActions: z.array(z.string()),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const applicationSummarySchema = z.object({
  id: uuid,
  number: z.string(),
  municipalityId: z.number().int(),
  status: applicationStatusSchema,
  registeredAt: z.string(),
  desiredDate: isoDate,
  childName: z.string(),
  childBirthDate: isoDate,
  benefitClasses: z.array(benefitClassSchema),
  kindergartenIds: z.array(z.number().int()),
  source: z.enum(['portal', 'paper', 'epgu', 'seed']),
});
export const myApplicationsResponseSchema = z.object({ items: z.array(applicationSummarySchema) });

export const changeChoicesRequestSchema = z.object({
  kindergartenIds: z.array(z.number().int().positive()).min(1).max(10),
  reason: z.string().trim().max(500).optional(),
});
export const changeDesiredDateRequestSchema = z.object({
  desiredDate: isoDate,
  reason: z.string().trim().max(500).optional(),
});
export const withdrawRequestSchema = z.object({ reason: z.string().trim().max(500).optional() });

// ---------------------------------------------------------------------------------------------------
// Position, its history, why it changed, expected waiting

export const aheadByClassSchema = z.object({
  extraordinary: z.number().int(),
  first: z.number().int(),
  sibling: z.number().int(),
  general: z.number().int(),
});
export type AheadByClass = z.infer<typeof aheadByClassSchema>;

export const queuePositionSchema = z.object({
  /** null: the municipality × age group queue; otherwise one chosen kindergarten's queue. */
  kindergartenId: z.number().int().nullable(),
  kindergartenNameRu: z.string().nullable(),
  kindergartenNameEn: z.string().nullable(),
  ageGroup: z.number().int(),
  /** 1 = first in the queue. */
  position: z.number().int(),
  total: z.number().int(),
  /** The child's class in this queue (the sibling right counts at the sibling's kindergarten only). */
  queueClass: queueClassSchema,
  ahead: aheadByClassSchema,
});
export type QueuePosition = z.infer<typeof queuePositionSchema>;

export const waitEstimateSchema = z.object({
  /** Expected whole months until an offer (at least 1), or null when it cannot be estimated. */
  months: z.number().int().nullable(),
  /** The date estimate, never before the desired date. */
  expectedDate: isoDate.nullable(),
  placedPerMonth: z.number(),
  higherPriorityArrivalsPerMonth: z.number(),
  methodRu: z.string(),
  methodEn: z.string(),
});

export const positionResponseSchema = z.object({
  applicationId: uuid,
  number: z.string(),
  status: applicationStatusSchema,
  inQueue: z.boolean(),
  asOf: z.string(),
  municipality: queuePositionSchema.nullable(),
  kindergartens: z.array(queuePositionSchema),
  wait: waitEstimateSchema.nullable(),
});
export type PositionResponse = z.infer<typeof positionResponseSchema>;

export const positionHistoryQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  step: z.enum(['day', 'week', 'month']).default('week'),
});
export const positionHistoryPointSchema = z.object({
  date: isoDate,
  /** null when the application was not in the queue that day. */
  municipality: z.number().int().nullable(),
  ageGroup: z.number().int().nullable(),
  /** Position in each chosen kindergarten (by kindergarten id), null when not in that queue. */
  kindergartens: z.record(z.string(), z.number().int().nullable()),
});
export const positionHistoryResponseSchema = z.object({
  applicationId: uuid,
  from: isoDate,
  to: isoDate,
  step: z.enum(['day', 'week', 'month']),
  points: z.array(positionHistoryPointSchema),
});

export const POSITION_CHANGE_CODES = [
  'new_ahead',
  'returned_ahead',
  'joined_group_ahead',
  'benefit_verified_ahead',
  'ahead_placed',
  'ahead_withdrawn',
  'ahead_removed',
  'ahead_left_group',
  'ahead_lost_benefit',
  'own_benefit_verified',
  'own_benefit_expired',
  'own_benefit_rejected',
  'own_desired_date_changed',
  'own_choices_changed',
  'own_registration_changed',
  'other',
] as const;
export const positionChangeCodeSchema = z.enum(POSITION_CHANGE_CODES);
export type PositionChangeCode = z.infer<typeof positionChangeCodeSchema>;

export const positionChangeReasonSchema = z.object({
  code: positionChangeCodeSchema,
  /** For arrivals and verified benefits ahead: the other children's class. */
  queueClass: queueClassSchema.nullable(),
  count: z.number().int(),
  /** Signed change of the position caused by this reason (+ = further back). */
  delta: z.number().int(),
  textRu: z.string(),
  textEn: z.string(),
});
/** A day (its end) or an exact ISO moment (to explain a change made today). */
const dayOrMoment = z.union([isoDate, z.string().datetime({ offset: true })]);
export const positionChangeQuerySchema = z.object({
  from: dayOrMoment,
  to: dayOrMoment,
  /** Omit for the municipality × age group queue. */
  kindergartenId: z.coerce.number().int().positive().optional(),
});
export const positionChangeResponseSchema = z.object({
  applicationId: uuid,
  kindergartenId: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  fromPosition: z.number().int().nullable(),
  toPosition: z.number().int().nullable(),
  /** toPosition − fromPosition; the deltas of `reasons` add up to it. */
  delta: z.number().int().nullable(),
  reasons: z.array(positionChangeReasonSchema),
  summaryRu: z.string(),
  summaryEn: z.string(),
});
export type PositionChangeResponse = z.infer<typeof positionChangeResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Public (no sign-in): anonymized queue and position lookup

export const publicQueueQuerySchema = z.object({
  municipalityId: z.coerce.number().int().positive(),
  ageGroup: z.coerce.number().int().min(0).max(7),
  /** Omit for the whole municipality × age group queue. */
  kindergartenId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(['position', 'registeredAt', 'desiredDate']).default('position'),
  order: z.enum(['asc', 'desc']).default('asc'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type PublicQueueQuery = z.infer<typeof publicQueueQuerySchema>;

export const publicQueueRowSchema = z.object({
  position: z.number().int(),
  /** e.g. '01-2025-•••7KQ2XM': the serial replaced by a keyed code (HMAC), not derivable from it. */
  maskedNumber: z.string(),
  registeredAt: z.string(),
  queueClass: queueClassSchema,
  desiredDate: isoDate,
  status: applicationStatusSchema,
});
export const publicQueueResponseSchema = z.object({
  municipalityId: z.number().int(),
  ageGroup: z.number().int(),
  kindergartenId: z.number().int().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  computedAt: z.string().nullable(),
  items: z.array(publicQueueRowSchema),
});
export type PublicQueueResponse = z.infer<typeof publicQueueResponseSchema>;

/** What a municipality allows when its configuration says nothing (docs/queue.md). */
export const DEFAULT_MAX_PREFERENCES = 5;
export const AGE_RULES = ['september_first', 'desired_date'] as const;

/**
 * The local queue rules a resident may know before applying (transparency): the same values the
 * server checks an application against, read from the municipality's configuration.
 */
export const queueRulesResponseSchema = z.object({
  municipalityId: z.number().int(),
  maxPreferences: z
    .number()
    .int()
    .min(1)
    .describe('How many kindergartens an application may list, in order of preference.'),
  ageRule: z
    .enum(AGE_RULES)
    .describe(
      'The day the age group is counted on: 1 September of the school year of the desired date, or the desired date itself.',
    ),
  maxAgeYears: z
    .number()
    .int()
    .describe('The oldest age (full years on that day) at which a child may be registered.'),
  classOrder: z
    .array(queueClassSchema)
    .describe('Benefit classes from the highest priority to the general queue.'),
  keepRegistrationOnChoiceChange: z
    .boolean()
    .describe('Whether changing the preferred kindergartens keeps the original registration moment.'),
});
export type QueueRulesResponse = z.infer<typeof queueRulesResponseSchema>;

/** Both parts are required; a failed lookup never says which part was wrong. */
export const positionLookupRequestSchema = z.object({
  number: z.string().trim().min(3).max(40),
  birthDate: isoDate,
});
export const positionLookupResponseSchema = z.object({
  maskedNumber: z.string(),
  status: applicationStatusSchema,
  registeredAt: z.string(),
  computedAt: z.string().nullable(),
  positions: z.array(
    z.object({
      kindergartenId: z.number().int().nullable(),
      kindergartenNameRu: z.string().nullable(),
      ageGroup: z.number().int(),
      position: z.number().int(),
      total: z.number().int(),
      queueClass: queueClassSchema,
      ahead: aheadByClassSchema,
    }),
  ),
});
export type PositionLookupResponse = z.infer<typeof positionLookupResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Staff

export const staffApplicationListQuerySchema = z.object({
  status: applicationStatusSchema.optional(),
  /** Application number, or part of the child's last name, or a birth certificate. */
  q: z.string().trim().max(100).optional(),
  withClaimedBenefits: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const staffApplicationListResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(applicationSummarySchema.extend({ permittedActions: z.array(z.string()) })),
});

export const statusChangeRequestSchema = z.object({
  to: applicationStatusSchema,
  reason: z.string().trim().min(3).max(1000),
});
export const statusChangeResponseSchema = z.object({
  id: uuid,
  status: applicationStatusSchema,
  statusChangedAt: z.string(),
});

export const benefitDecisionRequestSchema = z
  .object({
    benefitId: z.number().int().positive(),
    decision: z.enum(['verify', 'reject']),
    reason: z.string().trim().max(1000).optional(),
    validUntil: isoDate.optional(),
  })
  .refine((d) => d.decision === 'verify' || (d.reason?.length ?? 0) >= 3, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });
export const benefitDecisionResponseSchema = z.object({
  applicationId: uuid,
  status: applicationStatusSchema,
  benefit: benefitSchema,
});

export const duplicateCandidateSchema = z.object({
  matchedBy: z.enum(['birth_certificate', 'name_and_birth_date']),
  applications: z.array(applicationSummarySchema),
});
export const duplicateListResponseSchema = z.object({ items: z.array(duplicateCandidateSchema) });
export const mergeRequestSchema = z.object({
  duplicateApplicationId: uuid,
  reason: z.string().trim().min(3).max(1000),
});
export const mergeResponseSchema = z.object({
  keptApplicationId: uuid,
  archivedApplicationId: uuid,
  registeredAt: z.string(),
});

export const applicantsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const kindergartenApplicantSchema = z.object({
  applicationId: uuid,
  number: z.string(),
  rank: z.number().int(),
  status: applicationStatusSchema,
  registeredAt: z.string(),
  desiredDate: isoDate,
  ageGroup: z.number().int().nullable(),
  position: z.number().int().nullable(),
  queueClass: queueClassSchema.nullable(),
  childName: z.string(),
  childBirthDate: isoDate,
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  applicantEmail: z.string().nullable(),
});
export const kindergartenApplicantsResponseSchema = z.object({
  kindergartenId: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(kindergartenApplicantSchema),
});

export const statusExportQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  format: z.enum(['json', 'csv']).default('json'),
});
export const statusExportRowSchema = z.object({
  eventId: z.number().int(),
  occurredAt: z.string(),
  applicationNumber: z.string(),
  fromStatus: applicationStatusSchema.nullable(),
  toStatus: applicationStatusSchema,
  epguStatusCode: z.number().int().nullable(),
  epguStatusName: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.enum(['portal', 'paper', 'epgu', 'seed']),
});
export const statusExportResponseSchema = z.object({
  municipalityId: z.number().int(),
  from: isoDate,
  to: isoDate,
  items: z.array(statusExportRowSchema),
});

export const removeOverAgeResponseSchema = z.object({ removed: z.number().int() });

import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * Citizens' feedback (issue 15): requests and responses of src/modules/feedback/, shared by the API
 * (validation, OpenAPI) and the web app. Dates are 'YYYY-MM-DD', moments ISO 8601.
 */

export const APPEAL_KINDS = ['appeal', 'message'] as const;
export const APPEAL_STATUS_NAMES = [
  'registered',
  'forwarded',
  'in_work',
  'answered',
  'answer_rejected',
  'closed',
  'left_without_answer',
] as const;
export const WITHOUT_ANSWER_GROUND_NAMES = [
  'no_name_or_address',
  'obscene_language',
  'unreadable_text',
  'essence_unclear',
  'repeated_question',
  'state_secret',
] as const;
export const URGENCIES = ['overdue', 'due_soon', 'in_time'] as const;
export const APPEAL_PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_APPEAL_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_APPEAL_PHOTOS = 5;
export const MAX_APPEAL_TEXT = 5000;

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const categoryCode = z
  .string()
  .trim()
  .regex(/^[a-z_]+\.[a-z_]+$/, 'a category code such as education.kindergartens');

const appealSubject = {
  categoryCode,
  organisationId: id.optional(),
  point: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  text: z
    .string()
    .trim()
    .min(1, 'write what happened')
    .max(MAX_APPEAL_TEXT, `at most ${MAX_APPEAL_TEXT} characters`),
};
const placeNamed = (v: { organisationId?: number; point?: unknown }) =>
  v.organisationId !== undefined || v.point !== undefined;
const placeMissing = {
  message: 'name the organisation or a point on the map',
  path: ['organisationId'],
};

export const appealCreateSchema = z
  .object({
    kind: z.enum(APPEAL_KINDS).default('appeal'),
    ...appealSubject,
    /** «Присоединиться к обращению»: an open similar appeal this one joins (each keeps its own number). */
    duplicateOfId: id.optional(),
  })
  .refine(placeNamed, placeMissing);
export type AppealCreate = z.input<typeof appealCreateSchema>;

/** What the form sends before filing to see open similar appeals (possible duplicates). */
export const similarQuerySchema = z.object(appealSubject).refine(placeNamed, placeMissing);

/**
 * An open similar appeal as a citizen (or staff) may see it: number, category, organisation,
 * status and limits — never its author, text or answer.
 */
export const similarAppealSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  categoryCode: z.string(),
  categoryRu: z.string(),
  categoryEn: z.string(),
  organisationName: z.string().nullable(),
  status: z.enum(APPEAL_STATUS_NAMES),
  registeredOn: calendarDate,
  answerDue: calendarDate,
  /** Stem-set Jaccard similarity of the texts, 0…1, two decimals. */
  similarity: z.number(),
  /** Metres between the map points, when both appeals have one. */
  distanceMetres: z.number().int().nullable(),
});
export type SimilarAppeal = z.infer<typeof similarAppealSchema>;
export const similarAppealListSchema = z.object({ items: z.array(similarAppealSchema) });

export const appealEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const appealPhotoSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const appealSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(APPEAL_KINDS),
  categoryCode: z.string(),
  categoryRu: z.string(),
  categoryEn: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  text: z.string(),
  status: z.enum(APPEAL_STATUS_NAMES),
  withoutAnswerGround: z.enum(WITHOUT_ANSWER_GROUND_NAMES).nullable(),
  withoutAnswerArticle: z.string().nullable(),
  receivedOn: calendarDate,
  registeredOn: calendarDate,
  registrationDue: calendarDate,
  forwardingDue: calendarDate,
  answerDue: calendarDate,
  extended: z.boolean(),
  reworkUsed: z.boolean(),
  answerText: z.string().nullable(),
  answeredAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  photos: z.array(appealPhotoSchema),
  events: z.array(appealEventSchema),
  permittedActions: z.array(z.string()),
  /** The appeal this one joined («присоединиться к обращению»), or null. */
  duplicateOf: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  /** The answer says the problem was fixed («устранено»). */
  answerFixed: z.boolean(),
  /** The «устранено» follow-up: when it is due, when it was asked, the citizen's answer. */
  survey: z
    .object({
      due: calendarDate,
      askedAt: z.string().nullable(),
      answer: z.enum(['fixed', 'not_fixed']).nullable(),
    })
    .nullable(),
});
export type Appeal = z.infer<typeof appealSchema>;

export const appealSummarySchema = appealSchema.pick({
  id: true,
  number: true,
  kind: true,
  categoryCode: true,
  categoryRu: true,
  categoryEn: true,
  organisationName: true,
  status: true,
  registeredOn: true,
  answerDue: true,
  urgency: true,
  rating: true,
});
export type AppealSummary = z.infer<typeof appealSummarySchema>;

export const myAppealListSchema = z.object({ items: z.array(appealSummarySchema) });

export const ratingSchema = z.object({
  rating: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5'),
  comment: z.string().trim().max(2000).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Staff

export const staffQueueQuerySchema = z.object({
  status: z.enum(APPEAL_STATUS_NAMES).optional(),
  /** Open appeals only (registered, forwarded, in work, answer rejected) unless a status is named. */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
  urgency: z.enum(URGENCIES).optional(),
  categoryCode: categoryCode.optional(),
  municipalityId: id.optional(),
  organisationId: id.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const staffQueueItemSchema = appealSummarySchema.extend({
  municipalityId: z.number().int().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export const staffQueueSchema = z.object({
  items: z.array(staffQueueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const categorySuggestionSchema = z.object({ categoryCode: z.string(), score: z.number() });

export const staffAppealSchema = appealSchema.extend({
  municipalityId: z.number().int().nullable(),
  citizenName: z.string(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  responsibleOrganisationId: z.number().int().nullable(),
  /** The classifier's top 3, or null when no model is installed (the page says so). */
  suggestions: z.array(categorySuggestionSchema).nullable(),
  /** Linked appeals (this one joined them or they joined it) and possible duplicates by the rules. */
  duplicates: z.object({
    linked: z.array(similarAppealSchema.extend({ relation: z.enum(['joined', 'joined_by', 'sibling']) })),
    possible: z.array(similarAppealSchema),
  }),
  /**
   * The classifier's top-1 when it differed from the citizen's category, the configured threshold,
   * and whether it routed (at or above the threshold, by a routing rule of the suggested category).
   */
  autoRouting: z
    .object({ categoryCode: z.string(), score: z.number(), threshold: z.number(), routed: z.boolean() })
    .nullable(),
});
export type StaffAppeal = z.infer<typeof staffAppealSchema>;

export const assignSchema = z.object({
  /** Left out: the caller takes the appeal into work themselves. */
  assigneeUserId: z.uuid().optional(),
  note: z.string().trim().max(2000).optional(),
});
export const forwardSchema = z.object({
  organisationId: id,
  note: z.string().trim().min(1, 'say why it goes there').max(2000),
});
export const answerSchema = z.object({
  text: z.string().trim().min(1, 'write the answer').max(10_000),
  /** «Устранено»: the answer says the problem was fixed; the citizen is asked later whether it is. */
  fixed: z.boolean().default(false),
});
/** The citizen's answer to «Проблема действительно устранена?»; «нет» reopens the appeal once. */
export const surveyAnswerSchema = z.object({ fixed: z.boolean() });
export const extendSchema = z.object({
  days: z.number().int().min(1, 'from 1 to 30 days').max(30, 'from 1 to 30 days'),
  reason: z.string().trim().min(1, 'say why more time is needed').max(2000),
});
export const withoutAnswerSchema = z.object({
  ground: z.enum(WITHOUT_ANSWER_GROUND_NAMES),
  note: z.string().trim().max(2000).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Public

export const categoryTreeSchema = z.object({
  groups: z.array(
    z.object({
      code: z.string(),
      ru: z.string(),
      en: z.string(),
      leaves: z.array(
        z.object({
          code: z.string(),
          ru: z.string(),
          en: z.string(),
          messageTarget: z
            .object({ days: z.number().int(), unit: z.enum(['calendar', 'working']) })
            .nullable(),
        }),
      ),
    }),
  ),
});

/**
 * The public contract the contests service reads for nominations: the most frequent appeal topics
 * (categories) registered from `from` to `to` inclusive, with their counts and share of the total.
 */
export const topicsQuerySchema = z
  .object({
    from: calendarDate,
    to: calendarDate,
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export const topicsSchema = z.object({
  from: calendarDate,
  to: calendarDate,
  total: z.number().int(),
  topics: z.array(
    z.object({
      categoryCode: z.string(),
      groupCode: z.string(),
      titleRu: z.string(),
      titleEn: z.string(),
      count: z.number().int(),
      /** count / total, 0…1, four decimals. */
      share: z.number(),
    }),
  ),
});
export type FeedbackTopics = z.infer<typeof topicsSchema>;

export const appealUrl = (id: number) => `/feedback/appeals/${id}`;

/** An Open311 request waiting for the citizen's confirmation through Госуслуги (/feedback/confirm/:token). */
export const open311PendingSchema = z.object({
  token: z.string(),
  serviceCode: z.string(),
  description: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  addressString: z.string().nullable(),
  expiresAt: z.string(),
  confirmed: z.boolean(),
  appealUrl: z.string().nullable(),
});
export type Open311Pending = z.infer<typeof open311PendingSchema>;

// ---------------------------------------------------------------------------------------------------
// ЦУР dashboard

export const dashboardQuerySchema = z
  .object({
    from: calendarDate,
    to: calendarDate,
    municipalityId: id.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    message: 'at most three years',
    path: ['from'],
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Figures of a set of appeals registered in the period (a month, a municipality, a topic…). */
const dashboardFigures = {
  registered: z.number().int(),
  answered: z.number().int(),
  /** Of these, still open and past the answer limit today. */
  overdue: z.number().int(),
  /** Days from registration to the answer: mean and 90th percentile, null when none answered. */
  meanDaysToAnswer: z.number().nullable(),
  p90DaysToAnswer: z.number().nullable(),
  meanRating: z.number().nullable(),
};

export const dashboardSchema = z.object({
  from: calendarDate,
  to: calendarDate,
  today: calendarDate,
  /** What the caller sees: the whole region, or their municipalities and organisations. */
  coverage: z.enum(['region', 'partial']),
  total: z.object({
    ...dashboardFigures,
    rated: z.number().int(),
    /** Answers rated 1, 2, 3, 4, 5. */
    ratings: z.array(z.number().int()).length(5),
  }),
  /** All open appeals now, whatever the period: overdue and due within three days. */
  now: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
  byMonth: z.array(z.object({ month: z.string(), ...dashboardFigures })),
  byMunicipality: z.array(
    z.object({
      municipalityId: z.number().int().nullable(),
      nameRu: z.string(),
      nameEn: z.string(),
      ...dashboardFigures,
      pupils: z.number().int(),
      /** Appeals per 1,000 pupils of the municipality's schools, null without pupils. */
      perThousandPupils: z.number().nullable(),
      residents: z.number().int().nullable(),
      perThousandResidents: z.number().nullable(),
    }),
  ),
  byCategory: z.array(
    z.object({
      categoryCode: z.string(),
      titleRu: z.string(),
      titleEn: z.string(),
      ...dashboardFigures,
      /** Share of all appeals of the period, 0…1. */
      share: z.number(),
    }),
  ),
  /** The 20 organisations with the most appeals. */
  byOrganisation: z.array(
    z.object({
      organisationId: z.number().int(),
      name: z.string(),
      ...dashboardFigures,
      pupils: z.number().int(),
      perThousandPupils: z.number().nullable(),
    }),
  ),
});
export type FeedbackDashboard = z.infer<typeof dashboardSchema>;

// ---------------------------------------------------------------------------------------------------
// The public archive of answers (59-ФЗ ст. 10 ч. 4)

export const publishAnswerSchema = z.object({
  /** The texts as the operator checked them; left out, the automatic redaction of the appeal's own. */
  question: z.string().trim().min(1).max(MAX_APPEAL_TEXT).optional(),
  answer: z.string().trim().min(1).max(10_000).optional(),
});

export const publicAnswerSchema = z.object({
  id: z.number().int(),
  categoryCode: z.string(),
  categoryRu: z.string(),
  categoryEn: z.string(),
  organisationName: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  registeredOn: calendarDate,
  answeredOn: calendarDate,
  publishedAt: z.string(),
});
export type PublicAnswer = z.infer<typeof publicAnswerSchema>;

export const publicAnswersQuerySchema = z.object({
  q: z.string().trim().min(2).max(200).optional(),
  categoryCode: categoryCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const publicAnswerListSchema = z.object({
  items: z.array(publicAnswerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicAnswerList = z.infer<typeof publicAnswerListSchema>;

/** What the operator sees before publishing: the texts with personal data removed, to check. */
export const answerPreviewSchema = z.object({ question: z.string(), answer: z.string() });

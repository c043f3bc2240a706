import { z } from 'zod';

/**
 * Clubs and sections (issue 16): requests and responses of src/modules/clubs/, shared by the API
 * (validation, OpenAPI) and the web app. The value lists repeat the module's pure model
 * (src/modules/clubs/catalog/programme-model.ts); a unit test keeps them equal.
 */

export const CLUB_DIRECTIONS = [
  'technical',
  'natural_science',
  'sports',
  'arts',
  'tourism',
  'social',
] as const;
export const CLUB_LEVELS = ['starting', 'basic', 'advanced'] as const;
export const CLUB_OVZ_TYPES = [
  'hearing',
  'vision',
  'speech',
  'musculoskeletal',
  'autism',
  'mental_delay',
  'intellectual',
  'emotional',
] as const;
export const CLUB_FINANCING = ['budget', 'paid', 'certificate'] as const;
export const CLUB_FORMATS = ['in_person', 'distance', 'mixed'] as const;
export const CLUB_ENROLMENT_STATUSES = [
  'waitlisted',
  'offered',
  'registered',
  'under_review',
  'invited',
  'approved',
  'studying',
  'finished',
  'withdrawn',
  'refused',
] as const;
export const CLUB_REFUSAL_REASONS = [
  'no_documents',
  'age',
  'health',
  'entrance_tests',
  'no_seats',
  'other',
] as const;
export const CLUB_SORTS = ['relevance', 'title', 'price', 'free_seats'] as const;

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const programmeListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  open: flag.optional(),
  municipalityId: id.optional(),
  organisationId: id.optional(),
  /** The organisation whose programmes come first (the mini app opened from its VK community). */
  firstOrganisationId: id.optional(),
  direction: z.enum(CLUB_DIRECTIONS).optional(),
  specialisation: z.string().trim().min(1).max(120).optional(),
  level: z.enum(CLUB_LEVELS).optional(),
  age: z.coerce.number().int().min(3).max(18).optional(),
  free: flag.optional(),
  maxPrice: z.coerce.number().int().min(0).max(1_000_000).optional(),
  format: z.enum(CLUB_FORMATS).optional(),
  ovz: z.enum(CLUB_OVZ_TYPES).optional(),
  sort: z.enum(CLUB_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;

export const scheduleSlotSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  start: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
  minutes: z.number().int().min(15).max(240),
});

export const notJoinableReasonSchema = z.enum(['window_not_open', 'window_closed', 'age', 'ovz', 'full']);

export const clubGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  financing: z.enum(CLUB_FINANCING),
  monthlyPrice: z.number().int().nullable(),
  enrolmentOpensOn: z.string(),
  enrolmentClosesOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hoursPerYear: z.number().int(),
  schedule: z.array(scheduleSlotSchema),
  seats: z.number().int(),
  freeSeats: z.number().int(),
  waitlisted: z.number().int(),
  /** Why nobody can take a seat now (no child known: window and seats only). */
  notJoinable: z.array(notJoinableReasonSchema),
});
export type ClubGroup = z.infer<typeof clubGroupSchema>;

export const programmeOrganisationSchema = z.object({
  id: z.number().int(),
  shortName: z.string(),
  municipalityId: z.number().int().nullable(),
  municipality: z.string().nullable(),
  address: z.string().nullable(),
});

export const programmeSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  direction: z.enum(CLUB_DIRECTIONS),
  specialisation: z.string(),
  level: z.enum(CLUB_LEVELS),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  format: z.enum(CLUB_FORMATS),
  ovzTypes: z.array(z.enum(CLUB_OVZ_TYPES)),
  organisation: programmeOrganisationSchema,
  openGroups: z.number().int(),
  freeSeats: z.number().int(),
  /** The cheapest monthly price of its groups; 0 when a group is free (budget or certificate). */
  minPrice: z.number().int().nullable(),
  financing: z.array(z.enum(CLUB_FINANCING)),
  url: z.string(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const programmeListSchema = z.object({
  items: z.array(programmeSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProgrammeList = z.infer<typeof programmeListSchema>;

export const programmeSchema = programmeSummarySchema.extend({
  description: z.string(),
  goals: z.string(),
  teacherName: z.string().nullable(),
  address: z.string().nullable(),
  entranceTests: z.boolean(),
  groups: z.array(clubGroupSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

export const enrolmentCreateSchema = z.object({
  childId: z.uuid({ message: 'a child id of your family' }),
  groupId: id,
  channel: z.enum(['web', 'vk', 'widget']).default('web'),
});
export type EnrolmentCreate = z.input<typeof enrolmentCreateSchema>;

export const enrolmentEventSchema = z.object({
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
});

export const enrolmentSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(CLUB_ENROLMENT_STATUSES),
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  group: z.object({ id: z.number().int(), name: z.string(), startsOn: z.string() }),
  programme: z.object({ id: z.number().int(), title: z.string() }),
  organisation: z.object({ id: z.number().int(), shortName: z.string() }),
  /** 1-based place on the group's waitlist («вы 3-й в листе ожидания»), null when not waiting. */
  waitlistPlace: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  reviewDue: z.string().nullable(),
  refusalReason: z.enum(CLUB_REFUSAL_REASONS).nullable(),
  refusalNote: z.string().nullable(),
  createdAt: z.string(),
  events: z.array(enrolmentEventSchema),
  permittedActions: z.array(z.string()),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const enrolmentListSchema = z.object({ items: z.array(enrolmentSchema) });

export const staffEnrolmentQuerySchema = z.object({
  organisationId: id,
  groupId: id.optional(),
  status: z.enum(CLUB_ENROLMENT_STATUSES).optional(),
});

export const staffDecisionSchema = z
  .object({
    to: z.enum(['under_review', 'invited', 'approved', 'studying', 'finished', 'refused', 'withdrawn']),
    reason: z.enum(CLUB_REFUSAL_REASONS).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.to !== 'refused' || v.reason !== undefined, {
    message: 'a refusal names its reason',
    path: ['reason'],
  });
export type StaffDecision = z.infer<typeof staffDecisionSchema>;

export const vkLaunchRequestSchema = z.object({ params: z.string().min(1).max(4000) });
export const vkLaunchResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  vkUserId: z.number().int(),
  groupId: z.number().int().nullable(),
  organisationId: z.number().int().nullable(),
  linked: z.boolean(),
});
export const vkLinkRequestSchema = z.object({ token: z.string().min(20).max(200) });
export const vkLinkResponseSchema = z.object({
  vkUserId: z.number().int(),
  linked: z.literal(true),
  /** A session of the citizen for the mini app's later calls (`Authorization: Bearer`). */
  token: z.string(),
  expiresAt: z.string(),
});

export const vkDemoQuerySchema = z.object({
  vkUserId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .default(100_000_001),
});
export const vkDemoCommunitiesSchema = z.object({
  items: z.array(
    z.object({
      groupId: z.number().int(),
      screenName: z.string().nullable(),
      organisationId: z.number().int(),
      organisation: z.string(),
      /** The launch query string, as VK would append it to the mini app's URL. */
      params: z.string(),
    }),
  ),
});

export const programmeUrl = (id: number) => `/clubs/programmes/${id}`;
export const enrolmentUrl = (id: number) => `/my/clubs/enrolments/${id}`;

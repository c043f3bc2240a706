import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * Placement waves (комплектование) and directions (направления), issue 6: every request and response of
 * `src/modules/kindergarten/placement/routes.ts`. Dates are 'YYYY-MM-DD', moments ISO-8601 strings.
 */

const day = calendarDate;
const reason = z.string().trim().min(3).max(500);

export const waveRulesSchema = z.object({
  desiredDateReached: z.boolean().default(true),
  includeBenefitCheck: z.boolean().default(false),
  ageMin: z.number().int().min(0).max(7).default(0),
  ageMax: z.number().int().min(0).max(7).default(7),
});
export type WaveRulesInput = z.infer<typeof waveRulesSchema>;

export const createWaveSchema = z.object({
  municipalityId: z.number().int().positive(),
  kind: z.enum(['main', 'additional']),
  title: z.string().trim().min(2).max(200),
  placementDate: day,
  rules: waveRulesSchema.default({
    desiredDateReached: true,
    includeBenefitCheck: false,
    ageMin: 0,
    ageMax: 7,
  }),
  /**
   * Where seats come from when `seats` is omitted: each open group's free places now ('free'), or its
   * whole capacity ('capacity': groups formed anew for the school year, e.g. the main wave).
   */
  seatSource: z.enum(['free', 'capacity']).default('free'),
  /** Seats per group; omitted: every open group of the municipality offers seats by `seatSource`. */
  seats: z
    .array(z.object({ groupId: z.number().int().positive(), seats: z.number().int().min(0).max(60) }))
    .max(20_000)
    .optional(),
});
export type CreateWaveInput = z.infer<typeof createWaveSchema>;

export const runStatusSchema = z.enum(['queued', 'draft', 'failed', 'superseded', 'confirmed']);

export const waveSummarySchema = z.object({
  id: z.string(),
  municipalityId: z.number().int(),
  kind: z.enum(['main', 'additional']),
  title: z.string(),
  placementDate: z.string(),
  schoolYearStart: z.string(),
  rules: waveRulesSchema,
  status: z.enum(['open', 'confirmed', 'cancelled']),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  seatsOffered: z.number().int(),
  groupsOffered: z.number().int(),
  excludedApplications: z.number().int(),
  latestRun: z
    .object({
      id: z.number().int(),
      status: runStatusSchema,
      requestedAt: z.string(),
      finishedAt: z.string().nullable(),
      error: z.string().nullable(),
      /** 0..1 while queued on this process; 1 when finished. */
      progress: z.number(),
      stage: z.string(),
    })
    .nullable(),
  permittedActions: z.array(z.string()),
});
export type WaveSummary = z.infer<typeof waveSummarySchema>;
export const waveListSchema = z.object({ items: z.array(waveSummarySchema) });

export const cutoffSchema = z
  .object({
    classRank: z.number().int(),
    queueClass: z.string(),
    registeredOn: z.string(),
    holdsCurrent: z.boolean(),
  })
  .nullable();

export const reviewProgramSchema = z.object({
  programId: z.string(),
  groupId: z.number().int(),
  groupName: z.string(),
  kindergartenId: z.number().int(),
  seats: z.number().int(),
  held: z.number().int(),
  admitted: z.number().int(),
  seatsLeft: z.number().int(),
  applicants: z.number().int(),
  cutoff: cutoffSchema,
});

export const reviewKindergartenSchema = z.object({
  kindergartenId: z.number().int(),
  code: z.string(),
  name: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  seats: z.number().int(),
  admitted: z.number().int(),
  seatsLeft: z.number().int(),
  programs: z.array(reviewProgramSchema),
});

export const reviewChildSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  childName: z.string(),
  ageGroup: z.number().int(),
  queueClass: z.string(),
  assignedGroupId: z.number().int().nullable(),
  assignedKindergartenId: z.number().int().nullable(),
  choiceRank: z.number().int().nullable(),
  keptCurrent: z.boolean(),
  explanation: z.object({ ru: z.string(), en: z.string() }),
});

export const waveReviewSchema = z.object({
  runId: z.number().int(),
  status: runStatusSchema,
  inputSha256: z.string(),
  stats: z.object({
    children: z.number().int(),
    placed: z.number().int(),
    unplaced: z.number().int(),
    byChoiceRank: z.array(z.object({ rank: z.number().int(), count: z.number().int() })),
    seatsOffered: z.number().int(),
    seatsLeft: z.number().int(),
    /** Placed children who keep the group they already attend: placed, but no new direction. */
    keptCurrent: z.number().int(),
    /** Directions the confirmation issues (or issued): placed − keptCurrent. */
    directions: z.number().int(),
    /**
     * Why children stay unplaced while seats stay free: no seat is left anywhere for the child's age
     * group (ageGroup), or seats of its age are left only in kindergartens it did not choose or in
     * groups of another orientation or stay mode (notChosen).
     */
    unplacedByReason: z.object({ ageGroup: z.number().int(), notChosen: z.number().int() }),
    /** Seats left per age band (full years, [ageFrom, ageTo)). */
    seatsLeftByAge: z.array(
      z.object({ ageFrom: z.number().int(), ageTo: z.number().int(), seats: z.number().int() }),
    ),
  }),
  kindergartens: z.array(reviewKindergartenSchema),
  children: z.array(reviewChildSchema),
  total: z.number().int(),
});
export type WaveReview = z.infer<typeof waveReviewSchema>;

export const reviewQuerySchema = z.object({
  kindergartenId: z.coerce.number().int().positive().optional(),
  outcome: z.enum(['all', 'placed', 'unplaced']).default('all'),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const excludeSchema = z.object({ reason });
export const excludeSeatSchema = z.object({ groupId: z.number().int().positive(), reason });
export const excludeApplicationSchema = z.object({ applicationId: z.string().uuid(), reason });

export const DIRECTION_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'enrolled'] as const;
export const directionStatusSchema = z.enum(DIRECTION_STATUSES);

export const directionSchema = z.object({
  id: z.string(),
  number: z.string(),
  waveId: z.string(),
  waveTitle: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  childName: z.string(),
  kindergartenId: z.number().int(),
  kindergartenName: z.string(),
  kindergartenAddress: z.string(),
  groupName: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  status: directionStatusSchema,
  decidedAt: z.string().nullable(),
  explanation: z.object({ ru: z.string(), en: z.string() }),
  permittedActions: z.array(z.string()),
});
export type Direction = z.infer<typeof directionSchema>;
export const directionListSchema = z.object({ items: z.array(directionSchema) });

/** A parent's view: directions plus the explanation for children a confirmed wave did not place. */
export const myPlacementSchema = z.object({
  directions: z.array(directionSchema),
  unplaced: z.array(
    z.object({
      applicationNumber: z.string(),
      childName: z.string(),
      waveTitle: z.string(),
      explanation: z.object({ ru: z.string(), en: z.string() }),
    }),
  ),
});

export const confirmResultSchema = z.object({ directions: z.number().int(), runId: z.number().int() });
export const runRequestedSchema = z.object({ runId: z.number().int() });

export const publishedWaveSchema = z.object({
  id: z.string(),
  municipalityId: z.number().int(),
  title: z.string(),
  confirmedAt: z.string(),
  children: z.number().int(),
  placed: z.number().int(),
  inputSha256: z.string(),
});
export const publishedWaveListSchema = z.object({ items: z.array(publishedWaveSchema) });

export const waveSeatSchema = z.object({
  groupId: z.number().int(),
  groupName: z.string(),
  kindergartenId: z.number().int(),
  kindergartenName: z.string(),
  ageFrom: z.number().int(),
  ageTo: z.number().int(),
  seats: z.number().int(),
  excludedReason: z.string().nullable(),
});
export const waveSeatListSchema = z.object({ items: z.array(waveSeatSchema) });
export const setSeatsSchema = z.object({
  groupId: z.number().int().positive(),
  seats: z.number().int().min(0).max(60),
});

import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/** Contests of best practices (issue 18): the API's schemas, shared with the web app. */
export const CONTEST_STATES = ['draft', 'submissions', 'review', 'voting', 'closed', 'published'] as const;
export const contestStateSchema = z.enum(CONTEST_STATES);

const contestIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and hyphens');
const nominationIdSchema = z.string().regex(/^n-[0-9]{2,3}$/, 'n-01 … n-999');
const practiceIdSchema = z.string().regex(/^p-[0-9]{4,6}$/, 'p-0001 …');
const codeSchema = z.string().regex(/^[a-z0-9-]{2,40}$/, 'lowercase letters, digits and hyphens');
export const regionCodeSchema = z.string().regex(/^[0-9]{2}$/, 'the two-digit subject code');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters');
const isoTime = z.iso.datetime({ offset: true });

export const contestIdParams = z.object({ contestId: contestIdSchema });
export const practiceParams = z.object({ contestId: contestIdSchema, practiceId: practiceIdSchema });
export const receiptParams = z.object({ contestId: contestIdSchema, receipt: hex64 });
export const seqParams = z.object({ contestId: contestIdSchema, seq: z.coerce.number().int().min(1) });

export const windowsSchema = z.object({
  submissionsOpen: isoTime,
  submissionsClose: isoTime,
  reviewOpen: isoTime,
  reviewClose: isoTime,
  votingOpen: isoTime,
  votingClose: isoTime,
});
export const directionSchema = z.object({ code: codeSchema, title: z.string().min(2).max(200) });
export const criterionSchema = z.object({
  code: codeSchema,
  title: z.string().min(2).max(200),
  weight: z.number().int().min(1).max(100),
  maxScore: z.number().int().min(1).max(100).default(10),
});
export const nominationInputSchema = z.object({
  id: nominationIdSchema,
  directionCode: codeSchema,
  title: z.string().min(3).max(300),
  topicCode: z.string().max(100).nullable().default(null),
  topicCount: z.number().int().min(0).nullable().default(null),
  topicShare: z.number().min(0).max(1).nullable().default(null),
});

export const createContestSchema = z.object({
  id: contestIdSchema,
  title: z.string().min(3).max(300),
  rules: z.string().max(20000).default(''),
  windows: windowsSchema,
  directions: z.array(directionSchema).min(1).max(30),
  criteria: z.array(criterionSchema).max(20).default([]),
});
export const updateContestSchema = z.object({
  title: z.string().min(3).max(300).optional(),
  rules: z.string().max(20000).optional(),
  windows: windowsSchema.optional(),
  directions: z.array(directionSchema).min(1).max(30).optional(),
  criteria: z.array(criterionSchema).max(20).optional(),
});
export const nominationsSchema = z.object({ nominations: z.array(nominationInputSchema).max(100) });
export const transitionSchema = z.object({ to: contestStateSchema });

export const nominationSchema = nominationInputSchema.extend({ position: z.number().int() });
export const contestSchema = z.object({
  id: z.string(),
  title: z.string(),
  rules: z.string(),
  state: contestStateSchema,
  windows: windowsSchema,
  closedAt: z.string().nullable(),
  directions: z.array(directionSchema),
  criteria: z.array(criterionSchema),
  nominations: z.array(nominationSchema),
  permittedActions: z.array(z.string()),
});
export type Contest = z.infer<typeof contestSchema>;
export const contestListSchema = z.array(
  z.object({ id: z.string(), title: z.string(), state: contestStateSchema, windows: windowsSchema }),
);

export const proposalsQuerySchema = z
  .object({ from: calendarDate, to: calendarDate, limit: z.coerce.number().int().min(1).max(50).default(13) })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export const proposalsSchema = z.object({
  /** `feedback`: from the appeals service's topics; `unavailable`: type the list in. */
  source: z.enum(['feedback', 'unavailable']),
  total: z.number().int(),
  proposals: z.array(
    z.object({ topicCode: z.string(), title: z.string(), count: z.number().int(), share: z.number() }),
  ),
});

const resultFigureSchema = z.object({
  indicator: z.string().min(2).max(300),
  before: z.number().nullable(),
  after: z.number(),
  unit: z.string().max(40).default(''),
});
export const practiceInputSchema = z.object({
  nominationId: nominationIdSchema,
  submitterKind: z.enum(['regional_team', 'organisation', 'ngo', 'business']),
  organisationId: z.number().int().positive().nullable().default(null),
  regionCode: regionCodeSchema,
  title: z.string().min(3).max(300),
  problem: z.string().max(10000).default(''),
  solution: z.string().max(20000).default(''),
  results: z.string().max(10000).default(''),
  resultFigures: z.array(resultFigureSchema).max(30).default([]),
  periodFrom: calendarDate.nullable().default(null),
  periodTo: calendarDate.nullable().default(null),
  worksAt: z.array(z.string().min(2).max(300)).max(100).default([]),
  contacts: z.string().max(1000).default(''),
});
export type PracticeInput = z.infer<typeof practiceInputSchema>;
export const practiceSchema = practiceInputSchema.extend({
  id: z.string(),
  contestId: z.string(),
  status: z.enum(['draft', 'submitted', 'admitted', 'rejected']),
  moderationReason: z.string().nullable(),
  shortlisted: z.boolean(),
  documents: z.array(z.object({ id: z.number(), name: z.string(), mediaType: z.string() })),
});
export type Practice = z.infer<typeof practiceSchema>;
export const practiceListSchema = z.array(practiceSchema);
export const practiceListQuerySchema = z.object({
  status: z.enum(['draft', 'submitted', 'admitted', 'rejected']).optional(),
  nominationId: nominationIdSchema.optional(),
});
export const documentSchema = z.object({
  name: z.string().min(1).max(200),
  /** The file, base64; its first bytes decide its type (PDF, PNG, JPEG), never its name. */
  contentBase64: z.string().min(4).max(14_000_000),
});

export const moderationSchema = z.object({
  decision: z.enum(['admit', 'reject']),
  reason: z.string().min(3).max(2000),
});
export const shortlistSchema = z.object({
  nominationId: nominationIdSchema,
  practiceIds: z.array(practiceIdSchema).max(50),
});
export const conflictSchema = z.object({ reason: z.string().min(3).max(1000) });
export const scoresSchema = z.object({
  scores: z
    .array(z.object({ criterion: codeSchema, score: z.number().int().min(0).max(100) }))
    .min(1)
    .max(20),
  comment: z.string().max(2000).nullable().default(null),
});
export const reviewItemSchema = z.object({
  practiceId: z.string(),
  nominationId: z.string(),
  title: z.string(),
  regionCode: z.string(),
  /** `open`: may score; `scored`; `conflict`: declared; `own_region` / `own_organisation`: barred. */
  myStatus: z.enum(['open', 'scored', 'conflict', 'own_region', 'own_organisation']),
  myScores: z.array(z.object({ criterion: z.string(), score: z.number() })),
  /** Shown once every eligible expert has scored it; null before. */
  weighted: z.number().nullable(),
  expertsIn: z.number().int(),
  expertsDue: z.number().int(),
  shortlisted: z.boolean(),
});
export const reviewSchema = z.array(reviewItemSchema);

export const voteSchema = z.object({ nominationId: nominationIdSchema, practiceId: practiceIdSchema });
export const voteReceiptSchema = z.object({
  contestId: z.string(),
  nominationId: z.string(),
  receipt: z.string(),
  seq: z.number().int(),
});
export const receiptCheckSchema = z.object({
  receipt: z.string(),
  seq: z.number().int(),
  /** The latest published checkpoint covers the line. */
  checkpointed: z.boolean(),
  annulled: z.boolean(),
});
export const annulmentSchema = z.object({ reason: z.string().min(3).max(500) });
export const annulmentResultSchema = z.object({ seq: z.number().int(), annuls: z.number().int() });

export const openContestsSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    state: contestStateSchema,
    voting_opens: z.string(),
    voting_closes: z.string(),
    nominations: z.array(z.object({ id: z.string(), title: z.string(), direction: z.string() })),
  }),
);
export const checkpointsSchema = z.array(
  z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }),
);
export const resultsSchema = z.object({
  contest: z.string(),
  closed_at: z.string(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  totals: z.array(z.object({ nomination: z.string(), practice: z.string(), votes: z.number().int() })),
  by_region: z.array(
    z.object({
      nomination: z.string(),
      practice: z.string(),
      voter_region: z.string(),
      votes: z.number().int(),
    }),
  ),
});
export const publicContestSchema = contestSchema.omit({ permittedActions: true }).extend({
  ballot: z.array(
    z.object({ nominationId: z.string(), practiceId: z.string(), title: z.string(), regionCode: z.string() }),
  ),
});

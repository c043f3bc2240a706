import { z } from 'zod';

/** The audit log as the API serves it to auditors (GET /api/audit/events, /api/audit/verify). */
export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** A staff actor's name; a citizen's stays out of the log's pages (their id is enough to follow). */
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  municipalityId: z.number().int().nullable(),
  summary: z.record(z.string(), z.unknown()),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const filterText = z.string().trim().max(100).optional();

export const auditEventQuerySchema = z.object({
  action: filterText,
  subjectType: filterText,
  subjectId: filterText,
  actorId: z.string().uuid().optional(),
  municipalityId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  beforeSeq: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventQuery = z.input<typeof auditEventQuerySchema>;

export const auditEventPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['content', 'link']) }).nullable(),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;

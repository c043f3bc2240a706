import { z } from 'zod';
import { BIRTH_CERTIFICATE_EXAMPLE, normaliseBirthCertificate } from './birth-certificate.js';
import { parseSnils } from './snils.js';
import { calendarDate } from './calendar-date.js';

/**
 * Families (issue 14): a citizen's children, their legal representatives, invitations of the second
 * parent and health facts kept with consent — every request and response of
 * `src/platform/families/routes.ts`, shared by the API and the web app.
 */
const personName = z.string().trim().min(1, 'required').max(100);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const RELATIONS = ['parent', 'guardian'] as const;
export const relationSchema = z.enum(RELATIONS);
export const HEALTH_FACT_KINDS = ['disability', 'ovz', 'food_allergy'] as const;
export const healthFactKindSchema = z.enum(HEALTH_FACT_KINDS);
export type HealthFactKind = z.infer<typeof healthFactKindSchema>;

/** Свидетельство о рождении, checked and stored in one form (`I-ТС 123456`). */
export const birthCertificateSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const stored = normaliseBirthCertificate(v);
    if (stored === null) {
      ctx.addIssue({
        code: 'custom',
        message: `a birth certificate: Roman-numeral series, dash, two Cyrillic capitals, space, six digits (${BIRTH_CERTIFICATE_EXAMPLE})`,
      });
      return z.NEVER;
    }
    return stored;
  });

/** СНИЛС with its control number, stored as `123-456-789 01`. */
export const snilsSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const parsed = parseSnils(v);
    if ('problem' in parsed) {
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.problem === 'format'
            ? 'a СНИЛС is 11 digits, written 123-456-789 01'
            : 'the СНИЛС control number does not match: check the number on the insurance certificate',
      });
      return z.NEVER;
    }
    return parsed.snils;
  });

export const addChildInputSchema = z.object({
  lastName: personName,
  firstName: personName,
  patronymic: optionalText(100),
  birthDate: calendarDate,
  sex: z.enum(['m', 'f']),
  birthCertificate: birthCertificateSchema,
  snils: snilsSchema.optional(),
  registrationAddress: optionalText(300),
  /** How the caller relates to the child. */
  relation: relationSchema.default('parent'),
});
export type AddChildInput = z.infer<typeof addChildInputSchema>;

/** Where a child attends, as the platform (schools) or a module (kindergartens, clubs…) tells it. */
export const attendanceSchema = z.object({
  module: z.string(),
  kind: z.enum(['kindergarten', 'school', 'club', 'other']),
  organisationId: z.number().int().nullable(),
  organisationName: z.string(),
  /** The group, or grade and letter («3 «Б»»). */
  unit: z.string().nullable(),
  since: z.string().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const representativeSchema = z.object({
  fullName: z.string(),
  relation: relationSchema,
  isMe: z.boolean(),
});

export const healthFactSchema = z.object({
  id: z.number().int(),
  kind: healthFactKindSchema,
  detail: z.string(),
  consentAt: z.string(),
});
export type HealthFact = z.infer<typeof healthFactSchema>;

/** A request in some service about the child, as the module told the platform's registry. */
export const familyRequestSchema = z.object({
  module: z.string(),
  kind: z.string(),
  reference: z.string().nullable(),
  /** The module's own status code; `state` is what the family sees first. */
  status: z.string(),
  state: z.enum(['open', 'done', 'refused', 'withdrawn']),
  link: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type FamilyRequest = z.infer<typeof familyRequestSchema>;

export const familyChildSchema = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(['m', 'f']).nullable(),
  birthCertificate: z.string(),
  snils: z.string().nullable(),
  registrationAddress: z.string().nullable(),
  source: z.enum(['application', 'esia', 'manual', 'seed']),
  attends: z.array(attendanceSchema),
  representatives: z.array(representativeSchema),
  healthFacts: z.array(healthFactSchema),
  /** The caller's own requests about the child in every service (the requests registry). */
  requests: z.array(familyRequestSchema),
});
export type FamilyChild = z.infer<typeof familyChildSchema>;

export const familyResponseSchema = z.object({ children: z.array(familyChildSchema) });
export type FamilyResponse = z.infer<typeof familyResponseSchema>;

export const invitationInputSchema = z.object({ relation: relationSchema.default('parent') });
export const invitationResponseSchema = z.object({
  id: z.string(),
  /** Shown once: only its hash is kept. */
  code: z.string(),
  expiresAt: z.string(),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const acceptInvitationInputSchema = z.object({ code: z.string().trim().min(1).max(40) });
export const acceptInvitationResponseSchema = z.object({ childId: z.string(), relation: relationSchema });

export const healthFactsInputSchema = z.object({
  facts: z
    .array(
      z.object({
        kind: healthFactKindSchema,
        detail: z.string().trim().max(100).default(''),
      }),
    )
    .max(20)
    .refine(
      (facts) => new Set(facts.map((f) => `${f.kind}\u0000${f.detail}`)).size === facts.length,
      'each fact once',
    ),
  /** The representative's consent to keep these facts (152-ФЗ ст. 10, special category). */
  consent: z.boolean(),
});
export type HealthFactsInput = z.infer<typeof healthFactsInputSchema>;
export const healthFactsResponseSchema = z.object({ healthFacts: z.array(healthFactSchema) });

import { z } from 'zod';
import { checkInn, checkKpp, checkOgrn } from './tax-ids.js';

/**
 * The platform's registry of organisations (issue 14): every request and response of
 * `src/platform/organisations/routes.ts`, shared by the API (validation, OpenAPI) and the web app.
 */
export const ORGANISATION_KINDS = [
  'kindergarten',
  'school',
  'extra_education',
  'sports_school',
  'private_provider',
  'municipal_education_body',
  'regional_ministry',
  'control_centre',
] as const;
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKindName = z.infer<typeof organisationKindSchema>;

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const taxId = (check: (v: string) => 'format' | 'check-digit' | null, name: string, shape: string) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = check(v);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message:
            problem === 'format'
              ? `${name} must be ${shape}`
              : `${name} check digit does not match: check the number against the organisation's registration record`,
        });
    })
    .nullable()
    .optional();

export const vkCommunitySchema = z.object({
  groupId: z.number().int().positive(),
  screenName: z
    .string()
    .regex(/^[A-Za-z0-9_.]{2,64}$/, 'letters, digits, _ and ., 2–64')
    .nullable(),
  clubsAppInstalled: z.boolean(),
});
export type VkCommunity = z.infer<typeof vkCommunitySchema>;

export const organisationSchema = z.object({
  id: z.number().int(),
  kind: organisationKindSchema,
  fullName: z.string(),
  shortName: z.string(),
  nameEn: z.string().nullable(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  municipalityId: z.number().int().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  headName: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  vkCommunities: z.array(vkCommunitySchema),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListQuerySchema = z.object({
  kind: organisationKindSchema.optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  /** Name or address: Russian full-text search with prefix matching. */
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const organisationListResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(organisationSchema.omit({ vkCommunities: true })),
});

export const organisationCardInputSchema = z
  .object({
    fullName: z.string().trim().min(2).max(500).optional(),
    shortName: z.string().trim().min(2).max(300).optional(),
    nameEn: text(300),
    inn: taxId(checkInn, 'ИНН', '10 digits (an organisation) or 12 (an entrepreneur)'),
    kpp: taxId(checkKpp, 'КПП', '9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits'),
    ogrn: taxId(checkOgrn, 'ОГРН', '13 digits (ОГРНИП: 15)'),
    address: text(300),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    phone: text(50),
    email: z.string().trim().email().max(200).nullable().optional(),
    website: z.string().trim().url().max(300).nullable().optional(),
    headName: text(200),
  })
  .strict();
export type OrganisationCardInput = z.infer<typeof organisationCardInputSchema>;

export const vkCommunitiesInputSchema = z.object({
  communities: z
    .array(vkCommunitySchema)
    .max(10)
    .refine((list) => new Set(list.map((c) => c.groupId)).size === list.length, 'each group once'),
});

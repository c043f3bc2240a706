import { z } from 'zod';
import { ROLES } from '../platform/auth/roles.js';

// Shared by the API (validation, OpenAPI) and the web app (types): one schema, three uses.
export const roleSchema = z.enum(ROLES);

export const roleGrantSchema = z.object({
  role: roleSchema,
  municipalityId: z.number().int().nullable(),
  kindergartenId: z.number().int().nullable(),
  /** The organisation a grant is held over (a kindergarten head's is the kindergarten). */
  organisationId: z.number().int().nullable(),
});

export const sessionUserSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['staff', 'citizen']),
  fullName: z.string(),
  email: z.string().nullable(),
  locale: z.enum(['ru', 'en']),
  totpEnabled: z.boolean(),
  grants: z.array(roleGrantSchema),
});

export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** Send back as X-CSRF-Token on every write. Null when signed out. */
  csrfToken: z.string().nullable(),
  /** Whether citizens sign in through the embedded demo OpenID provider. */
  demoMode: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1, 'enter your login').max(100),
  password: z.string().min(1, 'enter your password').max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const regionResponseSchema = z.object({
  nameRu: z.string(),
  nameEn: z.string(),
  municipalities: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      nameRu: z.string(),
      nameEn: z.string(),
      centerLat: z.number(),
      centerLon: z.number(),
    }),
  ),
  tileUrl: z.string(),
  demoLogins: z.array(
    z.object({ login: z.string(), password: z.string(), role: roleSchema, description: z.string() }),
  ),
});
export type RegionResponse = z.infer<typeof regionResponseSchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

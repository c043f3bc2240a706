import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * The portal's platform API: a family's requests across services (GET /api/my/requests) and news of
 * the region's services (GET /api/portal/news). Modules write the rows; the platform only reads them.
 */

export const REQUEST_STATES = ['open', 'done', 'refused', 'withdrawn'] as const;
export const requestStateSchema = z.enum(REQUEST_STATES);
export type RequestState = z.infer<typeof requestStateSchema>;

const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const myRequestsQuerySchema = z.object({
  state: requestStateSchema.optional(),
  ...pageQuery,
});
export type MyRequestsQuery = z.input<typeof myRequestsQuerySchema>;

export const familyRequestSchema = z.object({
  id: z.number().int(),
  /** The service that owns the request ('kindergarten', 'clubs'…). */
  module: z.string(),
  /** What kind of request it is within the service ('application', 'enrolment', 'appeal'…). */
  kind: z.string(),
  /** The service's own number of it, shown to the family (e.g. the application number). */
  reference: z.string().nullable(),
  /** The service's own status code; `state` is the coarse one every service shares. */
  status: z.string(),
  state: requestStateSchema,
  childId: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  /** Where the family follows it (an in-app path). */
  link: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type FamilyRequest = z.infer<typeof familyRequestSchema>;

export const myRequestsSchema = z.object({
  items: z.array(familyRequestSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MyRequests = z.infer<typeof myRequestsSchema>;

export const portalNewsQuerySchema = z.object({ ...pageQuery });
export type PortalNewsQuery = z.input<typeof portalNewsQuerySchema>;

export const portalNewsItemSchema = z.object({
  id: z.number().int(),
  publishedOn: calendarDate,
  /** The service the news is about, or null for the whole portal. */
  module: z.string().nullable(),
  titleRu: z.string(),
  titleEn: z.string().nullable(),
  bodyRu: z.string(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
});
export type PortalNewsItem = z.infer<typeof portalNewsItemSchema>;

export const portalNewsSchema = z.object({
  items: z.array(portalNewsItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PortalNews = z.infer<typeof portalNewsSchema>;

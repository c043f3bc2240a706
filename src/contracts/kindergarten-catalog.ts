import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * Kindergarten catalog (issue 4): every request and response of
 * `src/modules/kindergarten/catalog/routes.ts`, shared by the API (validation, OpenAPI) and the web app.
 * Dates are 'YYYY-MM-DD' strings.
 */

export const CATALOG_ORIENTATIONS = ['general', 'compensating', 'health', 'combined'] as const;
export const CATALOG_STAY_MODES = ['short', 'reduced', 'full', 'extended', 'round_the_clock'] as const;
export const KINDERGARTEN_STATUSES = ['operating', 'under_construction', 'planned', 'closed'] as const;
export const CATALOG_SORTS = ['name', 'distance', 'free'] as const;

export const catalogOrientationSchema = z.enum(CATALOG_ORIENTATIONS);
export const catalogStayModeSchema = z.enum(CATALOG_STAY_MODES);
export const kindergartenStatusSchema = z.enum(KINDERGARTEN_STATUSES);
export type KindergartenStatusName = z.infer<typeof kindergartenStatusSchema>;

const isoDate = calendarDate;
const boolQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

// ---------------------------------------------------------------------------------------------------
// Public list and map

export const kindergartenListQuerySchema = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
  status: kindergartenStatusSchema.optional(),
  /** A child's age in full years: only groups taking that age count for `freeOnly` and `freeForAge`. */
  age: z.coerce.number().int().min(0).max(7).optional(),
  /** Only kindergartens with at least one free place (in a group for `age`, when given). */
  freeOnly: boolQuery,
  orientation: catalogOrientationSchema.optional(),
  stayMode: catalogStayModeSchema.optional(),
  accessible: boolQuery,
  language: z.string().trim().min(2).max(10).optional(),
  /** Name or address; full-text search in Russian with prefix matching. */
  q: z.string().trim().max(100).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  sort: z.enum(CATALOG_SORTS).default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type KindergartenListQuery = z.input<typeof kindergartenListQuerySchema>;

export const ageFreeSchema = z.object({
  ageFrom: z.number().int(),
  ageTo: z.number().int(),
  capacity: z.number().int(),
  freePlaces: z.number().int(),
});

export const kindergartenSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  municipalityId: z.number().int(),
  nameRu: z.string(),
  nameEn: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  status: kindergartenStatusSchema,
  openingDate: z.string().nullable(),
  accessible: z.boolean(),
  languages: z.array(z.string()),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freePlaces: z.number().int(),
  /** Free places in groups taking the requested age, null without `age`. */
  freeForAge: z.number().int().nullable(),
  applicantsFirst: z.number().int(),
  applicantsAny: z.number().int(),
  /** Applicants (first choice) per free place; null when there is no free place. */
  pressure: z.number().nullable(),
  distanceKm: z.number().nullable(),
  ageGroups: z.array(ageFreeSchema),
});
export type KindergartenSummary = z.infer<typeof kindergartenSummarySchema>;

export const kindergartenListSchema = z.object({
  items: z.array(kindergartenSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KindergartenList = z.infer<typeof kindergartenListSchema>;

/** Compact points for the map: every kindergarten matching the filters. */
export const mapPointSchema = z.object({
  id: z.number().int(),
  nameRu: z.string(),
  nameEn: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  status: kindergartenStatusSchema,
  freePlaces: z.number().int(),
  freeForAge: z.number().int().nullable(),
});
export const mapPointsSchema = z.object({ items: z.array(mapPointSchema) });
export type MapPoint = z.infer<typeof mapPointSchema>;

export const geocodeQuerySchema = z.object({ q: z.string().trim().min(2).max(200) });
export const geocodeResultSchema = z.object({
  lat: z.number(),
  lon: z.number(),
  label: z.string(),
  /** How the point was found: an address of a kindergarten on that street, or a municipality's centre. */
  precision: z.enum(['street', 'municipality']),
});
export type GeocodeResult = z.infer<typeof geocodeResultSchema>;

// ---------------------------------------------------------------------------------------------------
// Kindergarten page

export const publicGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  ageFrom: z.number().int(),
  ageTo: z.number().int(),
  orientation: catalogOrientationSchema,
  stayMode: catalogStayModeSchema,
  language: z.string(),
  isOpen: z.boolean(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freePlaces: z.number().int(),
  applicantsFirst: z.number().int(),
  applicantsAny: z.number().int(),
});
export type PublicGroup = z.infer<typeof publicGroupSchema>;

export const constructionNoteSchema = z.object({
  id: z.number().int(),
  notedOn: z.string(),
  progressPercent: z.number().int(),
  textRu: z.string(),
  textEn: z.string().nullable(),
});
export type ConstructionNote = z.infer<typeof constructionNoteSchema>;

/** A photo link typed into the card (the older way; uploaded photos are `kindergartenPhotoSchema`). */
export const photoSchema = z.object({ url: z.string().max(500), alt: z.string().max(300) });

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Uploaded photos per kindergarten (the schema refuses a 13th). */
export const MAX_PHOTOS = 12;
export const photoMediaTypeSchema = z.enum(PHOTO_MEDIA_TYPES);

/**
 * A photo on the kindergarten page: uploaded ones first, in their order (`id`, served by
 * `GET /api/kindergartens/{kindergartenId}/photos/{photoId}`, with width and height when the image
 * header gave them), then links typed into the card (`id` null).
 */
export const kindergartenPhotoSchema = z.object({
  id: z.number().int().nullable(),
  url: z.string().max(500),
  /** Russian alternative text. */
  alt: z.string().max(300),
  altEn: z.string().max(300).nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type KindergartenPhoto = z.infer<typeof kindergartenPhotoSchema>;

/** Where an uploaded photo is served (public, cacheable: a photo's bytes never change). */
export const kindergartenPhotoUrl = (kindergartenId: number, photoId: number) =>
  `/api/kindergartens/${kindergartenId}/photos/${photoId}`;

export const kindergartenDetailSchema = kindergartenSummarySchema.extend({
  municipalityNameRu: z.string(),
  municipalityNameEn: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  headName: z.string().nullable(),
  workingHours: z.string().nullable(),
  description: z.string().nullable(),
  photos: z.array(kindergartenPhotoSchema),
  plannedCapacity: z.number().int().nullable(),
  groups: z.array(publicGroupSchema),
  constructionNotes: z.array(constructionNoteSchema),
});
export type KindergartenDetail = z.infer<typeof kindergartenDetailSchema>;

export const historyQuerySchema = z.object({
  months: z.coerce.number().int().min(1).max(60).default(24),
});
export const historyPointSchema = z.object({
  date: z.string(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freePlaces: z.number().int(),
  /** Applications in the queue that named this kindergarten on that day (any rank). */
  applicants: z.number().int(),
});
export const kindergartenHistorySchema = z.object({ points: z.array(historyPointSchema) });
export type KindergartenHistory = z.infer<typeof kindergartenHistorySchema>;

// ---------------------------------------------------------------------------------------------------
// Municipality summary

export const ageSummarySchema = z.object({
  age: z.number().int(),
  capacity: z.number().int(),
  freePlaces: z.number().int(),
  applicants: z.number().int(),
});
export const municipalitySummarySchema = z.object({
  municipalityId: z.number().int(),
  nameRu: z.string(),
  nameEn: z.string(),
  centerLat: z.number(),
  centerLon: z.number(),
  kindergartens: z.number().int(),
  underConstruction: z.number().int(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freePlaces: z.number().int(),
  applicants: z.number().int(),
  pressure: z.number().nullable(),
  pressureLevel: z.enum(['low', 'medium', 'high']),
  byAge: z.array(ageSummarySchema),
});
export const municipalitySummaryListSchema = z.object({ items: z.array(municipalitySummarySchema) });
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

// ---------------------------------------------------------------------------------------------------
// Staff

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const kindergartenCardInputSchema = z.object({
  nameRu: z.string().trim().min(2).max(300).optional(),
  nameEn: optionalText(300),
  address: z.string().trim().min(5).max(300).optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  phone: optionalText(50),
  email: z.string().trim().email().max(200).nullable().optional(),
  website: z.string().trim().url().max(300).nullable().optional(),
  headName: optionalText(200),
  workingHours: optionalText(200),
  description: optionalText(4000),
  accessible: z.boolean().optional(),
  languages: z.array(z.string().trim().min(2).max(10)).min(1).max(5).optional(),
  photos: z.array(photoSchema).max(12).optional(),
  // Construction fields: municipal officer and regional administrator only.
  status: kindergartenStatusSchema.optional(),
  openingDate: isoDate.nullable().optional(),
  plannedCapacity: z.number().int().min(0).max(2000).nullable().optional(),
  municipalityId: z.number().int().positive().optional(),
});
export type KindergartenCardInput = z.infer<typeof kindergartenCardInputSchema>;

export const kindergartenCreateSchema = kindergartenCardInputSchema.extend({
  municipalityId: z.number().int().positive(),
  code: z.string().regex(/^[A-Za-z0-9-]{2,20}$/, 'letters, digits and dashes, 2–20'),
  nameRu: z.string().trim().min(2).max(300),
  address: z.string().trim().min(5).max(300),
  status: kindergartenStatusSchema.default('operating'),
});
export type KindergartenCreateInput = z.input<typeof kindergartenCreateSchema>;
export type KindergartenCreateSchemaOutput = z.output<typeof kindergartenCreateSchema>;

export const groupInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  ageFrom: z.number().int().min(0).max(7).optional(),
  ageTo: z.number().int().min(1).max(8).optional(),
  orientation: catalogOrientationSchema.optional(),
  stayMode: catalogStayModeSchema.optional(),
  language: z.string().trim().min(2).max(10).optional(),
  // Range checks are the service's, so a negative capacity is a clear 422 naming the field.
  capacity: z.number().int().optional(),
  caretakers: z.number().int().optional(),
  isOpen: z.boolean().optional(),
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const groupCreateSchema = groupInputSchema.extend({
  name: z.string().trim().min(1).max(100),
  ageFrom: z.number().int().min(0).max(7),
  ageTo: z.number().int().min(1).max(8),
  capacity: z.number().int(),
  caretakers: z.number().int().default(2),
});
export type GroupCreateInput = z.input<typeof groupCreateSchema>;

export const enrollmentInputSchema = z.object({
  child: z.object({
    lastName: z.string().trim().min(1).max(100),
    firstName: z.string().trim().min(1).max(100),
    patronymic: z.string().trim().max(100).nullable().optional(),
    birthDate: isoDate,
    birthCertificate: z.string().trim().min(6).max(30),
  }),
  enrolledOn: isoDate,
});
export type EnrollmentInput = z.infer<typeof enrollmentInputSchema>;

export const departureInputSchema = z.object({
  enrollmentId: z.number().int().positive(),
  leftOn: isoDate,
  reason: z.string().trim().min(1).max(300),
});
export type DepartureInput = z.infer<typeof departureInputSchema>;

export const constructionNoteInputSchema = z.object({
  notedOn: isoDate,
  progressPercent: z.number().int().min(0).max(100),
  textRu: z.string().trim().min(2).max(2000),
  textEn: z.string().trim().max(2000).nullable().optional(),
});
export type ConstructionNoteInput = z.infer<typeof constructionNoteInputSchema>;

export const catalogConfigSchema = z.object({ allowOverCapacity: z.boolean() });
export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

export const attendingChildSchema = z.object({
  enrollmentId: z.number().int(),
  groupId: z.number().int(),
  childName: z.string(),
  birthDate: z.string(),
  enrolledOn: z.string(),
  ageYears: z.number().int(),
  coefficient: z.number(),
});

export const staffGroupSchema = publicGroupSchema.extend({
  caretakers: z.number().int(),
  /** Σ child coefficients / (caretakers × 7), as a fraction (1 = 100 %); null without caretakers. */
  occupancy: z.number().nullable(),
  coefficientSum: z.number(),
  overCapacity: z.boolean(),
});
export type StaffGroup = z.infer<typeof staffGroupSchema>;

const altText = z.string().trim().min(1).max(300);

/**
 * The text fields of a photo upload (multipart/form-data, beside the `file` part). The alternative
 * text is what a screen reader says instead of the picture, so Russian is required.
 */
export const photoUploadFieldsSchema = z.object({
  altRu: altText,
  altEn: z.string().trim().max(300).optional(),
});

/** Edit an uploaded photo's alternative text, or move it to another place in the gallery (1 = first). */
export const photoUpdateSchema = z.object({
  altRu: altText.optional(),
  altEn: z.string().trim().max(300).nullable().optional(),
  position: z.number().int().min(1).max(MAX_PHOTOS).optional(),
});
export type PhotoUpdate = z.infer<typeof photoUpdateSchema>;

export const staffPhotoSchema = z.object({
  id: z.number().int(),
  kindergartenId: z.number().int(),
  url: z.string(),
  position: z.number().int(),
  altRu: z.string(),
  altEn: z.string().nullable(),
  mediaType: photoMediaTypeSchema,
  sizeBytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: z.string(),
});
export type StaffPhoto = z.infer<typeof staffPhotoSchema>;

export const staffKindergartenSchema = kindergartenDetailSchema.extend({
  /** Uploaded photos in gallery order, with what staff need to manage them. */
  uploadedPhotos: z.array(staffPhotoSchema),
  groups: z.array(staffGroupSchema),
  occupancy: z.number().nullable(),
  allowOverCapacity: z.boolean(),
  children: z.array(attendingChildSchema),
  permittedActions: z.array(z.string()),
});
export type StaffKindergarten = z.infer<typeof staffKindergartenSchema>;

export const staffKindergartenListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      nameRu: z.string(),
      municipalityId: z.number().int(),
      status: kindergartenStatusSchema,
      capacity: z.number().int(),
      enrolled: z.number().int(),
      freePlaces: z.number().int(),
    }),
  ),
  permittedActions: z.array(z.string()),
});
export type StaffKindergartenList = z.infer<typeof staffKindergartenListSchema>;

export const idResponseSchema = z.object({ id: z.number().int() });

/**
 * Types shared with the API (src/contracts, zod schemas on the server). Type-only imports: the web bundle
 * carries no zod; the server validates its own responses against the same schemas.
 */
import type { SessionResponse } from '@contracts/auth';

export type { LoginRequest, NotificationList, RegionResponse, SessionResponse } from '@contracts/auth';

export type SessionUser = NonNullable<SessionResponse['user']>;
export type RoleGrant = SessionUser['grants'][number];
export type Role = RoleGrant['role'];

import type { ColumnType, Generated } from 'kysely';

// Column types of the platform's tables (migrations/0001_platform.sql).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, T | string | undefined, T | string>;

export interface RegionTable {
  id: Generated<number>;
  name_ru: string;
  name_en: string;
  config: Json<Record<string, unknown>>;
}

export interface MunicipalityTable {
  id: Generated<number>;
  code: string;
  name_ru: string;
  name_en: string;
  oktmo: string | null;
  center_lat: number;
  center_lon: number;
  config: Json<Record<string, unknown>>;
}

export interface AppUserTable {
  id: Generated<string>;
  kind: 'staff' | 'citizen';
  login: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  /** migrations/0008_auth_hardening.sql: the time step of the last TOTP code accepted. */
  totp_last_step: Generated<number | null>;
  oidc_subject: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  locale: Generated<'ru' | 'en'>;
  created_at: Generated<Date>;
  disabled_at: Date | null;
  /** migrations/0018: the identity provider confirmed the account (ЕСИА «trusted»). */
  identity_confirmed: Generated<boolean>;
  /** migrations/0018: the subject code (two digits) of the registration address, from the provider. */
  registration_region: string | null;
}

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: string;
  role: string;
  municipality_id: number | null;
  kindergarten_id: number | null;
  /** migrations/0009: the organisation a grant is held over (a kindergarten head's is the kindergarten). */
  organisation_id: number | null;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  revoked_at: Date | null;
  user_agent: string | null;
}

export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Generated<Date>;
}

/** migrations/0008_auth_hardening.sql: consecutive failed staff sign-ins per login name. */
export interface LoginThrottleTable {
  login: string;
  failures: number;
  not_before: Date | null;
  last_attempt_at: Timestamp;
}

export interface AuditEventTable {
  seq: Generated<number>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  municipality_id: number | null;
  summary: Json<Record<string, unknown>>;
  request_id: string | null;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json<Record<string, unknown>>;
  dedupe_key: string;
  status: Generated<'pending' | 'done' | 'dead'>;
  attempts: Generated<number>;
  run_after: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  done_at: Date | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: string;
  template: string;
  params: Json<Record<string, unknown>>;
  link: string | null;
  dedupe_key: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface EmailDeliveryTable {
  id: Generated<number>;
  dedupe_key: string;
  recipient: string;
  subject: string;
  template: string;
  message_id: string | null;
  sent_at: Generated<Date>;
}

export interface StoredFileTable {
  id: Generated<string>;
  owner_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
}

export interface IdempotentRequestTable {
  user_id: string;
  idempotency_key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Generated<Date>;
}

declare module './database.js' {
  interface Database {
    region: RegionTable;
    municipality: MunicipalityTable;
    app_user: AppUserTable;
    role_assignment: RoleAssignmentTable;
    user_session: UserSessionTable;
    oidc_login: OidcLoginTable;
    login_throttle: LoginThrottleTable;
    audit_event: AuditEventTable;
    outbox: OutboxTable;
    notification: NotificationTable;
    email_delivery: EmailDeliveryTable;
    stored_file: StoredFileTable;
    idempotent_request: IdempotentRequestTable;
  }
}

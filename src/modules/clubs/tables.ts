import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

// Column types of migrations/0013_clubs.sql, merged into the application's Database.
export interface ClubsProgrammeTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  direction: string;
  specialisation: string;
  level: string;
  age_min: number;
  age_max: number;
  description: Generated<string>;
  goals: Generated<string>;
  teacher_name: string | null;
  address: string | null;
  format: string;
  ovz_types: ColumnType<string[], string[] | undefined, string[]>;
  entrance_tests: Generated<boolean>;
  status: Generated<'draft' | 'published' | 'archived'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}

export interface ClubsGroupTable {
  id: Generated<number>;
  programme_id: number;
  name: string;
  financing: string;
  monthly_price: number | null;
  enrolment_opens_on: DateString;
  enrolment_closes_on: DateString;
  starts_on: DateString;
  ends_on: DateString;
  hours_per_year: number;
  schedule: Json;
  seats: number;
  seats_taken: Generated<number>;
  created_at: Generated<Date>;
}

export interface ClubsEnrolmentTable {
  id: Generated<number>;
  number: string;
  group_id: number;
  child_id: string;
  applicant_user_id: string;
  status: string;
  channel: 'web' | 'vk' | 'widget' | 'staff' | 'demo';
  waitlisted_at: Timestamp | null;
  offer_expires_at: Timestamp | null;
  review_due: DateString | null;
  refusal_reason: string | null;
  refusal_note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClubsEnrolmentEventTable {
  id: Generated<string>;
  enrolment_id: number;
  at: Generated<Date>;
  actor_user_id: string | null;
  from_status: string | null;
  to_status: string;
  note: string | null;
}

export interface ClubsVkLaunchTable {
  sign_hash: string;
  token_hash: string;
  vk_user_id: ColumnType<string, number | string, never>;
  vk_group_id: ColumnType<string | null, number | string | null, never>;
  organisation_id: number | null;
  vk_ts: Timestamp;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ClubsVkAccountTable {
  vk_user_id: ColumnType<string, number | string, never>;
  user_id: string;
  linked_at: Generated<Date>;
}

export interface ClubsVkRefusalTable {
  reason: 'signature' | 'stale' | 'replayed';
  count: ColumnType<string, never, number | string>;
}

declare module '../../platform/db/database.js' {
  interface Database {
    clubs_programme: ClubsProgrammeTable;
    clubs_group: ClubsGroupTable;
    clubs_enrolment: ClubsEnrolmentTable;
    clubs_enrolment_event: ClubsEnrolmentEventTable;
    clubs_vk_launch: ClubsVkLaunchTable;
    clubs_vk_account: ClubsVkAccountTable;
    clubs_vk_refusal: ClubsVkRefusalTable;
  }
}

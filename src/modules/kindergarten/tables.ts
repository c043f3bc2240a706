import type { ColumnType, Generated } from 'kysely';

// Column types of migrations/0002_kindergarten.sql, merged into the application's Database.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, T | string | undefined, T | string>;

export type KindergartenStatus = 'operating' | 'under_construction' | 'planned' | 'closed';
export type Orientation = 'general' | 'compensating' | 'health' | 'combined';
export type StayMode = 'short' | 'reduced' | 'full' | 'extended' | 'round_the_clock';
export type ApplicationStatus =
  | 'new'
  | 'registered'
  | 'benefit_check'
  | 'change_requested'
  | 'directed'
  | 'contract'
  | 'enrolled'
  | 'refused'
  | 'no_show'
  | 'removed'
  | 'archived';
export type BenefitClass = 'extraordinary' | 'first' | 'sibling';
export type BenefitStatus = 'claimed' | 'verified' | 'rejected' | 'expired';

export interface KindergartenTable {
  id: Generated<number>;
  municipality_id: number;
  code: string;
  name_ru: string;
  name_en: string | null;
  address: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  head_name: string | null;
  working_hours: string | null;
  status: Generated<KindergartenStatus>;
  opening_date: DateString | null;
  planned_capacity: number | null;
  accessible: Generated<boolean>;
  languages: Generated<string[]>;
  description: string | null;
  photos: Json<{ url: string; alt: string }[]>;
  updated_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}

export interface ConstructionNoteTable {
  id: Generated<number>;
  kindergarten_id: number;
  noted_on: DateString;
  progress_percent: number;
  text_ru: string;
  text_en: string | null;
}

export interface KgGroupTable {
  id: Generated<number>;
  kindergarten_id: number;
  name: string;
  age_from: number;
  age_to: number;
  orientation: Generated<Orientation>;
  stay_mode: Generated<StayMode>;
  language: Generated<string>;
  capacity: number;
  caretakers: Generated<number>;
  is_open: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface KgGroupCapacityTable {
  group_id: number;
  valid_from: Timestamp;
  capacity: number;
  caretakers: number;
  changed_by: string | null;
}

export interface ApplicationTable {
  id: Generated<string>;
  number: string;
  serial: Generated<number>;
  municipality_id: number;
  child_id: string;
  applicant_id: string | null;
  applicant_name: string;
  applicant_email: string | null;
  applicant_phone: string | null;
  address: string;
  registered_at: Timestamp;
  desired_date: DateString;
  orientation: Generated<Orientation>;
  stay_mode: Generated<StayMode>;
  language: Generated<string>;
  consent_other: Generated<boolean>;
  status: ApplicationStatus;
  status_changed_at: Generated<Date>;
  current_group_id: number | null;
  source: Generated<'portal' | 'paper' | 'epgu' | 'seed'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationChoiceTable {
  application_id: string;
  rank: number;
  kindergarten_id: number;
}

export interface BenefitTable {
  id: Generated<number>;
  application_id: string;
  kind: string;
  class: BenefitClass;
  status: Generated<BenefitStatus>;
  sibling_kindergarten_id: number | null;
  valid_until: DateString | null;
  document_ids: Generated<string[]>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  claimed_at: Generated<Date>;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: string;
  occurred_at: Generated<Date>;
  kind: 'status' | 'choices' | 'benefit' | 'desired_date' | 'details';
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>>;
  actor_id: string | null;
}

export interface EnrollmentTable {
  id: Generated<number>;
  group_id: number;
  child_id: string;
  application_id: string | null;
  enrolled_on: DateString;
  left_on: DateString | null;
  leave_reason: string | null;
}

export interface MunicipalityBirthsTable {
  municipality_id: number;
  year: number;
  births: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    kindergarten: KindergartenTable;
    construction_note: ConstructionNoteTable;
    kg_group: KgGroupTable;
    kg_group_capacity: KgGroupCapacityTable;
    application: ApplicationTable;
    application_choice: ApplicationChoiceTable;
    benefit: BenefitTable;
    application_event: ApplicationEventTable;
    enrollment: EnrollmentTable;
    municipality_births: MunicipalityBirthsTable;
  }
}

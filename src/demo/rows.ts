import type {
  ApplicationStatus,
  BenefitClass,
  BenefitStatus,
  KindergartenStatus,
  Orientation,
  StayMode,
} from '../modules/kindergarten/tables.js';

/**
 * Plain rows the demo generator produces, one interface per table, with the database's column names.
 * Dates are 'YYYY-MM-DD' strings and moments ISO-8601 strings in UTC, so rows compare and serialise
 * exactly. Identity ids of the catalog (municipality, kindergarten, group) are chosen by the generator
 * so rows can reference each other; the loader inserts them with OVERRIDING SYSTEM VALUE.
 */

export interface RegionRow {
  id: 1;
  name_ru: string;
  name_en: string;
  config: Record<string, unknown>;
}

export interface MunicipalityRow {
  id: number;
  code: string;
  name_ru: string;
  name_en: string;
  oktmo: string;
  center_lat: number;
  center_lon: number;
  config: Record<string, unknown>;
}

export interface UserRow {
  id: string;
  kind: 'staff' | 'citizen';
  /** Staff only; every staff user gets the one demo password hash at load time. */
  login: string | null;
  oidc_subject: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
}

export interface RoleAssignmentRow {
  user_id: string;
  role: 'citizen' | 'kindergarten_head' | 'municipal_officer' | 'regional_admin' | 'auditor' | 'sysadmin';
  municipality_id: number | null;
  kindergarten_id: number | null;
}

export interface KindergartenRow {
  id: number;
  municipality_id: number;
  code: string;
  name_ru: string;
  name_en: string;
  address: string;
  lat: number;
  lon: number;
  phone: string | null;
  email: string | null;
  website: string | null;
  head_name: string | null;
  working_hours: string | null;
  status: KindergartenStatus;
  opening_date: string | null;
  planned_capacity: number | null;
  accessible: boolean;
  languages: string[];
  description: string;
  photos: { url: string; alt: string }[];
}

export interface ConstructionNoteRow {
  kindergarten_id: number;
  noted_on: string;
  progress_percent: number;
  text_ru: string;
  text_en: string;
}

export interface GroupRow {
  id: number;
  kindergarten_id: number;
  name: string;
  age_from: number;
  age_to: number;
  orientation: Orientation;
  stay_mode: StayMode;
  language: string;
  capacity: number;
  caretakers: number;
  is_open: boolean;
}

export interface GroupCapacityRow {
  group_id: number;
  valid_from: string;
  capacity: number;
  caretakers: number;
}

export interface BirthsRow {
  municipality_id: number;
  year: number;
  births: number;
}

export interface ChildRow {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string;
  birth_date: string;
  sex: 'm' | 'f';
  birth_certificate: string;
  created_at: string;
}

export interface ApplicationRow {
  id: string;
  number: string;
  municipality_id: number;
  child_id: string;
  applicant_id: string | null;
  applicant_name: string;
  applicant_email: string | null;
  applicant_phone: string | null;
  address: string;
  registered_at: string;
  desired_date: string;
  orientation: Orientation;
  stay_mode: StayMode;
  language: string;
  consent_other: boolean;
  status: ApplicationStatus;
  status_changed_at: string;
  current_group_id: number | null;
  source: 'portal' | 'paper' | 'epgu' | 'seed';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChoiceRow {
  application_id: string;
  rank: number;
  kindergarten_id: number;
}

export interface BenefitRow {
  application_id: string;
  kind: string;
  class: BenefitClass;
  status: BenefitStatus;
  sibling_kindergarten_id: number | null;
  valid_until: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  claimed_at: string;
}

export interface EventRow {
  application_id: string;
  occurred_at: string;
  kind: 'status' | 'choices' | 'benefit' | 'desired_date' | 'details';
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus | null;
  reason: string | null;
  data: Record<string, unknown>;
  actor_id: string | null;
}

export interface EnrollmentRow {
  group_id: number;
  child_id: string;
  application_id: string;
  enrolled_on: string;
  left_on: string | null;
  leave_reason: string | null;
}

/** Everything that is not about individual children: loaded first, small at every scale. */
export interface CatalogRows {
  region: RegionRow;
  municipalities: MunicipalityRow[];
  users: UserRow[];
  roleAssignments: RoleAssignmentRow[];
  kindergartens: KindergartenRow[];
  constructionNotes: ConstructionNoteRow[];
  groups: GroupRow[];
  groupCapacities: GroupCapacityRow[];
  births: BirthsRow[];
}

/** The children of one municipality and everything about them: generated and loaded one municipality at a time. */
export interface PeopleRows {
  municipalityId: number;
  children: ChildRow[];
  applications: ApplicationRow[];
  choices: ChoiceRow[];
  benefits: BenefitRow[];
  events: EventRow[];
  enrollments: EnrollmentRow[];
}

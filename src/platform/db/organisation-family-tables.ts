import type { ColumnType, Generated } from 'kysely';
import type { OrganisationKindName as OrganisationKind } from '../../contracts/platform-organisations.js';

// Column types of migrations/0009_platform_organisations.sql and 0010_platform_families_requests.sql.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  full_name: string;
  short_name: string;
  name_en: string | null;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  municipality_id: number | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  head_name: string | null;
  status: Generated<'active' | 'closed'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrganisationVkCommunityTable {
  group_id: number;
  organisation_id: number;
  screen_name: string | null;
  clubs_app_installed: Generated<boolean>;
  added_at: Generated<Date>;
}

/** The child: created by the kindergarten migration (0002), a platform record since 0010. */
export interface ChildTable {
  id: Generated<string>;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: DateString;
  sex: 'm' | 'f' | null;
  birth_certificate: string;
  created_at: Generated<Date>;
  snils: string | null;
  registration_address: string | null;
  source: Generated<'application' | 'esia' | 'manual' | 'seed'>;
  created_by: string | null;
}

export type Relation = 'parent' | 'guardian';

export interface ChildRepresentativeTable {
  child_id: string;
  user_id: string;
  relation: Relation;
  added_via: 'application' | 'esia' | 'manual' | 'invitation' | 'seed';
  added_at: Generated<Date>;
}

export interface FamilyInvitationTable {
  id: Generated<string>;
  child_id: string;
  invited_by: string;
  relation: Relation;
  code_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_by: string | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface ChildHealthFactTable {
  id: Generated<number>;
  child_id: string;
  kind: 'disability' | 'ovz' | 'food_allergy';
  detail: Generated<string>;
  consent_by: string;
  consent_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface PupilEnrolmentTable {
  id: Generated<number>;
  child_id: string;
  organisation_id: number;
  academic_year: number;
  grade: number;
  letter: string;
  enrolled_on: DateString;
  left_on: DateString | null;
}

export type RequestState = 'open' | 'done' | 'refused' | 'withdrawn';

export interface FamilyRequestTable {
  id: Generated<string>;
  module: string;
  kind: string;
  external_id: string;
  owner_user_id: string | null;
  child_id: string | null;
  organisation_id: number | null;
  reference: string | null;
  status: string;
  state: RequestState;
  link: string;
  submitted_at: Timestamp;
  updated_at: Generated<Date>;
}

export interface PortalNewsTable {
  id: Generated<number>;
  published_on: DateString;
  module: string | null;
  title_ru: string;
  title_en: string | null;
  body_ru: string;
  body_en: string | null;
  link: string | null;
}

declare module './database.js' {
  interface Database {
    organisation: OrganisationTable;
    organisation_vk_community: OrganisationVkCommunityTable;
    child: ChildTable;
    child_representative: ChildRepresentativeTable;
    family_invitation: FamilyInvitationTable;
    child_health_fact: ChildHealthFactTable;
    pupil_enrolment: PupilEnrolmentTable;
    family_request: FamilyRequestTable;
    portal_news: PortalNewsTable;
  }
}

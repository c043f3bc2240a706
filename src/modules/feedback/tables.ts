import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

// Column types of migrations/0012_feedback.sql, merged into the application's Database.
export interface FeedbackAppealTable {
  id: ColumnType<string, string | number, never>;
  number: string;
  kind: 'appeal' | 'message';
  owner_user_id: string;
  category_code: string;
  organisation_id: number | null;
  lat: number | null;
  lon: number | null;
  municipality_id: number | null;
  text: string;
  status: string;
  without_answer_ground: string | null;
  without_answer_note: string | null;
  rework_used: Generated<boolean>;
  extended: Generated<boolean>;
  extension_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  received_on: DateString;
  registered_on: DateString;
  registration_due: DateString;
  forwarding_due: DateString;
  answer_due: DateString;
  responsible_organisation_id: number | null;
  assignee_user_id: string | null;
  answer_text: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  // migrations/0017_feedback_followups.sql
  duplicate_of_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  answer_fixed: Generated<boolean>;
  survey_due: ColumnType<string | null, string | null | undefined, string | null>;
  survey_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  survey_answer: ColumnType<'fixed' | 'not_fixed' | null, 'fixed' | 'not_fixed' | null | undefined>;
  survey_answered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  survey_reopened: Generated<boolean>;
  suggested_category_code: ColumnType<string | null, string | null | undefined, string | null>;
  suggested_score: ColumnType<number | null, number | null | undefined, number | null>;
  auto_routed: Generated<boolean>;
}

export interface FeedbackAppealPhotoTable {
  id: Generated<number>;
  appeal_id: string | number;
  position: number;
  media_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  bytes: Uint8Array;
  sha256: string;
  width: number | null;
  height: number | null;
  created_at: Generated<Date>;
}

export interface FeedbackAppealEventTable {
  id: Generated<string>;
  appeal_id: string | number;
  at: Generated<Date>;
  actor_user_id: string | null;
  type: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface FeedbackRoutingRuleTable {
  id: Generated<number>;
  category_code: string | null;
  municipality_id: number | null;
  organisation_id: number | null;
  assignee_user_id: string;
  created_at: Generated<Date>;
}

export interface FeedbackApiClientTable {
  id: Generated<number>;
  name: string;
  key_sha256: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface FeedbackOpen311RequestTable {
  token: string;
  api_client_id: number;
  service_code: string;
  description: string;
  organisation_id: number | null;
  lat: number | null;
  lon: number | null;
  address_string: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  media_url: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  appeal_id: string | null;
  confirmed_by: string | null;
}

export interface FeedbackPublicAnswerTable {
  id: Generated<number>;
  appeal_id: string | number;
  category_code: string;
  organisation_id: number | null;
  municipality_id: number | null;
  question: string;
  answer: string;
  registered_on: DateString;
  answered_on: DateString;
  published_at: Generated<Date>;
  published_by: string;
  search: ColumnType<string, never, never>;
}

declare module '../../platform/db/database.js' {
  interface Database {
    feedback_appeal: FeedbackAppealTable;
    feedback_appeal_photo: FeedbackAppealPhotoTable;
    feedback_appeal_event: FeedbackAppealEventTable;
    feedback_routing_rule: FeedbackRoutingRuleTable;
    feedback_api_client: FeedbackApiClientTable;
    feedback_open311_request: FeedbackOpen311RequestTable;
    feedback_public_answer: FeedbackPublicAnswerTable;
  }
}

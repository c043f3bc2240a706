import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

// Column types of migrations/0015_life_situations.sql, merged into the application's Database.
export interface LifeSituationTable {
  code: string;
  origin: 'federal' | 'regional';
  position: number;
  current_version: number;
  updated_at: Generated<Date>;
}

export interface LifeSituationVersionTable {
  situation_code: string;
  version: number;
  definition: Json;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}

export interface ServiceRatingTable {
  id: Generated<number>;
  family_request_id: number;
  rated_by: string;
  module: string;
  kind: string;
  organisation_id: number | null;
  municipality_id: number | null;
  time_to_result: number;
  waiting_time: number;
  staff_politeness: number;
  comfort: number;
  information: number;
  comment: string | null;
  created_at: Timestamp;
}

export interface ServiceRatingAnswerTable {
  rating_id: number;
  answered_by: string;
  body: string;
  answered_at: Timestamp;
}

declare module '../../platform/db/database.js' {
  interface Database {
    life_situation: LifeSituationTable;
    life_situation_version: LifeSituationVersionTable;
    service_rating: ServiceRatingTable;
    service_rating_answer: ServiceRatingAnswerTable;
  }
}

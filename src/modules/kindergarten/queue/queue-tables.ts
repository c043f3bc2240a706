import type { ColumnType } from 'kysely';

// Column types of migrations/0004_queue.sql, merged into the application's Database.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, T | string | undefined, T | string>;

export interface ApplicationDraftTable {
  user_id: string;
  step: number;
  data: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface QueuePositionTable {
  application_id: string;
  kindergarten_id: number;
  municipality_id: number;
  age_group: number;
  position: number;
  queue_class: 'extraordinary' | 'first' | 'sibling' | 'general';
  ahead_extraordinary: number;
  ahead_first: number;
  ahead_sibling: number;
  ahead_general: number;
}

export interface QueueTotalTable {
  municipality_id: number;
  kindergarten_id: number;
  age_group: number;
  total: number;
}

export interface QueueRecalculationTable {
  municipality_id: number;
  requested_version: ColumnType<number, number | undefined, number>;
  computed_version: ColumnType<number, number | undefined, number>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  applications: ColumnType<number, number | undefined, number>;
  duration_ms: ColumnType<number, number | undefined, number>;
}

export interface QueuePositionNoticeTable {
  application_id: string;
  position: number;
  notified_at: Timestamp;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    application_draft: ApplicationDraftTable;
    queue_position: QueuePositionTable;
    queue_total: QueueTotalTable;
    queue_recalculation: QueueRecalculationTable;
    queue_position_notice: QueuePositionNoticeTable;
  }
}

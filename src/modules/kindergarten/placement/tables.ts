import type { ColumnType, Generated } from 'kysely';

// Column types of migrations/0005_placement.sql, merged into the application's Database.
type DateString = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, T | string | undefined, T | string>;

export type WaveStatus = 'open' | 'confirmed' | 'cancelled';
export type WaveRunStatus = 'queued' | 'draft' | 'failed' | 'superseded' | 'confirmed';
export type DirectionStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'enrolled';

export interface PlacementWaveTable {
  id: Generated<string>;
  municipality_id: number;
  kind: 'main' | 'additional';
  title: string;
  placement_date: DateString;
  school_year_start: DateString;
  rules: Json<Record<string, unknown>>;
  status: Generated<WaveStatus>;
  created_by: string | null;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

export interface WaveSeatTable {
  wave_id: string;
  group_id: number;
  seats: number;
  excluded_reason: string | null;
  excluded_by: string | null;
  excluded_at: Date | null;
}

export interface WaveApplicationTable {
  wave_id: string;
  application_id: string;
  excluded_reason: string;
  excluded_by: string | null;
  excluded_at: Generated<Date>;
}

export interface WaveRunTable {
  id: Generated<number>;
  wave_id: string;
  status: Generated<WaveRunStatus>;
  requested_by: string | null;
  requested_at: Generated<Date>;
  finished_at: Date | null;
  instance: Json | null;
  result: Json | null;
  review: Json | null;
  input_sha256: string | null;
  published_instance: Json | null;
  published_result: Json | null;
  error: string | null;
}

export interface DirectionTable {
  id: Generated<string>;
  wave_id: string;
  run_id: number;
  application_id: string;
  group_id: number;
  kindergarten_id: number;
  number: string;
  issued_at: Generated<Date>;
  valid_until: DateString;
  status: Generated<DirectionStatus>;
  decided_at: Date | null;
  decided_by: string | null;
  explanation: Json<{ ru: string; en: string }>;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    placement_wave: PlacementWaveTable;
    wave_seat: WaveSeatTable;
    wave_application: WaveApplicationTable;
    wave_run: WaveRunTable;
    direction: DirectionTable;
  }
}

import type { ColumnType, Generated } from 'kysely';

// Column types of migrations/0006_reporting.sql, merged into the application's Database.
type DateString = ColumnType<string, string, string>;

export interface ReportFileTable {
  id: Generated<number>;
  kind: 'monthly';
  report_day: DateString;
  file_name: string;
  bytes: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface ForecastScenarioTable {
  id: Generated<number>;
  name: string;
  without_planned: Generated<boolean>;
  additions: ColumnType<
    { municipalityId: number; fromYear: number; places: number }[],
    string | undefined,
    string
  >;
  created_by: string | null;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    report_file: ReportFileTable;
    forecast_scenario: ForecastScenarioTable;
  }
}

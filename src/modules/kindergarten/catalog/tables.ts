import type { ColumnType, Generated } from 'kysely';

// Column types of migrations/0003_catalog.sql, merged into the application's Database.
export interface CatalogConfigTable {
  municipality_id: number;
  allow_over_capacity: Generated<boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    catalog_config: CatalogConfigTable;
  }
}

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Column types of migrations/0003_catalog.sql, merged into the application's Database.
export interface CatalogConfigTable {
  municipality_id: number;
  allow_over_capacity: Generated<boolean>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type PhotoMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

// migrations/0007_kindergarten_photos.sql
export interface KindergartenPhotoTable {
  id: Generated<number>;
  kindergarten_id: number;
  position: number;
  media_type: PhotoMediaType;
  size_bytes: number;
  bytes: Uint8Array;
  sha256: string;
  width: number | null;
  height: number | null;
  alt_ru: string;
  alt_en: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    catalog_config: CatalogConfigTable;
    kindergarten_photo: KindergartenPhotoTable;
  }
}

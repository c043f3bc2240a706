import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

// Column types of migrations/0014_meals.sql, merged into the application's Database.
export interface MealsSettingsTable {
  organisation_id: number;
  hotline_phone: string | null;
  week_days: Generated<number>;
  meals: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Generated<Date>;
}

export interface MealsSupplierTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  inn: string;
  address: string | null;
  phone: string | null;
  created_at: Generated<Date>;
}

export interface MealsSupplierCertificateTable {
  id: Generated<number>;
  supplier_id: number;
  kind: 'certificate' | 'declaration';
  number: string;
  product: string;
  issued_on: DateString;
  valid_until: DateString | null;
}

export interface MealsSupplyBatchTable {
  id: Generated<number>;
  supplier_id: number;
  product: string;
  batch: string;
  produced_on: DateString | null;
  delivered_on: DateString;
}

export interface MealsDishTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  recipe: string | null;
  allergens: ColumnType<string[], string[] | undefined, string[]>;
  supplier_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MealsDishPhotoTable {
  id: Generated<number>;
  dish_id: number;
  media_type: string;
  bytes: Uint8Array;
  size_bytes: number;
  sha256: string;
  width: number;
  height: number;
  alt_ru: string;
  created_at: Generated<Date>;
}

export interface MealsCyclicMenuTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  variant: 'sm' | 'ss';
  school_name: string;
  branch: string | null;
  days: number;
  starts_on: DateString;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The columns of a menu line, shared by the daily and the cyclic menus. */
export interface MenuLineColumns {
  position: number;
  meal: string;
  section: string | null;
  recipe: string | null;
  dish: string;
  dish_id: number | null;
  yield_g: number | null;
  yield_text: string | null;
  price: number | null;
  kcal: number | null;
  protein: number | null;
  fat: number | null;
  carbs: number | null;
}

export interface MealsCyclicItemTable extends MenuLineColumns {
  cyclic_menu_id: number;
  day: number;
}

export interface MealsDayOffTable {
  organisation_id: number;
  day: DateString;
  kind: 'holiday' | 'vacation' | 'quarantine' | 'other';
  note: string | null;
}

export interface MealsDailyMenuTable {
  id: Generated<number>;
  organisation_id: number;
  menu_date: DateString;
  variant: 'sm' | 'ss';
  school_name: string;
  branch: string | null;
  source: 'upload' | 'form' | 'cyclic';
  cyclic_menu_id: number | null;
  cycle_day: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface MealsMenuItemTable extends MenuLineColumns {
  menu_id: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    meals_settings: MealsSettingsTable;
    meals_supplier: MealsSupplierTable;
    meals_supplier_certificate: MealsSupplierCertificateTable;
    meals_supply_batch: MealsSupplyBatchTable;
    meals_dish: MealsDishTable;
    meals_dish_photo: MealsDishPhotoTable;
    meals_cyclic_menu: MealsCyclicMenuTable;
    meals_cyclic_item: MealsCyclicItemTable;
    meals_day_off: MealsDayOffTable;
    meals_daily_menu: MealsDailyMenuTable;
    meals_menu_item: MealsMenuItemTable;
  }
}

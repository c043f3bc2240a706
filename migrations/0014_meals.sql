-- School meals (issue 17): menus per organisation (a school or kindergarten of the platform's
-- `organisation` registry) per day and variant (`sm`, `ss`) in the federal `/food/` format
-- (shared/specs/food-menu-format.md), the dishes behind them with allergens, photos and the
-- supplier of the main ingredients, cyclic (typical) menus with the school calendar's days off,
-- and suppliers' public cards (certificates / declarations, batches). Who changed what is in the
-- audit log (recordAudit in the same transaction); nothing of a family is kept here.

-- The 14 allergens ТР ТС 022/2011 (ст. 4, п. 4.4) requires a label to name.
create function meals_allergens_valid(codes text[]) returns boolean
language sql immutable as $$
  select codes <@ array['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soy', 'milk', 'nuts',
    'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']::text[]
$$;

-- A school's meals settings: what the public page shows and the meals its mode serves.
create table meals_settings (
  organisation_id integer primary key references organisation (id),
  hotline_phone text check (hotline_phone ~ '^\+?[0-9 ()-]{5,30}$'),
  -- Days of the school week: 5 (Monday–Friday) or 6 (Monday–Saturday).
  week_days smallint not null default 5 check (week_days in (5, 6)),
  meals text[] not null default array['Завтрак', 'Обед']::text[] check (
    cardinality(meals) between 1 and 6 and
    meals <@ array['Завтрак', 'Завтрак 2', 'Обед', 'Полдник', 'Ужин', 'Ужин 2']::text[]
  ),
  updated_at timestamptz not null default now()
);

create table meals_supplier (
  id integer generated always as identity primary key,
  -- The school (or the municipality's purchasing body) that registered it; its card is public.
  organisation_id integer not null references organisation (id),
  name text not null check (length(name) between 2 and 300),
  -- ИНН: 10 digits of a legal entity, 12 of an entrepreneur (check digits verified by the service).
  inn text not null check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
  address text check (length(address) between 2 and 500),
  phone text check (phone ~ '^\+?[0-9 ()-]{5,30}$'),
  created_at timestamptz not null default now(),
  unique (organisation_id, inn)
);

-- Сертификат / декларация о соответствии (ТР ТС 021/2011), as the supplier presents them.
create table meals_supplier_certificate (
  id integer generated always as identity primary key,
  supplier_id integer not null references meals_supplier (id),
  kind text not null check (kind in ('certificate', 'declaration')),
  number text not null check (length(number) between 3 and 100),
  product text not null check (length(product) between 2 and 300),
  issued_on date not null,
  valid_until date,
  check (valid_until is null or valid_until >= issued_on),
  unique (supplier_id, number)
);

-- A delivered batch of a product: what a parent scanning the QR code sees with the supplier.
create table meals_supply_batch (
  id integer generated always as identity primary key,
  supplier_id integer not null references meals_supplier (id),
  product text not null check (length(product) between 2 and 300),
  batch text not null check (length(batch) between 1 and 100),
  produced_on date,
  delivered_on date not null,
  check (produced_on is null or produced_on <= delivered_on),
  unique (supplier_id, product, batch)
);
create index meals_supply_batch_delivered on meals_supply_batch (supplier_id, delivered_on desc);

-- A dish of a school's kitchen (технологическая карта: recipe number and yield), with its allergens
-- and the supplier of its main ingredients. Menus upserted from workbooks create dishes by name.
create table meals_dish (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisation (id),
  name text not null check (length(name) between 1 and 300),
  recipe text check (length(recipe) between 1 and 50),
  allergens text[] not null default '{}' check (meals_allergens_valid(allergens)),
  supplier_id integer references meals_supplier (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index meals_dish_name on meals_dish (organisation_id, lower(name), coalesce(recipe, ''));

create table meals_dish_photo (
  id integer generated always as identity primary key,
  dish_id integer not null references meals_dish (id),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea not null,
  size_bytes integer not null check (size_bytes between 1 and 5242880 and size_bytes = octet_length(bytes)),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  width integer not null check (width between 1 and 10000),
  height integer not null check (height between 1 and 10000),
  alt_ru text not null check (length(alt_ru) between 1 and 300),
  created_at timestamptz not null default now()
);
create index meals_dish_photo_dish on meals_dish_photo (dish_id, id);

-- The typical (cyclic) menu of a year, `tmYYYY-sm.xlsx`: day 1 falls on `starts_on`, then one day of
-- the cycle per school day (days off skipped), round and round.
create table meals_cyclic_menu (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisation (id),
  year integer not null check (year between 2000 and 2100),
  variant text not null check (variant in ('sm', 'ss')),
  school_name text not null check (length(school_name) between 1 and 500),
  branch text check (length(branch) between 1 and 200),
  days smallint not null check (days between 1 and 30),
  starts_on date not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  unique (organisation_id, year, variant)
);

create table meals_cyclic_item (
  cyclic_menu_id integer not null references meals_cyclic_menu (id) on delete cascade,
  day smallint not null check (day between 1 and 30),
  position smallint not null check (position >= 0),
  meal text not null check (meal in ('Завтрак', 'Завтрак 2', 'Обед', 'Полдник', 'Ужин', 'Ужин 2')),
  section text check (length(section) between 1 and 100),
  recipe text check (length(recipe) between 1 and 50),
  dish text not null check (length(dish) between 1 and 300),
  dish_id integer references meals_dish (id),
  yield_g double precision check (yield_g >= 0),
  yield_text text check (length(yield_text) between 1 and 50),
  price double precision check (price >= 0),
  kcal double precision check (kcal >= 0),
  protein double precision check (protein >= 0),
  fat double precision check (fat >= 0),
  carbs double precision check (carbs >= 0),
  primary key (cyclic_menu_id, day, position)
);

-- The school calendar's days off a weekday (holidays, vacations, quarantine): no menu that day.
create table meals_day_off (
  organisation_id integer not null references organisation (id),
  day date not null,
  kind text not null check (kind in ('holiday', 'vacation', 'quarantine', 'other')),
  note text check (length(note) between 1 and 300),
  primary key (organisation_id, day)
);

-- A day's menu, `YYYY-MM-DD-sm.xlsx`: uploaded, entered, or generated from the cyclic menu.
create table meals_daily_menu (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisation (id),
  menu_date date not null,
  variant text not null check (variant in ('sm', 'ss')),
  school_name text not null check (length(school_name) between 1 and 500),
  branch text check (length(branch) between 1 and 200),
  source text not null check (source in ('upload', 'form', 'cyclic')),
  cyclic_menu_id integer references meals_cyclic_menu (id),
  cycle_day smallint check (cycle_day between 1 and 30),
  check ((source = 'cyclic') = (cyclic_menu_id is not null and cycle_day is not null)),
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  unique (organisation_id, menu_date, variant)
);
create index meals_daily_menu_updated on meals_daily_menu (organisation_id, updated_at desc);

create table meals_menu_item (
  menu_id integer not null references meals_daily_menu (id) on delete cascade,
  position smallint not null check (position >= 0),
  meal text not null check (meal in ('Завтрак', 'Завтрак 2', 'Обед', 'Полдник', 'Ужин', 'Ужин 2')),
  section text check (length(section) between 1 and 100),
  recipe text check (length(recipe) between 1 and 50),
  dish text not null check (length(dish) between 1 and 300),
  dish_id integer references meals_dish (id),
  yield_g double precision check (yield_g >= 0),
  yield_text text check (length(yield_text) between 1 and 50),
  price double precision check (price >= 0),
  kcal double precision check (kcal >= 0),
  protein double precision check (protein >= 0),
  fat double precision check (fat >= 0),
  carbs double precision check (carbs >= 0),
  primary key (menu_id, position)
);
create index meals_menu_item_dish on meals_menu_item (dish_id);

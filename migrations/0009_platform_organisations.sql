-- The platform's registry of organisations and roles per organisation. Modules reference these;
-- the platform references no module (kindergartens join the registry in 0011).

-- One id space for every organisation: modules that keep their own table for what is theirs alone
-- (the kindergarten catalog) take their ids from this sequence, so an id names one organisation.
create sequence organisation_id_seq as integer;

create table organisation (
  id integer primary key default nextval('organisation_id_seq'),
  kind text not null check (kind in (
    'kindergarten', 'school', 'extra_education', 'sports_school', 'private_provider',
    'municipal_education_body', 'regional_ministry', 'control_centre'
  )),
  full_name text not null check (length(full_name) between 2 and 500),
  short_name text not null check (length(short_name) between 2 and 300),
  name_en text,
  -- ИНН of a legal entity has 10 digits, of an individual entrepreneur 12; check digits are
  -- verified by the service (src/platform/organisations/tax-ids.ts), the format here.
  inn text check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
  kpp text check (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
  ogrn text check (ogrn ~ '^[0-9]{13}([0-9]{2})?$'),
  -- Regional bodies (the ministry, the control centre) belong to no municipality.
  municipality_id integer references municipality (id),
  address text,
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  phone text,
  email text,
  website text,
  head_name text,
  status text not null default 'active' check (status in ('active', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('russian', coalesce(short_name, '')), 'A') ||
    setweight(to_tsvector('russian', coalesce(full_name, '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(address, '')), 'C')
  ) stored,
  check (kind in ('regional_ministry', 'control_centre') or municipality_id is not null),
  check (kpp is null or inn is not null),
  check ((lat is null) = (lon is null))
);
alter sequence organisation_id_seq owned by organisation.id;
create index organisation_municipality on organisation (municipality_id, kind);
create index organisation_search on organisation using gin (search);
create unique index organisation_inn_kpp on organisation (inn, coalesce(kpp, '')) where inn is not null;

-- An organisation's official VK communities, and whether the clubs mini app is installed there.
create table organisation_vk_community (
  group_id bigint primary key check (group_id > 0),
  organisation_id integer not null references organisation (id),
  screen_name text check (screen_name ~ '^[A-Za-z0-9_.]{2,64}$'),
  clubs_app_installed boolean not null default false,
  added_at timestamptz not null default now()
);
create index organisation_vk_community_org on organisation_vk_community (organisation_id);

-- Roles per organisation: a grant is held over the region (no municipality, no organisation), one
-- municipality, or one organisation; which level a role may have is checked here.
alter table role_assignment add column organisation_id integer references organisation (id);
alter table role_assignment drop constraint role_assignment_role_check;
alter table role_assignment drop constraint role_assignment_check;
alter table role_assignment drop constraint role_assignment_check1;
alter table role_assignment drop constraint role_assignment_check2;
alter table role_assignment add constraint role_assignment_role check (role in (
  'citizen', 'kindergarten_head', 'organisation_head', 'organisation_staff', 'meals_officer', 'cook',
  'club_teacher', 'club_coordinator', 'municipal_officer', 'cur_operator', 'contest_organiser',
  'contest_expert', 'regional_admin', 'auditor', 'sysadmin'
));
alter table role_assignment add constraint role_assignment_level check (case
  when role in ('citizen', 'regional_admin', 'auditor', 'sysadmin', 'contest_organiser', 'contest_expert')
    then municipality_id is null and organisation_id is null and kindergarten_id is null
  when role = 'municipal_officer'
    then municipality_id is not null and organisation_id is null and kindergarten_id is null
  when role in ('cur_operator', 'club_coordinator')
    then organisation_id is null and kindergarten_id is null
  -- The kindergarten's organisation id is its own id (0011 fills it in for grants made before);
  -- the municipality some grants carry is kept as stored (the kindergarten decides the scope).
  when role = 'kindergarten_head'
    then kindergarten_id is not null and (organisation_id is null or organisation_id = kindergarten_id)
  else organisation_id is not null and kindergarten_id is null and municipality_id is null
end);
drop index role_assignment_unique;
create unique index role_assignment_unique on role_assignment (
  user_id, role, coalesce(municipality_id, 0), coalesce(organisation_id, kindergarten_id, 0)
);


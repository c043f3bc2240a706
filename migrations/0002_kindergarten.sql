-- Kindergartens (ДОО): catalog, groups and their history, children, applications (заявления),
-- preferred kindergartens, benefits (льготы), status history and enrollments (зачисления).

create table kindergarten (
  id integer generated always as identity primary key,
  municipality_id integer not null references municipality (id),
  code text not null unique check (code ~ '^[A-Za-z0-9-]{2,20}$'),
  name_ru text not null check (length(name_ru) between 2 and 300),
  name_en text,
  address text not null,
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  phone text,
  email text,
  website text,
  head_name text,
  working_hours text,
  status text not null default 'operating' check (status in ('operating', 'under_construction', 'planned', 'closed')),
  opening_date date,
  planned_capacity integer check (planned_capacity >= 0),
  accessible boolean not null default false,
  languages text[] not null default '{ru}',
  description text,
  photos jsonb not null default '[]'::jsonb,
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('russian', coalesce(name_ru, '')), 'A') ||
    setweight(to_tsvector('russian', coalesce(address, '')), 'B')
  ) stored,
  check (status not in ('under_construction', 'planned') or opening_date is not null)
);
create index kindergarten_municipality on kindergarten (municipality_id);
create index kindergarten_search on kindergarten using gin (search);

alter table role_assignment
  add constraint role_assignment_kindergarten_fk foreign key (kindergarten_id) references kindergarten (id);

create table construction_note (
  id integer generated always as identity primary key,
  kindergarten_id integer not null references kindergarten (id),
  noted_on date not null,
  progress_percent integer not null check (progress_percent between 0 and 100),
  text_ru text not null,
  text_en text
);

-- A group (группа): age range in full years [age_from, age_to), orientation and stay mode.
create table kg_group (
  id integer generated always as identity primary key,
  kindergarten_id integer not null references kindergarten (id),
  name text not null,
  age_from smallint not null check (age_from between 0 and 7),
  age_to smallint not null check (age_to between 1 and 8),
  orientation text not null default 'general' check (orientation in ('general', 'compensating', 'health', 'combined')),
  stay_mode text not null default 'full' check (stay_mode in ('short', 'reduced', 'full', 'extended', 'round_the_clock')),
  language text not null default 'ru',
  capacity integer not null check (capacity between 0 and 60),
  caretakers integer not null default 2 check (caretakers between 0 and 20),
  is_open boolean not null default true,
  updated_at timestamptz not null default now(),
  check (age_to > age_from),
  unique (kindergarten_id, name)
);
create index kg_group_kindergarten on kg_group (kindergarten_id);

-- Capacity is never overwritten without history: charts and reports can read any past date.
create table kg_group_capacity (
  group_id integer not null references kg_group (id),
  valid_from timestamptz not null,
  capacity integer not null check (capacity >= 0),
  caretakers integer not null check (caretakers >= 0),
  changed_by uuid references app_user (id),
  primary key (group_id, valid_from)
);

-- Personal data of a child; kept apart so it can be anonymised without touching the queue.
create table child (
  id uuid primary key default gen_random_uuid(),
  last_name text not null,
  first_name text not null,
  patronymic text,
  birth_date date not null,
  sex text check (sex in ('m', 'f')),
  birth_certificate text not null unique check (length(birth_certificate) between 6 and 30),
  created_at timestamptz not null default now()
);

create table application (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  serial bigint generated always as identity,
  municipality_id integer not null references municipality (id),
  child_id uuid not null references child (id),
  applicant_id uuid references app_user (id),
  applicant_name text not null,
  applicant_email text,
  applicant_phone text,
  address text not null,
  registered_at timestamptz not null,
  desired_date date not null,
  orientation text not null default 'general' check (orientation in ('general', 'compensating', 'health', 'combined')),
  stay_mode text not null default 'full' check (stay_mode in ('short', 'reduced', 'full', 'extended', 'round_the_clock')),
  language text not null default 'ru',
  consent_other boolean not null default false,
  status text not null check (status in (
    'new', 'registered', 'benefit_check', 'change_requested', 'directed', 'contract', 'enrolled',
    'refused', 'no_show', 'removed', 'archived'
  )),
  status_changed_at timestamptz not null default now(),
  -- A transfer (перевод): the group the child attends now and keeps until placed elsewhere.
  current_group_id integer references kg_group (id),
  source text not null default 'portal' check (source in ('portal', 'paper', 'epgu', 'seed')),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One active application per child per municipality.
create unique index application_one_active on application (child_id, municipality_id)
  where status in ('new', 'registered', 'benefit_check', 'change_requested', 'directed', 'contract');
create index application_queue on application (municipality_id, status, registered_at);
create index application_child on application (child_id);
create index application_applicant on application (applicant_id);

create table application_choice (
  application_id uuid not null references application (id) on delete cascade,
  rank smallint not null check (rank between 1 and 10),
  kindergarten_id integer not null references kindergarten (id),
  primary key (application_id, rank),
  unique (application_id, kindergarten_id)
);
create index application_choice_kindergarten on application_choice (kindergarten_id);

-- A claimed benefit (льгота) and its verification; only a verified, unexpired one counts.
create table benefit (
  id integer generated always as identity primary key,
  application_id uuid not null references application (id) on delete cascade,
  kind text not null,
  class text not null check (class in ('extraordinary', 'first', 'sibling')),
  status text not null default 'claimed' check (status in ('claimed', 'verified', 'rejected', 'expired')),
  sibling_kindergarten_id integer references kindergarten (id),
  valid_until date,
  document_ids uuid[] not null default '{}',
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  decision_reason text,
  claimed_at timestamptz not null default now(),
  check (class <> 'sibling' or sibling_kindergarten_id is not null),
  check (status not in ('verified', 'rejected') or decided_at is not null)
);
create index benefit_application on benefit (application_id);

-- Every transition of an application, with who, when and why: the source of the timeline
-- and of "why did my position change".
create table application_event (
  id bigint generated always as identity primary key,
  application_id uuid not null references application (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  kind text not null check (kind in ('status', 'choices', 'benefit', 'desired_date', 'details')),
  from_status text,
  to_status text,
  reason text,
  data jsonb not null default '{}'::jsonb,
  actor_id uuid references app_user (id)
);
create index application_event_app on application_event (application_id, occurred_at);
create index application_event_time on application_event (occurred_at);

-- Attendance of a child in a group (зачисление … отчисление).
create table enrollment (
  id integer generated always as identity primary key,
  group_id integer not null references kg_group (id),
  child_id uuid not null references child (id),
  application_id uuid references application (id),
  enrolled_on date not null,
  left_on date,
  leave_reason text,
  check (left_on is null or left_on >= enrolled_on)
);
create unique index enrollment_one_active on enrollment (child_id) where left_on is null;
create index enrollment_group on enrollment (group_id, enrolled_on);

-- Births by municipality and year: input of the demand forecast.
create table municipality_births (
  municipality_id integer not null references municipality (id),
  year integer not null check (year between 1900 and 2200),
  births integer not null check (births >= 0),
  primary key (municipality_id, year)
);

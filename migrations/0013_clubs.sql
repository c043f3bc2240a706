-- Clubs and sections (дополнительное образование, issue 16): the «Навигатор ДО» model
-- organisation → programme → group, enrolments (requests of a family, told to family_request by
-- the module), and the VK Mini App's launches and linked accounts. Organisations and children are
-- the platform's rows; nothing here copies them.

create table clubs_programme (
  id integer generated always as identity primary key,
  organisation_id integer not null references organisation (id),
  title text not null check (length(title) between 2 and 300),
  -- The six направленности (Приказ Минпросвещения № 629, п. 9).
  direction text not null check (direction in (
    'technical', 'natural_science', 'sports', 'arts', 'tourism', 'social'
  )),
  specialisation text not null check (length(specialisation) between 2 and 120),
  level text not null check (level in ('starting', 'basic', 'advanced')),
  age_min smallint not null check (age_min between 3 and 18),
  age_max smallint not null check (age_max between 3 and 18),
  description text not null default '' check (length(description) <= 5000),
  goals text not null default '' check (length(goals) <= 3000),
  teacher_name text check (length(teacher_name) <= 200),
  address text check (length(address) <= 500),
  format text not null check (format in ('in_person', 'distance', 'mixed')),
  -- ОВЗ categories the programme is adapted for (273-ФЗ ст. 79).
  ovz_types text[] not null default '{}' check (ovz_types <@ array[
    'hearing', 'vision', 'speech', 'musculoskeletal', 'autism', 'mental_delay', 'intellectual', 'emotional'
  ]::text[]),
  entrance_tests boolean not null default false,
  status text not null default 'published' check (status in ('draft', 'published', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('russian', title), 'A') ||
    setweight(to_tsvector('russian', specialisation), 'B') ||
    setweight(to_tsvector('russian', description), 'C')
  ) stored,
  check (age_min <= age_max)
);
create index clubs_programme_organisation on clubs_programme (organisation_id);
create index clubs_programme_direction on clubs_programme (direction, level);
create index clubs_programme_search on clubs_programme using gin (search);

-- A group of a programme: its enrolment window, schedule, seats and financing. `seats_taken`
-- counts the enrolments holding a seat; the check makes overselling impossible.
create table clubs_group (
  id integer generated always as identity primary key,
  programme_id integer not null references clubs_programme (id),
  name text not null check (length(name) between 1 and 200),
  financing text not null check (financing in ('budget', 'paid', 'certificate')),
  -- Roubles a month, for a paid group only.
  monthly_price integer check (monthly_price between 1 and 1000000),
  enrolment_opens_on date not null,
  enrolment_closes_on date not null,
  starts_on date not null,
  ends_on date not null,
  hours_per_year smallint not null check (hours_per_year between 1 and 2000),
  -- [{"weekday": 1..7, "start": "HH:MM", "minutes": 15..240}]
  schedule jsonb not null default '[]' check (jsonb_typeof(schedule) = 'array'),
  seats smallint not null check (seats between 1 and 1000),
  seats_taken smallint not null default 0,
  created_at timestamptz not null default now(),
  check (enrolment_opens_on <= enrolment_closes_on),
  check (starts_on < ends_on),
  check ((financing = 'paid') = (monthly_price is not null)),
  check (seats_taken between 0 and seats)
);
create index clubs_group_programme on clubs_group (programme_id);
create index clubs_group_window on clubs_group (enrolment_opens_on, enrolment_closes_on);

create sequence clubs_enrolment_number_seq as integer;

-- A child's enrolment in a group, made by a legal representative (or the child from 14).
create table clubs_enrolment (
  id integer generated always as identity primary key,
  number text not null unique check (number ~ '^ДО-[0-9]{4}-[0-9]{6,}$'),
  group_id integer not null references clubs_group (id),
  child_id uuid not null references child (id),
  applicant_user_id uuid not null references app_user (id),
  status text not null check (status in (
    'waitlisted', 'offered', 'registered', 'under_review', 'invited', 'approved', 'studying',
    'finished', 'withdrawn', 'refused'
  )),
  channel text not null check (channel in ('web', 'vk', 'widget', 'staff', 'demo')),
  waitlisted_at timestamptz,
  offer_expires_at timestamptz,
  review_due date,
  refusal_reason text check (refusal_reason in (
    'no_documents', 'age', 'health', 'entrance_tests', 'no_seats', 'other'
  )),
  refusal_note text check (length(refusal_note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'waitlisted' or waitlisted_at is not null),
  check (status <> 'offered' or offer_expires_at is not null),
  check ((status = 'refused') = (refusal_reason is not null))
);
-- No double enrolment of a child in one group while a request is alive.
create unique index clubs_enrolment_one_alive on clubs_enrolment (group_id, child_id)
  where status not in ('finished', 'withdrawn', 'refused');
create index clubs_enrolment_waitlist on clubs_enrolment (group_id, waitlisted_at, id)
  where status = 'waitlisted';
create index clubs_enrolment_applicant on clubs_enrolment (applicant_user_id, created_at desc);
create index clubs_enrolment_child on clubs_enrolment (child_id);

create table clubs_enrolment_event (
  id bigint generated always as identity primary key,
  enrolment_id integer not null references clubs_enrolment (id),
  at timestamptz not null default now(),
  actor_user_id uuid references app_user (id),
  from_status text,
  to_status text not null,
  note text check (length(note) <= 1000)
);
create index clubs_enrolment_event_enrolment on clubs_enrolment_event (enrolment_id, at);

-- Mini-app sessions from verified VK launches. The launch's `sign` is kept as a hash and is unique:
-- the same launch exchanged twice is a replay. Only the token's hash is stored.
create table clubs_vk_launch (
  sign_hash text primary key check (sign_hash ~ '^[0-9a-f]{64}$'),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  vk_user_id bigint not null check (vk_user_id > 0),
  vk_group_id bigint check (vk_group_id > 0),
  organisation_id integer references organisation (id),
  vk_ts timestamptz not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (expires_at > created_at)
);
create index clubs_vk_launch_expires on clubs_vk_launch (expires_at);

-- A VK account tied to a citizen's Госуслуги identity (one each way).
create table clubs_vk_account (
  vk_user_id bigint primary key check (vk_user_id > 0),
  user_id uuid not null unique references app_user (id),
  linked_at timestamptz not null default now()
);

-- Refused launches leave only a counter per reason (and an audit row for a replay).
create table clubs_vk_refusal (
  reason text primary key check (reason in ('signature', 'stale', 'replayed')),
  count bigint not null default 0 check (count >= 0)
);
insert into clubs_vk_refusal (reason) values ('signature'), ('stale'), ('replayed');

-- Placement waves (комплектование) and directions (направления), issue 6.
-- A wave offers seats in groups to the applications its rules admit; a run builds the solver instance
-- from the database and stores instance + result as one draft; confirming a run issues every direction
-- in one transaction. Nothing here is deleted: a superseded draft stays for the audit trail.

create table placement_wave (
  id uuid primary key default gen_random_uuid(),
  municipality_id integer not null references municipality (id),
  kind text not null check (kind in ('main', 'additional')),
  title text not null check (length(title) between 2 and 200),
  -- The day placed children may start; also the day benefits must be valid on.
  placement_date date not null,
  -- 1 September of the school year: the age group is counted on it.
  school_year_start date not null check (extract(month from school_year_start) = 9 and extract(day from school_year_start) = 1),
  -- Participation rules: {"desiredDateReached": bool, "includeBenefitCheck": bool, "ageMin": int, "ageMax": int}.
  rules jsonb not null,
  status text not null default 'open' check (status in ('open', 'confirmed', 'cancelled')),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  confirmed_by uuid references app_user (id),
  check ((status = 'confirmed') = (confirmed_at is not null))
);
create index placement_wave_municipality on placement_wave (municipality_id, created_at desc);

-- Seats a group offers in the wave; an excluded seat offer (with its reason) is not part of the instance.
create table wave_seat (
  wave_id uuid not null references placement_wave (id),
  group_id integer not null references kg_group (id),
  seats integer not null check (seats between 0 and 60),
  excluded_reason text check (excluded_reason is null or length(excluded_reason) between 3 and 500),
  excluded_by uuid references app_user (id),
  excluded_at timestamptz,
  primary key (wave_id, group_id)
);

-- Applications the officer took out of the wave, with the reason. Everyone else the rules admit takes
-- part; who exactly took part in a run is its stored instance.
create table wave_application (
  wave_id uuid not null references placement_wave (id),
  application_id uuid not null references application (id),
  excluded_reason text not null check (length(excluded_reason) between 3 and 500),
  excluded_by uuid references app_user (id),
  excluded_at timestamptz not null default now(),
  primary key (wave_id, application_id)
);

-- One solver run. The job writes instance, result and review in ONE transaction at the end (status
-- queued → draft), so a crash mid-run leaves the run queued and the job re-runs it from scratch.
create table wave_run (
  id bigint generated always as identity primary key,
  wave_id uuid not null references placement_wave (id),
  status text not null default 'queued' check (status in ('queued', 'draft', 'failed', 'superseded', 'confirmed')),
  requested_by uuid references app_user (id),
  requested_at timestamptz not null default now(),
  finished_at timestamptz,
  -- The spec v1 instance and result (shared/specs/placement-instance.md), child id = application number.
  instance jsonb,
  result jsonb,
  -- Per child and per program facts for review and explanations (ids, ranks, priorities).
  review jsonb,
  input_sha256 text,
  -- Public verification, written at confirmation: the instance with child ids replaced by random
  -- tokens (priorities kept) and the result under the same tokens.
  published_instance jsonb,
  published_result jsonb,
  error text,
  check (status not in ('draft', 'confirmed') or (instance is not null and result is not null and review is not null))
);
create index wave_run_wave on wave_run (wave_id, id desc);
-- A wave is confirmed once.
create unique index wave_run_one_confirmed on wave_run (wave_id) where status = 'confirmed';

create table direction (
  id uuid primary key default gen_random_uuid(),
  wave_id uuid not null references placement_wave (id),
  run_id bigint not null references wave_run (id),
  application_id uuid not null references application (id),
  group_id integer not null references kg_group (id),
  kindergarten_id integer not null references kindergarten (id),
  number text not null unique,
  issued_at timestamptz not null default now(),
  valid_until date not null,
  status text not null default 'offered' check (status in ('offered', 'accepted', 'declined', 'expired', 'enrolled')),
  decided_at timestamptz,
  decided_by uuid references app_user (id),
  -- The explanation shown to the parent, fixed at confirmation: {"ru": "...", "en": "..."}.
  explanation jsonb not null,
  unique (wave_id, application_id),
  check ((status = 'offered') = (decided_at is null))
);
-- At most one live direction per application.
create unique index direction_one_live on direction (application_id) where status in ('offered', 'accepted');
create index direction_kindergarten on direction (kindergarten_id, status);
create index direction_expiry on direction (valid_until) where status = 'offered';

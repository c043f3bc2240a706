-- Reporting: the registry of generated report files (kept in DATA_DIR/reports), the forecast's
-- what-if scenarios, and indexes that let the indicators be reconstructed for any past day.

create table report_file (
  id integer generated always as identity primary key,
  kind text not null check (kind in ('monthly')),
  report_day date not null,
  file_name text not null check (file_name ~ '^[A-Za-z0-9._-]{1,200}$'),
  bytes integer not null check (bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  unique (kind, report_day),
  unique (file_name)
);

create table forecast_scenario (
  id integer generated always as identity primary key,
  name text not null check (length(name) between 2 and 200),
  without_planned boolean not null default false,
  -- [{ "municipalityId": 1, "fromYear": 2027, "places": 120 }]: places added (or removed) from a year on.
  additions jsonb not null default '[]'::jsonb check (jsonb_typeof(additions) = 'array'),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

-- Status on a day = the last status event before the day's end: one index-only walk per application.
create index application_event_status_at on application_event (application_id, occurred_at desc, id desc)
  include (to_status) where kind = 'status';
-- Flows of a period (directions, refusals, no-shows) and desired-date changes after a day.
create index application_event_kind_time on application_event (kind, occurred_at);
create index enrollment_attending on enrollment (enrolled_on, left_on);
-- Directions only: "is this the application's first direction?" and "which group does it hold?".
create index application_event_directed on application_event (application_id, occurred_at, id)
  include (data) where kind = 'status' and to_status = 'directed';
-- The flow events of a period (directions, refusals, no-shows): a small slice of all status events.
create index application_event_flows on application_event (occurred_at)
  include (application_id, from_status, to_status, id)
  where kind = 'status' and (to_status in ('directed', 'refused', 'no_show') or from_status in ('directed', 'contract'));

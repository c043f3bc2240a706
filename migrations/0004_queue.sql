-- The queue (issue 5): wizard drafts, the materialized positions of every waiting application,
-- the last position a parent was told about (threshold notifications) and the recalculation marks.

-- A citizen's unfinished application wizard: one draft per user, replaced on every step.
create table application_draft (
  user_id uuid primary key references app_user (id) on delete cascade,
  step smallint not null check (step between 0 and 20),
  data jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now()
);

-- Positions computed by the pure ordering (order-queue.ts) for one municipality at a time:
-- kindergarten_id 0 is the municipality × age group queue, otherwise one chosen kindergarten's queue.
create table queue_position (
  application_id uuid not null references application (id) on delete cascade,
  kindergarten_id integer not null check (kindergarten_id >= 0),
  municipality_id integer not null references municipality (id),
  age_group smallint not null check (age_group between 0 and 8),
  position integer not null check (position >= 1),
  queue_class text not null check (queue_class in ('extraordinary', 'first', 'sibling', 'general')),
  ahead_extraordinary integer not null check (ahead_extraordinary >= 0),
  ahead_first integer not null check (ahead_first >= 0),
  ahead_sibling integer not null check (ahead_sibling >= 0),
  ahead_general integer not null check (ahead_general >= 0),
  primary key (application_id, kindergarten_id)
);
create index queue_position_list on queue_position (municipality_id, age_group, kindergarten_id, position);

-- The length of each queue, apart from the positions: a newcomer at the end then changes one row here
-- instead of every position row of the queue (recalculation writes only what changed).
create table queue_total (
  municipality_id integer not null references municipality (id),
  kindergarten_id integer not null check (kindergarten_id >= 0),
  age_group smallint not null check (age_group between 0 and 8),
  total integer not null check (total >= 0),
  primary key (municipality_id, kindergarten_id, age_group)
);

-- Recalculation bookkeeping per municipality: every change bumps requested_version in its own
-- transaction; a recalculation records the version it started from, so a job for an older version
-- is skipped and none is lost. computed_at is shown on public pages.
create table queue_recalculation (
  municipality_id integer primary key references municipality (id),
  requested_version bigint not null default 0 check (requested_version >= 0),
  computed_version bigint not null default 0 check (computed_version >= 0),
  computed_at timestamptz,
  applications integer not null default 0 check (applications >= 0),
  duration_ms integer not null default 0 check (duration_ms >= 0)
);

-- The municipality-queue position a parent was last notified about: a change beyond the configured
-- threshold (municipality.config.positionNotifyThreshold, default 10) notifies again.
create table queue_position_notice (
  application_id uuid primary key references application (id) on delete cascade,
  position integer not null check (position >= 1),
  notified_at timestamptz not null default now()
);

-- The public lookup finds an application by its number; the child's birth date is checked after.
create index if not exists application_number_lookup on application (number);

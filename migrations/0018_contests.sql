-- Contests of best practices (issue 18): contests with directions, nominations, criteria and windows;
-- practices with moderation; expert scores with conflicts of interest; the ballot register and the
-- append-only public vote log with its checkpoints (/work/shared/specs/vote-log.md).

-- What the identity provider confirmed at sign-in: a confirmed (trusted) Госуслуги account, and the
-- subject code of the registration address. A vote reads them at the moment of voting.
alter table app_user add column identity_confirmed boolean not null default false;
alter table app_user add column registration_region text check (registration_region ~ '^[0-9]{2}$');

create table contest (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  title text not null check (length(title) between 3 and 300),
  rules text not null default '' check (length(rules) <= 20000),
  state text not null default 'draft'
    check (state in ('draft', 'submissions', 'review', 'voting', 'closed', 'published')),
  submissions_open timestamptz not null,
  submissions_close timestamptz not null,
  review_open timestamptz not null,
  review_close timestamptz not null,
  voting_open timestamptz not null,
  voting_close timestamptz not null,
  closed_at timestamptz,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (submissions_open <= submissions_close and submissions_close <= review_open
    and review_open <= review_close and review_close <= voting_open and voting_open <= voting_close),
  check ((closed_at is null) = (state not in ('closed', 'published')))
);

create table contest_direction (
  contest_id text not null references contest (id),
  code text not null check (code ~ '^[a-z0-9-]{2,40}$'),
  title text not null check (length(title) between 2 and 200),
  primary key (contest_id, code)
);

create table contest_nomination (
  contest_id text not null references contest (id),
  id text not null check (id ~ '^n-[0-9]{2,3}$'),
  direction_code text not null,
  title text not null check (length(title) between 3 and 300),
  position integer not null check (position >= 0),
  -- Where it came from: a feedback topic (its category code, count and share over the chosen period).
  topic_code text,
  topic_count integer check (topic_count >= 0),
  topic_share numeric(6, 4) check (topic_share between 0 and 1),
  primary key (contest_id, id),
  foreign key (contest_id, direction_code) references contest_direction (contest_id, code)
);

create table contest_criterion (
  contest_id text not null references contest (id),
  code text not null check (code ~ '^[a-z0-9-]{2,40}$'),
  title text not null check (length(title) between 2 and 200),
  weight integer not null check (weight between 1 and 100),
  max_score integer not null default 10 check (max_score between 1 and 100),
  primary key (contest_id, code)
);

create table contest_practice (
  contest_id text not null references contest (id),
  id text not null check (id ~ '^p-[0-9]{4,6}$'),
  nomination_id text not null,
  submitted_by uuid references app_user (id),
  submitter_kind text not null check (submitter_kind in ('regional_team', 'organisation', 'ngo', 'business')),
  organisation_id integer references organisation (id),
  region_code text not null check (region_code ~ '^[0-9]{2}$'),
  title text not null check (length(title) between 3 and 300),
  problem text not null default '' check (length(problem) <= 10000),
  solution text not null default '' check (length(solution) <= 20000),
  results text not null default '' check (length(results) <= 10000),
  -- [{ "indicator": "…", "before": 12, "after": 30, "unit": "%" }]
  result_figures jsonb not null default '[]'::jsonb check (jsonb_typeof(result_figures) = 'array'),
  period_from date,
  period_to date check (period_to is null or period_from is null or period_from <= period_to),
  works_at text[] not null default '{}',
  contacts text not null default '' check (length(contacts) <= 1000),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'admitted', 'rejected')),
  moderation_reason text check (moderation_reason is null or length(moderation_reason) between 3 and 2000),
  moderated_by uuid references app_user (id),
  moderated_at timestamptz,
  shortlisted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (contest_id, id),
  foreign key (contest_id, nomination_id) references contest_nomination (contest_id, id),
  check (status <> 'rejected' or moderation_reason is not null),
  check (not shortlisted or status = 'admitted'),
  check (status = 'draft' or (length(problem) > 0 and length(solution) > 0 and period_from is not null))
);
create index contest_practice_nomination on contest_practice (contest_id, nomination_id, status);

-- Photos and documents of a practice: PDF, PNG or JPEG, checked by their first bytes.
create table contest_practice_file (
  id bigint generated always as identity primary key,
  contest_id text not null,
  practice_id text not null,
  name text not null check (length(name) between 1 and 200),
  media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
  content bytea not null check (octet_length(content) between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  foreign key (contest_id, practice_id) references contest_practice (contest_id, id)
);

-- Where an expert comes from: a practice of this region or organisation is not theirs to score.
create table contest_expert_profile (
  user_id uuid primary key references app_user (id),
  region_code text not null check (region_code ~ '^[0-9]{2}$'),
  organisation_id integer references organisation (id)
);

create table contest_expert_conflict (
  contest_id text not null,
  practice_id text not null,
  expert_user_id uuid not null references app_user (id),
  reason text not null check (length(reason) between 3 and 1000),
  declared_at timestamptz not null default now(),
  primary key (contest_id, practice_id, expert_user_id),
  foreign key (contest_id, practice_id) references contest_practice (contest_id, id)
);

create table contest_score (
  contest_id text not null,
  practice_id text not null,
  expert_user_id uuid not null references app_user (id),
  criterion_code text not null,
  score integer not null check (score >= 0),
  comment text check (comment is null or length(comment) <= 2000),
  scored_at timestamptz not null default now(),
  primary key (contest_id, practice_id, expert_user_id, criterion_code),
  foreign key (contest_id, practice_id) references contest_practice (contest_id, id),
  foreign key (contest_id, criterion_code) references contest_criterion (contest_id, code)
);

-- The secret of the keyed hash of the voters' identities (HMAC key), never published.
create table contest_secret (
  contest_id text primary key references contest (id),
  voter_key text not null check (voter_key ~ '^[0-9a-f]{64}$')
);

-- The ballot register: who voted in which nomination, as a keyed hash of the identity; nothing about
-- the choice and no time, so no row links a person to a practice. One person, one vote per nomination.
create table contest_ballot (
  contest_id text not null,
  nomination_id text not null,
  voter_hash text not null check (voter_hash ~ '^[0-9a-f]{64}$'),
  primary key (contest_id, nomination_id, voter_hash),
  foreign key (contest_id, nomination_id) references contest_nomination (contest_id, id)
);

-- The public vote log of the spec: votes and annulments numbered 1, 2, 3… per contest, hash-chained.
create table contest_vote_log (
  contest_id text not null references contest (id),
  seq integer not null check (seq > 0),
  nomination_id text,
  practice_id text,
  voter_region text check (voter_region ~ '^[0-9]{2}$'),
  receipt text check (receipt ~ '^[0-9a-f]{64}$'),
  annuls integer,
  reason text check (reason is null or length(reason) between 3 and 500),
  prev text not null check (prev ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  day date not null,
  primary key (contest_id, seq),
  unique (contest_id, receipt),
  unique (contest_id, annuls),
  foreign key (contest_id, practice_id) references contest_practice (contest_id, id),
  foreign key (contest_id, annuls) references contest_vote_log (contest_id, seq),
  check (
    (annuls is null and reason is null and nomination_id is not null and practice_id is not null
      and voter_region is not null and receipt is not null)
    or (annuls is not null and reason is not null and annuls < seq and nomination_id is null
      and practice_id is null and voter_region is null and receipt is null)
  )
);

-- The chain head per contest: the row every append locks, so lines are numbered without gaps.
create table contest_log_head (
  contest_id text primary key references contest (id),
  seq integer not null default 0 check (seq >= 0),
  hash text not null default repeat('0', 64) check (hash ~ '^[0-9a-f]{64}$')
);

create table contest_checkpoint (
  contest_id text not null references contest (id),
  seq integer not null check (seq > 0),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  at timestamptz not null default now(),
  primary key (contest_id, seq)
);

-- Published lines and checkpoints never change.
create function contest_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$;
create trigger contest_vote_log_append_only before update or delete on contest_vote_log
  for each row execute function contest_append_only();
create trigger contest_checkpoint_append_only before update or delete on contest_checkpoint
  for each row execute function contest_append_only();
create trigger contest_ballot_append_only before update or delete on contest_ballot
  for each row execute function contest_append_only();

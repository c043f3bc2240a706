-- Life situations (issue 19): the navigator's catalogue with versions, and «Ваш контроль» ratings of
-- a family's finished requests with the organisation's public answers. The family's requests and
-- children are the platform's (family_request, child): nothing of them is copied here.

create table life_situation (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{0,59}$'),
  origin text not null check (origin in ('federal', 'regional')),
  position integer not null check (position >= 0),
  current_version integer not null check (current_version >= 1),
  updated_at timestamptz not null default now()
);

-- Every edit is a new version; the old ones stay, so what a family was shown can be reconstructed.
create table life_situation_version (
  situation_code text not null references life_situation (code),
  version integer not null check (version >= 1),
  definition jsonb not null check (jsonb_typeof(definition) = 'object' and definition->>'code' = situation_code),
  note text check (length(note) <= 500),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('russian', coalesce(definition->>'titleRu', '')), 'A') ||
    setweight(to_tsvector('russian', coalesce(definition->>'keywordsRu', '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(definition->>'summaryRu', '')), 'C')
  ) stored,
  primary key (situation_code, version)
);
create index life_situation_version_search on life_situation_version using gin (search);

alter table life_situation add constraint life_situation_current
  foreign key (code, current_version) references life_situation_version (situation_code, version)
  deferrable initially deferred;

-- «Ваш контроль» (Постановление Правительства РФ от 12.12.2012 № 1284): five criteria, 1–5 each.
create table service_rating (
  id bigint generated always as identity primary key,
  family_request_id bigint not null unique references family_request (id),
  rated_by uuid not null references app_user (id),
  module text not null check (module ~ '^[a-z][a-z0-9-]{1,40}$'),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{1,80}$'),
  organisation_id integer references organisation (id),
  municipality_id integer references municipality (id),
  time_to_result smallint not null check (time_to_result between 1 and 5),
  waiting_time smallint not null check (waiting_time between 1 and 5),
  staff_politeness smallint not null check (staff_politeness between 1 and 5),
  comfort smallint not null check (comfort between 1 and 5),
  information smallint not null check (information between 1 and 5),
  comment text check (length(comment) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index service_rating_organisation on service_rating (organisation_id, created_at desc);
create index service_rating_municipality on service_rating (municipality_id, created_at desc);
create index service_rating_service on service_rating (module, kind, created_at desc);

-- The organisation's public answer to a rating: one, and it stays.
create table service_rating_answer (
  rating_id bigint primary key references service_rating (id),
  answered_by uuid not null references app_user (id),
  body text not null check (length(body) between 2 and 2000),
  answered_at timestamptz not null default now()
);

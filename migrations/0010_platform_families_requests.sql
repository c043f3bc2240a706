-- Families: children as platform records (the table the kindergarten queue created in 0002), their
-- legal representatives, invitations of the second parent, health facts kept with consent, pupils'
-- school enrolment; the registry of a family's requests in every service; the portal's news.

-- The child's personal data stays in this one table so it can be anonymised in one place.
alter table child add column snils text check (snils ~ '^[0-9]{3}-[0-9]{3}-[0-9]{3} [0-9]{2}$');
alter table child add column registration_address text;
alter table child add column source text not null default 'application'
  check (source in ('application', 'esia', 'manual', 'seed'));
alter table child add column created_by uuid references app_user (id);

-- Legal representatives (законные представители) of a child: parents and guardians.
create table child_representative (
  child_id uuid not null references child (id),
  user_id uuid not null references app_user (id),
  relation text not null check (relation in ('parent', 'guardian')),
  added_via text not null check (added_via in ('application', 'esia', 'manual', 'invitation', 'seed')),
  added_at timestamptz not null default now(),
  primary key (child_id, user_id)
);
create index child_representative_user on child_representative (user_id);

-- A representative invites the second parent; the code is shown once, only its hash is kept.
create table family_invitation (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references child (id),
  invited_by uuid not null references app_user (id),
  relation text not null check (relation in ('parent', 'guardian')),
  code_hash text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_by uuid references app_user (id),
  accepted_at timestamptz,
  revoked_at timestamptz,
  check (expires_at > created_at),
  check ((accepted_by is null) = (accepted_at is null))
);

-- Health facts a service needs, kept only with a representative's consent (152-ФЗ ст. 10: special
-- categories of personal data); withdrawing the consent withdraws the fact.
create table child_health_fact (
  id integer generated always as identity primary key,
  child_id uuid not null references child (id),
  kind text not null check (kind in ('disability', 'ovz', 'food_allergy')),
  -- ОВЗ type or allergen code (see docs/DOMAIN.md); empty for a disability without detail.
  detail text not null default '' check (length(detail) <= 100),
  consent_by uuid not null references app_user (id),
  consent_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
create unique index child_health_fact_active on child_health_fact (child_id, kind, detail)
  where withdrawn_at is null;

-- A pupil's enrolment at a school for an academic year (grade and letter), as kindergarten
-- enrolment is kept by the catalog.
create table pupil_enrolment (
  id integer generated always as identity primary key,
  child_id uuid not null references child (id),
  organisation_id integer not null references organisation (id),
  academic_year smallint not null check (academic_year between 2000 and 2100),
  grade smallint not null check (grade between 1 and 11),
  letter text not null check (letter ~ '^[А-ЯЁ]$'),
  enrolled_on date not null,
  left_on date,
  check (left_on is null or left_on >= enrolled_on)
);
create unique index pupil_enrolment_one_active on pupil_enrolment (child_id) where left_on is null;
create index pupil_enrolment_school on pupil_enrolment (organisation_id, academic_year, grade, letter);

-- A family's requests in every service (applications, enrolments, appeals, votes…), told by the
-- module that owns each: the portal and the life-situations navigator read them here instead of
-- reading other modules' tables. `status` is the module's code, `state` what the family sees first.
create table family_request (
  id bigint generated always as identity primary key,
  module text not null check (module ~ '^[a-z][a-z0-9-]{1,40}$'),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{1,80}$'),
  external_id text not null check (length(external_id) between 1 and 100),
  owner_user_id uuid references app_user (id),
  child_id uuid references child (id),
  organisation_id integer references organisation (id),
  reference text,
  status text not null check (length(status) between 1 and 60),
  state text not null check (state in ('open', 'done', 'refused', 'withdrawn')),
  link text not null check (link ~ '^/[^/\\]'),
  submitted_at timestamptz not null,
  updated_at timestamptz not null default now(),
  unique (module, kind, external_id),
  check (owner_user_id is not null or child_id is not null)
);
create index family_request_owner on family_request (owner_user_id, updated_at desc);
create index family_request_child on family_request (child_id, updated_at desc);

-- News of the region's services on the portal's home page.
create table portal_news (
  id integer generated always as identity primary key,
  published_on date not null,
  module text check (module ~ '^[a-z][a-z0-9-]{1,40}$'),
  title_ru text not null check (length(title_ru) between 2 and 200),
  title_en text,
  body_ru text not null check (length(body_ru) between 2 and 2000),
  body_en text,
  link text check (link ~ '^/[^/\\]')
);
create index portal_news_published on portal_news (published_on desc);

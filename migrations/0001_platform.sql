-- Platform: region, municipalities, users and roles, sessions, the audit chain, the outbox,
-- in-app notifications, uploaded files and idempotent requests.

create table region (
  id smallint primary key default 1 check (id = 1),
  name_ru text not null,
  name_en text not null,
  config jsonb not null default '{}'::jsonb
);

create table municipality (
  id integer generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name_ru text not null,
  name_en text not null,
  oktmo text,
  center_lat double precision not null check (center_lat between -90 and 90),
  center_lon double precision not null check (center_lon between -180 and 180),
  -- Local rules (max preferences, tier order, age rule, direction validity, …); defaults in code.
  config jsonb not null default '{}'::jsonb
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('staff', 'citizen')),
  login text unique check (login is null or login = lower(login)),
  password_hash text,
  totp_secret text,
  totp_enabled boolean not null default false,
  oidc_subject text unique,
  full_name text not null,
  email text,
  phone text,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  check (kind <> 'staff' or (login is not null and password_hash is not null)),
  check (kind <> 'citizen' or oidc_subject is not null)
);

create table role_assignment (
  id integer generated always as identity primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (
    role in ('citizen', 'kindergarten_head', 'municipal_officer', 'regional_admin', 'auditor', 'sysadmin')
  ),
  municipality_id integer references municipality (id),
  -- Foreign key to kindergarten is added by the kindergarten migration.
  kindergarten_id integer,
  check (role <> 'kindergarten_head' or kindergarten_id is not null),
  check (role <> 'municipal_officer' or (municipality_id is not null and kindergarten_id is null)),
  check (role not in ('citizen', 'regional_admin', 'auditor', 'sysadmin') or (municipality_id is null and kindergarten_id is null))
);
create unique index role_assignment_unique on role_assignment (user_id, role, coalesce(municipality_id, 0), coalesce(kindergarten_id, 0));

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  user_agent text,
  check (expires_at > created_at)
);
create index user_session_user on user_session (user_id) where revoked_at is null;

-- PKCE state of a citizen's sign-in round trip to the OpenID provider.
create table oidc_login (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  return_to text not null default '/',
  created_at timestamptz not null default now()
);

-- The audit chain: append-only, each row carries the SHA-256 of its content and of the previous row.
create table audit_event (
  seq bigint primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_role text,
  action text not null,
  subject_type text not null,
  subject_id text,
  municipality_id integer,
  summary jsonb not null default '{}'::jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create sequence audit_event_seq;
create index audit_event_subject on audit_event (subject_type, subject_id);
create index audit_event_time on audit_event (occurred_at);

-- The canonical text of a row; the trigger and the verifier use this one definition.
create function audit_row_text(e audit_event) returns text
language sql immutable as $$
  select concat_ws('|', e.seq::text, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action, e.subject_type,
    coalesce(e.subject_id, ''), coalesce(e.municipality_id::text, ''), e.summary::text,
    coalesce(e.request_id, ''), e.prev_hash)
$$;

create function audit_row_hash(e audit_event) returns text
language sql immutable as $$
  select encode(sha256(convert_to(audit_row_text(e), 'UTF8')), 'hex')
$$;

create function audit_event_chain() returns trigger
language plpgsql as $$
declare
  previous text;
begin
  -- Serialise writers so the chain has one order; the lock is held until this transaction ends.
  perform pg_advisory_xact_lock(7346002);
  new.seq := nextval('audit_event_seq');
  new.occurred_at := coalesce(new.occurred_at, now());
  select hash into previous from audit_event order by seq desc limit 1;
  new.prev_hash := coalesce(previous, repeat('0', 64));
  new.hash := audit_row_hash(new);
  return new;
end;
$$;

create trigger audit_event_chain before insert on audit_event
  for each row execute function audit_event_chain();

create function audit_event_forbid_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % is forbidden', tg_op using errcode = '42501';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_forbid_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_forbid_change();

-- Transactional outbox: jobs and notifications written with the change, run by the worker.
create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  dedupe_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
  attempts integer not null default 0 check (attempts >= 0),
  run_after timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index outbox_due on outbox (run_after) where status = 'pending';

create table notification (
  id bigint generated always as identity primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  template text not null,
  params jsonb not null default '{}'::jsonb,
  link text,
  dedupe_key text not null unique,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_user on notification (user_id, created_at desc);

create table email_delivery (
  id bigint generated always as identity primary key,
  dedupe_key text not null unique,
  recipient text not null,
  subject text not null,
  template text not null,
  message_id text,
  sent_at timestamptz not null default now()
);

create table stored_file (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references app_user (id),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);

create table idempotent_request (
  user_id uuid not null references app_user (id) on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 8 and 200),
  route text not null,
  request_hash text not null,
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (user_id, idempotency_key)
);

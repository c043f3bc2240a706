-- Open311 GeoReport v2 (issue 15): client applications file service requests with an API key; a
-- request becomes an appeal only once a citizen confirms it through ЕСИА (59-ФЗ counts identified
-- electronic appeals only), so the client gets a token first and the request id after confirmation.

create table feedback_api_client (
  id integer generated always as identity primary key,
  name text not null check (length(btrim(name)) between 1 and 200),
  -- sha256 of the key, hex; the key itself is shown once when issued.
  key_sha256 text not null unique check (key_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table feedback_open311_request (
  token uuid primary key,
  api_client_id integer not null references feedback_api_client (id),
  service_code text not null check (service_code ~ '^[a-z_]+\.[a-z_]+$'),
  description text not null check (length(btrim(description)) between 1 and 5000),
  organisation_id integer references organisation (id),
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  address_string text check (length(address_string) <= 500),
  email text check (length(email) <= 200),
  first_name text check (length(first_name) <= 100),
  last_name text check (length(last_name) <= 100),
  phone text check (length(phone) <= 40),
  media_url text check (length(media_url) <= 2000),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  -- Set in the transaction that files the appeal from it; a token confirms once.
  appeal_id bigint unique references feedback_appeal (id),
  confirmed_by uuid references app_user (id),
  check (organisation_id is not null or (lat is not null and lon is not null)),
  check ((lat is null) = (lon is null)),
  check ((appeal_id is null) = (confirmed_by is null)),
  check (expires_at > created_at)
);
create index feedback_open311_request_client on feedback_open311_request (api_client_id, created_at);

-- Citizens' feedback (issue 15): appeals under 59-ФЗ and short messages, filed by a citizen signed in
-- through ЕСИА, routed to the responsible staff, answered within the legal limits and rated.
-- Statuses, grounds and limits are the pure core's (src/modules/feedback/appeals/appeal-status.ts,
-- calendar/deadlines.ts); the checks here make the database refuse what the core refuses.

create sequence feedback_appeal_id_seq as bigint;

create table feedback_appeal (
  id bigint primary key default nextval('feedback_appeal_id_seq'),
  -- What the citizen is told and quotes: FB-<year of registration>-<id>.
  number text not null unique check (number ~ '^FB-[0-9]{4}-[0-9]{6,}$'),
  kind text not null check (kind in ('appeal', 'message')),
  owner_user_id uuid not null references app_user (id),
  category_code text not null check (category_code ~ '^[a-z_]+\.[a-z_]+$'),
  -- What the appeal is about: an organisation, or a point on the map (or both).
  organisation_id integer references organisation (id),
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  municipality_id integer references municipality (id),
  text text not null check (length(btrim(text)) between 1 and 5000),
  status text not null check (status in (
    'registered', 'forwarded', 'in_work', 'answered', 'answer_rejected', 'closed', 'left_without_answer'
  )),
  without_answer_ground text check (without_answer_ground in (
    'no_name_or_address', 'obscene_language', 'unreadable_text', 'essence_unclear', 'repeated_question',
    'state_secret'
  )),
  without_answer_note text check (length(without_answer_note) <= 2000),
  rework_used boolean not null default false,
  extended boolean not null default false,
  extension_reason text check (length(extension_reason) <= 2000),
  rating smallint check (rating between 1 and 5),
  rating_comment text check (length(rating_comment) <= 2000),
  received_on date not null,
  registered_on date not null check (registered_on >= received_on),
  registration_due date not null,
  forwarding_due date not null,
  answer_due date not null check (answer_due >= registered_on),
  -- Who handles it: the organisation and the person the routing (or an operator) chose.
  responsible_organisation_id integer references organisation (id),
  assignee_user_id uuid references app_user (id),
  answer_text text check (length(btrim(answer_text)) between 1 and 10000),
  answered_at timestamptz,
  answered_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (organisation_id is not null or (lat is not null and lon is not null)),
  check ((lat is null) = (lon is null)),
  check ((status = 'left_without_answer') = (without_answer_ground is not null)),
  check (status not in ('answered', 'closed') or answer_text is not null),
  check ((answer_text is null) = (answered_at is null)),
  check (not extended or extension_reason is not null),
  check (rating is null or status in ('answer_rejected', 'in_work', 'answered', 'closed'))
);
alter sequence feedback_appeal_id_seq owned by feedback_appeal.id;
create index feedback_appeal_owner on feedback_appeal (owner_user_id, created_at desc);
create index feedback_appeal_queue on feedback_appeal (status, answer_due);
create index feedback_appeal_organisation on feedback_appeal (responsible_organisation_id, status);
create index feedback_appeal_municipality on feedback_appeal (municipality_id, status);
create index feedback_appeal_topics on feedback_appeal (registered_on, category_code);

-- Photos attached by the citizen: sniffed JPEG/PNG/WebP up to 5 MB, at most 5 per appeal.
create table feedback_appeal_photo (
  id integer generated always as identity primary key,
  appeal_id bigint not null references feedback_appeal (id),
  position smallint not null check (position between 1 and 5),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes between 1 and 5242880),
  bytes bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  width integer check (width between 1 and 65535),
  height integer check (height between 1 and 65535),
  created_at timestamptz not null default now(),
  check (octet_length(bytes) = size_bytes),
  unique (appeal_id, position)
);
alter table feedback_appeal_photo alter column bytes set storage external;

-- The appeal's history as the citizen and the staff see it (the audit chain holds the same events).
create table feedback_appeal_event (
  id bigint generated always as identity primary key,
  appeal_id bigint not null references feedback_appeal (id),
  at timestamptz not null default now(),
  actor_user_id uuid references app_user (id),
  type text not null check (type in (
    'registered', 'assigned', 'forwarded', 'work_started', 'answered', 'extended', 'rated',
    'left_without_answer', 'photo_added'
  )),
  from_status text,
  to_status text,
  note text check (length(note) <= 2000)
);
create index feedback_appeal_event_appeal on feedback_appeal_event (appeal_id, id);

-- Routing: the most specific matching rule names who gets a new appeal. A rule names at least one of
-- category, municipality, organisation; nothing matching leaves it to the control centre's operators.
create table feedback_routing_rule (
  id integer generated always as identity primary key,
  category_code text check (category_code ~ '^[a-z_]+(\.[a-z_]+)?$'),
  municipality_id integer references municipality (id),
  organisation_id integer references organisation (id),
  assignee_user_id uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  check (category_code is not null or municipality_id is not null or organisation_id is not null),
  unique nulls not distinct (category_code, municipality_id, organisation_id)
);

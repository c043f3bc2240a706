-- The public archive of answers to questions of general interest (59-ФЗ ст. 10 ч. 4), issue 15: an
-- operator publishes an answered appeal's question and answer with personal data removed
-- (src/modules/feedback/archive/redact.ts); the archive is searched in Russian.
create table feedback_public_answer (
  id integer generated always as identity primary key,
  appeal_id bigint not null unique references feedback_appeal (id),
  category_code text not null check (category_code ~ '^[a-z_]+\.[a-z_]+$'),
  organisation_id integer references organisation (id),
  municipality_id integer references municipality (id),
  question text not null check (length(btrim(question)) between 1 and 5000),
  answer text not null check (length(btrim(answer)) between 1 and 10000),
  registered_on date not null,
  answered_on date not null,
  published_at timestamptz not null default now(),
  published_by uuid not null references app_user (id),
  search tsvector generated always as (
    setweight(to_tsvector('russian', question), 'A') || setweight(to_tsvector('russian', answer), 'B')
  ) stored
);
create index feedback_public_answer_search on feedback_public_answer using gin (search);
create index feedback_public_answer_recent on feedback_public_answer (published_at desc);

-- Feedback follow-ups (issue 15): duplicates linked to the appeal they join, the «устранено» survey
-- some weeks after an answer saying the problem was fixed, and the classifier's suggestion with the
-- automatic routing above a configured confidence. The pure core decides; these checks refuse what
-- it refuses.

alter table feedback_appeal
  -- «Присоединиться к обращению»: the citizen files their own appeal (own number and deadline)
  -- linked to an open similar one. Linked, never hidden or merged.
  add column duplicate_of_id bigint references feedback_appeal (id),
  -- The answer says the problem was fixed («устранено»), so the citizen is asked later whether it is.
  add column answer_fixed boolean not null default false,
  add column survey_due date,
  add column survey_sent_at timestamptz,
  add column survey_answer text check (survey_answer in ('fixed', 'not_fixed')),
  add column survey_answered_at timestamptz,
  -- A «нет» reopens the appeal once.
  add column survey_reopened boolean not null default false,
  -- The classifier's top-1 when it differs from the citizen's category, and whether its score was
  -- high enough for the appeal to be routed by it.
  add column suggested_category_code text check (suggested_category_code ~ '^[a-z_]+\.[a-z_]+$'),
  add column suggested_score double precision check (suggested_score between 0 and 1),
  add column auto_routed boolean not null default false,
  add check (duplicate_of_id is null or duplicate_of_id <> id),
  add check (not answer_fixed or answer_text is not null),
  add check (survey_due is null or answer_fixed),
  add check (survey_sent_at is null or survey_due is not null),
  add check ((survey_answer is null) = (survey_answered_at is null)),
  add check (survey_answer is null or survey_sent_at is not null),
  add check (not survey_reopened or survey_answer = 'not_fixed'),
  add check ((suggested_category_code is null) = (suggested_score is null)),
  add check (not auto_routed or suggested_category_code is not null);

create index feedback_appeal_duplicate_of on feedback_appeal (duplicate_of_id) where duplicate_of_id is not null;
-- The candidates a new appeal is compared with: the same category, recent.
create index feedback_appeal_similar on feedback_appeal (category_code, registered_on);
-- The survey sweep: answers saying «устранено» whose question is due and not yet sent.
create index feedback_appeal_survey_due on feedback_appeal (survey_due) where survey_sent_at is null;

alter table feedback_appeal_event drop constraint feedback_appeal_event_type_check;
alter table feedback_appeal_event add constraint feedback_appeal_event_type_check check (type in (
  'registered', 'assigned', 'forwarded', 'work_started', 'answered', 'extended', 'rated',
  'left_without_answer', 'photo_added', 'joined', 'auto_routed', 'survey_sent', 'survey_answered',
  'reopened'
));

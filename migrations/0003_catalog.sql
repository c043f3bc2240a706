-- Kindergarten catalog (issue 4): per-municipality catalog configuration and the indexes the public
-- list, the kindergarten page and the free-place history read.
--
-- Free-place history is not a new table: capacity history is kg_group_capacity (one row per change,
-- valid_from), attendance history is enrollment (enrolled_on … left_on). Free places on any past day
-- are derived from both, so nothing is ever overwritten.

create table catalog_config (
  municipality_id integer primary key references municipality (id),
  -- Default false: a group may not hold more children than its capacity (a head must raise the capacity first).
  allow_over_capacity boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id)
);

-- Attending children per group (left_on is null): the snapshot's one grouped count.
create index catalog_enrollment_attending on enrollment (group_id) where left_on is null;
-- Past-date counts for charts: enrollments of a group that started before a day.
create index catalog_enrollment_group_left on enrollment (group_id, left_on);
-- Capacity in force on a day: the latest row with valid_from <= day.
create index catalog_kg_group_capacity_latest on kg_group_capacity (group_id, valid_from desc);
-- Filtered list by municipality and status.
create index catalog_kindergarten_municipality_status on kindergarten (municipality_id, status);
-- Applicants per kindergarten by rank (first choice vs any choice).
create index catalog_application_choice_kindergarten_rank on application_choice (kindergarten_id, rank);
create index catalog_construction_note_kindergarten on construction_note (kindergarten_id, noted_on);

-- Kindergartens become organisations of kind 'kindergarten', keeping their ids (so every
-- reference — groups, photos, choices, benefits, directions, role grants, history — stays valid);
-- the catalog keeps its own table for what is kindergarten-only. The queue's children get their
-- legal representatives, and every application is a request in the platform's registry.

insert into organisation (id, kind, full_name, short_name, name_en, municipality_id, address, lat, lon,
  phone, email, website, head_name, status, updated_at)
select id, 'kindergarten', name_ru, name_ru, name_en, municipality_id, address, lat, lon, phone, email,
  website, head_name, case when status = 'closed' then 'closed' else 'active' end, updated_at
from kindergarten;
select setval('organisation_id_seq', greatest(coalesce((select max(id) from organisation), 0), 1),
  (select count(*) > 0 from organisation));

-- Head grants made before organisations existed name their kindergarten's organisation.
update role_assignment set organisation_id = kindergarten_id where kindergarten_id is not null;

-- New kindergartens take their ids from the organisations' sequence.
alter table kindergarten alter column id drop identity;
alter table kindergarten alter column id set default nextval('organisation_id_seq');
alter table kindergarten add constraint kindergarten_organisation_fk foreign key (id) references organisation (id);

-- The card's shared fields are kept equal both ways: the catalog writes its table as before, the
-- platform's organisation card writes the registry. Each direction updates only what differs, so
-- the echo stops after one step.
create function kindergarten_to_organisation() returns trigger
language plpgsql as $$
begin
  insert into organisation (id, kind, full_name, short_name, name_en, municipality_id, address, lat, lon,
    phone, email, website, head_name, status)
  values (new.id, 'kindergarten', new.name_ru, new.name_ru, new.name_en, new.municipality_id, new.address,
    new.lat, new.lon, new.phone, new.email, new.website, new.head_name,
    case when new.status = 'closed' then 'closed' else 'active' end)
  on conflict (id) do update set
    short_name = excluded.short_name, name_en = excluded.name_en,
    municipality_id = excluded.municipality_id, address = excluded.address, lat = excluded.lat,
    lon = excluded.lon, phone = excluded.phone, email = excluded.email, website = excluded.website,
    head_name = excluded.head_name, status = excluded.status, updated_at = now()
  where (organisation.short_name, organisation.name_en, organisation.municipality_id, organisation.address,
      organisation.lat, organisation.lon, organisation.phone, organisation.email, organisation.website,
      organisation.head_name, organisation.status)
    is distinct from (excluded.short_name, excluded.name_en, excluded.municipality_id, excluded.address,
      excluded.lat, excluded.lon, excluded.phone, excluded.email, excluded.website, excluded.head_name,
      excluded.status);
  return new;
end;
$$;
-- A new kindergarten's organisation is made BEFORE the row, so its foreign key holds; a change is
-- copied AFTER it is written, so the echo back from the organisation finds nothing to change (a
-- BEFORE UPDATE copy would have the echo update the very row being updated).
create trigger kindergarten_to_organisation_insert before insert on kindergarten
  for each row execute function kindergarten_to_organisation();
create trigger kindergarten_to_organisation_update after update on kindergarten
  for each row execute function kindergarten_to_organisation();

create function organisation_to_kindergarten() returns trigger
language plpgsql as $$
begin
  update kindergarten set
    name_ru = new.short_name, name_en = new.name_en, municipality_id = new.municipality_id,
    address = coalesce(new.address, kindergarten.address), lat = new.lat, lon = new.lon,
    phone = new.phone, email = new.email, website = new.website, head_name = new.head_name,
    updated_at = now()
  where kindergarten.id = new.id
    and (kindergarten.name_ru, kindergarten.name_en, kindergarten.municipality_id, kindergarten.address,
      kindergarten.lat, kindergarten.lon, kindergarten.phone, kindergarten.email, kindergarten.website,
      kindergarten.head_name)
    is distinct from (new.short_name, new.name_en, new.municipality_id, coalesce(new.address, kindergarten.address),
      new.lat, new.lon, new.phone, new.email, new.website, new.head_name);
  return null;
end;
$$;
create trigger organisation_to_kindergarten after update on organisation
  for each row when (new.kind = 'kindergarten') execute function organisation_to_kindergarten();

-- The applicant of an application with an account is a legal representative of its child.
insert into child_representative (child_id, user_id, relation, added_via, added_at)
select distinct on (child_id, applicant_id) child_id, applicant_id, 'parent', 'application', created_at
from application where applicant_id is not null
order by child_id, applicant_id, created_at
on conflict do nothing;

-- What an application's status means to the family: still going, a place, refused, withdrawn.
create function kindergarten_application_state(status text) returns text
language sql immutable as $$
  select case
    when status in ('new', 'registered', 'benefit_check', 'change_requested', 'directed', 'contract') then 'open'
    when status = 'enrolled' then 'done'
    when status in ('refused', 'no_show') then 'refused'
    else 'withdrawn'
  end
$$;

insert into family_request (module, kind, external_id, owner_user_id, child_id, reference, status, state,
  link, submitted_at, updated_at)
select 'kindergarten', 'kindergarten.application', id::text, applicant_id, child_id, number, status,
  kindergarten_application_state(status), '/my/applications/' || id, registered_at, status_changed_at
from application;

-- The queue tells the registry of every new application and every status change, in the same
-- transaction as the change.
create function kindergarten_application_to_request() returns trigger
language plpgsql as $$
begin
  insert into family_request (module, kind, external_id, owner_user_id, child_id, reference, status, state,
    link, submitted_at, updated_at)
  values ('kindergarten', 'kindergarten.application', new.id::text, new.applicant_id, new.child_id,
    new.number, new.status, kindergarten_application_state(new.status), '/my/applications/' || new.id,
    new.registered_at, now())
  on conflict (module, kind, external_id) do update set
    status = excluded.status, state = excluded.state, owner_user_id = excluded.owner_user_id,
    child_id = excluded.child_id, updated_at = now();
  if new.applicant_id is not null then
    insert into child_representative (child_id, user_id, relation, added_via)
    values (new.child_id, new.applicant_id, 'parent', 'application')
    on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger kindergarten_application_to_request after insert or update of status, applicant_id, child_id
  on application for each row execute function kindergarten_application_to_request();

-- Kindergarten photos uploaded by staff (a head, the municipality's officer, the regional admin).
-- The bytes live in the database, not on a disk beside it: the same on PGlite and PostgreSQL, in every
-- backup, and written in the transaction that audits the upload. The content decided the media type
-- (sniffed, never the file name); width and height come from the image header when it says.
--
-- A kindergarten shows at most 12: positions are 1…12 and unique per kindergarten, so the schema
-- itself refuses a 13th. The uniqueness is checked at commit, so a reorder or a delete may renumber
-- the remaining photos in one statement.

create table kindergarten_photo (
  id integer generated always as identity primary key,
  kindergarten_id integer not null references kindergarten (id),
  position smallint not null check (position between 1 and 12),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes between 1 and 5242880),
  bytes bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  width integer check (width between 1 and 65535),
  height integer check (height between 1 and 65535),
  alt_ru text not null check (length(alt_ru) between 1 and 300),
  alt_en text check (length(alt_en) between 1 and 300),
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  check (octet_length(bytes) = size_bytes),
  check ((width is null) = (height is null)),
  constraint kindergarten_photo_position unique (kindergarten_id, position) deferrable initially deferred
);

-- JPEG, PNG and WebP are compressed already: store them out of line without trying to compress again.
alter table kindergarten_photo alter column bytes set storage external;

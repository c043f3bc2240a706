-- Staff sign-in hardening (issue 13).

-- The RFC 6238 time step (unix seconds / 30) of the last TOTP code accepted for the user: a code is
-- good once, and no code of that step or an earlier one is accepted again.
alter table app_user add column totp_last_step bigint check (totp_last_step >= 0);

-- Consecutive failed sign-ins per login name, whether or not such a login exists (so a lock tells
-- nothing about which logins do). An attempt counts as failed when admitted (the row is locked while
-- that is decided, so parallel attempts queue) and the row goes when one succeeds. Until not_before
-- the login is refused without checking the password: growing waits, then a lock.
create table login_throttle (
  login text primary key check (length(login) between 1 and 100),
  failures integer not null check (failures >= 0),
  not_before timestamptz,
  last_attempt_at timestamptz not null default now()
);
-- Rows of logins nobody tried for a day are of no use; they are deleted by the last attempt's time.
create index login_throttle_last_attempt on login_throttle (last_attempt_at);

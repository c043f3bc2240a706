import { sql } from 'kysely';
import type { QueueClass } from '../../../contracts/kindergarten-queue.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import type {
  BandCount,
  ClassCount,
  ExitCount,
  GroupPlaces,
  IndicatorCounts,
  PlacementCount,
  WaitCount,
} from './indicator-counts.js';
import { DEFAULT_UTC_OFFSET_MINUTES, endOfDay } from './report-day.js';
import './tables.js';

/**
 * The indicators' counts in SQL: the same rules as reconstruct-history.ts (the reference), computed
 * where the data is. Stocks look at the last status event before the end of the day, flows at the
 * status events inside the period. Class rank: extraordinary 0, first 1, sibling 2 (the federal
 * order, DEFAULT_CLASS_ORDER of queue-priority.ts), general otherwise.
 */
export interface CountsParams {
  day: string;
  periodFrom: string;
  offsetMinutes?: number;
  /** Whether migrations/0005_placement.sql's placement_wave exists: waves are then named by title. */
  hasWaveTable?: boolean;
  /** Only the children on the day (demand, placed): a time series needs no places or flows. */
  stocksOnly?: boolean;
}

const MONTHS = (day: string) => sql`(
  (extract(year from ${day}::date) - extract(year from c.birth_date)) * 12
  + extract(month from ${day}::date) - extract(month from c.birth_date)
  - case when extract(day from ${day}::date) < extract(day from c.birth_date) then 1 else 0 end)::int`;

interface StockRow {
  municipality_id: number;
  band: number;
  bucket: 'actual' | 'deferred' | 'directed';
  class_rank: number | null;
  held_group: number | null;
  n: number;
}

export async function stockRows(db: Executor, day: string, cutoff: Date): Promise<StockRow[]> {
  const months = MONTHS(day);
  const { rows } = await sql<StockRow>`
    with attending as (
      select distinct e.child_id from enrollment e
      where e.enrolled_on <= ${day}::date and (e.left_on is null or e.left_on > ${day}::date)
    ),
    -- The status on the day: the current one when it last changed before the day's end (status_changed_at
    -- is the time of the last status event, an invariant of every writer), else the last event before it.
    open_app as materialized (
      select a.id, a.municipality_id, a.desired_date, ${months} as months,
        case when a.status_changed_at < ${cutoff} then a.status else (
          select ev.to_status from application_event ev
          where ev.application_id = a.id and ev.kind = 'status' and ev.occurred_at < ${cutoff}
          order by ev.occurred_at desc, ev.id desc limit 1) end as to_status
      from application a
      join child c on c.id = a.child_id
      where a.registered_at < ${cutoff}
        and (a.status_changed_at >= ${cutoff}
          or a.status in ('registered', 'benefit_check', 'change_requested', 'directed', 'contract'))
        and not exists (select 1 from attending t where t.child_id = a.child_id)
    ),
    in_band as (
      select * from open_app where months >= 0 and months < 96
        and to_status in ('registered', 'benefit_check', 'change_requested', 'directed', 'contract')
    ),
    -- The best verified benefit class on the day, per application (0 extraordinary, 1 first, 2 sibling).
    class_on_day as (
      select b.application_id, min(case b.class when 'extraordinary' then 0 when 'first' then 1 else 2 end) as class_rank
      from benefit b
      where b.status in ('verified', 'expired') and b.decided_at < ${cutoff}
        and (b.valid_until is null or b.valid_until >= ${day}::date)
      group by 1
    ),
    -- The desired date in force on the day: the "from" of the first change after the day, if any.
    desired_on_day as (
      select distinct on (dc.application_id) dc.application_id, (dc.data ->> 'from')::date as desired_at
      from application_event dc
      where dc.kind = 'desired_date' and dc.occurred_at >= ${cutoff}
      order by dc.application_id, dc.occurred_at, dc.id
    )
    select q.municipality_id, q.months / 6 as band,
      case when coalesce(d.desired_at, q.desired_date) <= ${day}::date then 'actual' else 'deferred' end as bucket,
      cl.class_rank, null::int as held_group, count(*)::int as n
    from in_band q
    left join class_on_day cl on cl.application_id = q.id
    left join desired_on_day d on d.application_id = q.id
    where q.to_status in ('registered', 'benefit_check', 'change_requested')
    group by 1, 2, 3, 4
    union all
    select d.municipality_id, d.months / 6, 'directed', null::int, (
        select (ev.data ->> 'groupId')::int from application_event ev
        where ev.application_id = d.id and ev.kind = 'status' and ev.to_status = 'directed'
          and ev.occurred_at < ${cutoff}
        order by ev.occurred_at desc, ev.id desc limit 1), count(*)::int
    from in_band d where d.to_status in ('directed', 'contract')
    group by 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

export async function enrolledRows(db: Executor, day: string) {
  const months = MONTHS(day);
  const { rows } = await sql<{ municipality_id: number; group_id: number; band: number | null; n: number }>`
    select k.municipality_id, e.group_id,
      case when ${months} >= 0 and ${months} < 96 then ${months} / 6 end as band, count(*)::int as n
    from enrollment e
    join child c on c.id = e.child_id
    join kg_group g on g.id = e.group_id
    join kindergarten k on k.id = g.kindergarten_id
    where e.enrolled_on <= ${day}::date and (e.left_on is null or e.left_on > ${day}::date)
    group by 1, 2, 3`.execute(db);
  return rows;
}

export async function capacityRows(db: Executor, cutoff: Date) {
  const { rows } = await sql<{
    municipality_id: number;
    kindergarten_id: number;
    group_id: number;
    capacity: number;
  }>`
    select k.municipality_id, g.kindergarten_id, g.id as group_id, cap.capacity
    from kg_group g
    join kindergarten k on k.id = g.kindergarten_id
    cross join lateral (
      select c.capacity from kg_group_capacity c
      where c.group_id = g.id and c.valid_from < ${cutoff}
      order by c.valid_from desc limit 1
    ) cap`.execute(db);
  return rows;
}

interface FlowRow {
  municipality_id: number;
  kind: 'direction' | 'offer_refused' | 'service_refused' | 'no_show';
  wave: string | null;
  rank: number | null;
  wait_days: number | null;
  n: number;
}

export async function flowRows(db: Executor, params: Required<CountsParams>, start: Date, cutoff: Date) {
  const offset = params.offsetMinutes;
  const local = (col: string) =>
    sql`((${sql.ref(col)} at time zone 'UTC') + make_interval(mins => ${offset}::int))`;
  const waveLabel = params.hasWaveTable
    ? sql`coalesce((select w.title from placement_wave w where w.id::text = ev.data ->> 'waveId'), ev.data ->> 'waveId', to_char(${local('ev.occurred_at')}, 'YYYY-MM'))`
    : sql`coalesce(ev.data ->> 'waveId', to_char(${local('ev.occurred_at')}, 'YYYY-MM'))`;
  // Per-direction index probes (choice rank, "first direction ever") rather than joins: on PostgreSQL
  // this keeps the event scan parallel, and on PGlite (no statistics) it cannot turn into a bad join.
  const { rows } = await sql<FlowRow>`
    select a.municipality_id,
      case
        when ev.to_status = 'directed' then 'direction'
        when ev.from_status in ('directed', 'contract') and ev.to_status = 'no_show' then 'no_show'
        when ev.from_status in ('directed', 'contract') then 'offer_refused'
        else 'service_refused'
      end as kind,
      case when ev.to_status = 'directed' then ${waveLabel} end as wave,
      case when ev.to_status = 'directed' then (
        select ch.rank from application_choice ch
        where ch.application_id = ev.application_id
          and ch.kindergarten_id = (ev.data ->> 'kindergartenId')::int) end as rank,
      case when ev.to_status = 'directed' and not exists (
        select 1 from application_event e2
        where e2.application_id = ev.application_id and e2.kind = 'status' and e2.to_status = 'directed'
          and (e2.occurred_at, e2.id) < (ev.occurred_at, ev.id))
        then (${local('ev.occurred_at')})::date - (${local('a.registered_at')})::date end as wait_days,
      count(*)::int as n
    from application_event ev
    join application a on a.id = ev.application_id
    where ev.kind = 'status' and ev.occurred_at >= ${start} and ev.occurred_at < ${cutoff}
      -- The predicate of the partial index application_event_flows (migrations/0006_reporting.sql).
      and (ev.to_status in ('directed', 'refused', 'no_show') or ev.from_status in ('directed', 'contract'))
      and (ev.to_status in ('directed', 'refused')
        or (ev.from_status in ('directed', 'contract')
          and ev.to_status in ('no_show', 'registered', 'benefit_check', 'change_requested')))
    group by 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

/**
 * Runs a read with PostgreSQL's JIT compiler off and more memory for hashing. These are one-shot aggregates whose cost estimate
 * crosses jit_above_cost, and compiling them took longer (2 of 2.7 s at the national scale) than
 * running them. Inside a caller's transaction the setting stays for the rest of that transaction.
 */
async function withoutJit<T>(db: Executor, read: (x: Executor) => Promise<T>): Promise<T> {
  // work_mem: the hash aggregates over a million applications spill to disk at the 4 MB default.
  const tune = (x: Executor) =>
    sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(x);
  if (db.isTransaction) {
    await tune(db);
    return read(db);
  }
  return (db as Db).transaction().execute(async (tx) => {
    await tune(tx);
    return read(tx);
  });
}

const CLASS_BY_RANK: QueueClass[] = ['extraordinary', 'first', 'sibling'];

export async function hasPlacementWaveTable(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass('placement_wave')::text as t`.execute(
    db,
  );
  return rows[0]?.t != null;
}

/** All counts of one day and period; the four queries are independent and may run in parallel. */
export async function loadIndicatorCounts(db: Executor, p: CountsParams): Promise<IndicatorCounts> {
  const params: Required<CountsParams> = {
    offsetMinutes: DEFAULT_UTC_OFFSET_MINUTES,
    hasWaveTable: false,
    stocksOnly: false,
    ...p,
  };
  const cutoff = new Date(endOfDay(params.day, params.offsetMinutes));
  const start = new Date(endOfDay(params.periodFrom, params.offsetMinutes) - 86_400_000);
  const [stocks, enrolled, capacities, flows] = await Promise.all([
    withoutJit(db, (x) => stockRows(x, params.day, cutoff)),
    withoutJit(db, (x) => enrolledRows(x, params.day)),
    p.stocksOnly ? [] : withoutJit(db, (x) => capacityRows(x, cutoff)),
    p.stocksOnly ? [] : withoutJit(db, (x) => flowRows(x, params, start, cutoff)),
  ]);

  const bands = new Map<string, BandCount>();
  const bandRow = (m: number, b: number) => {
    let row = bands.get(`${m}:${b}`);
    if (!row)
      bands.set(
        `${m}:${b}`,
        (row = { municipalityId: m, band: b, actual: 0, deferred: 0, directed: 0, enrolled: 0 }),
      );
    return row;
  };
  const groups = new Map<number, GroupPlaces>(
    capacities.map((c) => [
      c.group_id,
      {
        municipalityId: c.municipality_id,
        kindergartenId: c.kindergarten_id,
        groupId: c.group_id,
        capacity: c.capacity,
        enrolled: 0,
        directed: 0,
      },
    ]),
  );
  const classes = new Map<string, ClassCount>();
  for (const s of stocks) {
    bandRow(s.municipality_id, s.band)[s.bucket] += s.n;
    if (s.bucket === 'directed') {
      const g = s.held_group === null ? undefined : groups.get(s.held_group);
      if (g) g.directed += s.n;
      continue;
    }
    const queueClass = s.class_rank === null ? 'general' : CLASS_BY_RANK[s.class_rank]!;
    const key = `${s.municipality_id}:${s.band}:${queueClass}`;
    const row = classes.get(key);
    if (row) row.count += s.n;
    else classes.set(key, { municipalityId: s.municipality_id, band: s.band, queueClass, count: s.n });
  }
  for (const e of enrolled) {
    const g = groups.get(e.group_id);
    if (g) g.enrolled += e.n;
    if (e.band !== null) bandRow(e.municipality_id, e.band).enrolled += e.n;
  }
  const waits: WaitCount[] = [];
  const placements = new Map<string, PlacementCount>();
  const exits = new Map<number, ExitCount>();
  const exitRow = (m: number) => {
    let row = exits.get(m);
    if (!row) exits.set(m, (row = { municipalityId: m, offersRefused: 0, serviceRefusals: 0, noShows: 0 }));
    return row;
  };
  for (const f of flows) {
    if (f.kind === 'direction') {
      const key = `${f.municipality_id}:${f.wave}:${f.rank}`;
      const row = placements.get(key);
      if (row) row.count += f.n;
      else
        placements.set(key, { municipalityId: f.municipality_id, wave: f.wave!, rank: f.rank, count: f.n });
      if (f.wait_days !== null)
        waits.push({ municipalityId: f.municipality_id, days: f.wait_days, count: f.n });
    } else if (f.kind === 'no_show') exitRow(f.municipality_id).noShows += f.n;
    else if (f.kind === 'offer_refused') exitRow(f.municipality_id).offersRefused += f.n;
    else exitRow(f.municipality_id).serviceRefusals += f.n;
  }
  return {
    day: params.day,
    periodFrom: params.periodFrom,
    bands: [...bands.values()],
    classes: [...classes.values()],
    groups: [...groups.values()],
    waits,
    placements: [...placements.values()],
    exits: [...exits.values()],
  };
}

// Names and places for the responses.

export async function listMunicipalities(db: Executor) {
  return db
    .selectFrom('municipality')
    .select(['id', 'name_ru', 'name_en', 'center_lat', 'center_lon'])
    .orderBy('name_ru')
    .execute();
}

export async function listKindergartens(db: Executor, municipalityId: number) {
  return db
    .selectFrom('kindergarten')
    .select(['id', 'code', 'name_ru', 'name_en', 'lat', 'lon'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('name_ru')
    .execute();
}

export async function municipalityExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('municipality').select('id').where('id', '=', id).executeTakeFirst());
}

export async function regionName(db: Executor): Promise<string> {
  const row = await db.selectFrom('region').select('name_ru').executeTakeFirst();
  return row?.name_ru ?? 'Регион';
}

export async function listReportFiles(db: Executor) {
  const rows = await db
    .selectFrom('report_file')
    .selectAll()
    .orderBy('report_day', 'desc')
    .limit(120)
    .execute();
  return rows.map((f) => ({
    id: f.id,
    kind: f.kind,
    reportDay: f.report_day,
    fileName: f.file_name,
    bytes: f.bytes,
    createdAt: f.created_at.toISOString(),
  }));
}

export async function reportFileById(db: Executor, id: number) {
  const f = await db.selectFrom('report_file').selectAll().where('id', '=', id).executeTakeFirst();
  return f ? { id: f.id, fileName: f.file_name, reportDay: f.report_day } : null;
}

// Forecast inputs and scenarios.

export async function birthsByMunicipality(db: Executor) {
  return db.selectFrom('municipality_births').select(['municipality_id', 'year', 'births']).execute();
}

/** Kindergartens being built or planned, with the places they will add and when. */
export async function plannedKindergartens(db: Executor) {
  return db
    .selectFrom('kindergarten')
    .select(['id', 'municipality_id', 'opening_date', 'planned_capacity', 'name_ru'])
    .where('status', 'in', ['under_construction', 'planned'])
    .where('opening_date', 'is not', null)
    .execute();
}

export async function listScenarios(db: Executor) {
  return db.selectFrom('forecast_scenario').selectAll().orderBy('id', 'desc').limit(100).execute();
}

export async function scenarioById(db: Executor, id: number) {
  return db.selectFrom('forecast_scenario').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertScenario(
  db: Executor,
  s: { name: string; withoutPlanned: boolean; additions: unknown[]; createdBy: string | null },
) {
  return db
    .insertInto('forecast_scenario')
    .values({
      name: s.name,
      without_planned: s.withoutPlanned,
      additions: JSON.stringify(s.additions),
      created_by: s.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/transaction.js';
import type { QueueCoverage } from '../appeals/queries.js';

const OPEN = sql.raw(`('registered', 'forwarded', 'in_work', 'answer_rejected')`);

/** The caller's part of the appeals (region, or their municipalities and organisations), and a filter. */
function scope(coverage: QueueCoverage, municipalityId: number | undefined): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (!coverage.region)
    parts.push(
      sql`(municipality_id = any(${coverage.municipalityIds}::int[]) or responsible_organisation_id = any(${coverage.organisationIds}::int[]))`,
    );
  if (municipalityId !== undefined) parts.push(sql`municipality_id = ${municipalityId}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

export interface FigureRow {
  /** Which grouping the row belongs to: total, month, municipality, category, organisation. */
  grouping: 'total' | 'month' | 'municipality' | 'category' | 'organisation';
  key: string | null;
  registered: number;
  answered: number;
  overdue: number;
  meanDays: number | null;
  p90Days: number | null;
  meanRating: number | null;
  rated: number;
  ratings: number[];
}

const GROUPINGS = ['total', 'month', 'municipality', 'category', 'organisation'] as const;

/**
 * Every figure of the period in one scan of its appeals: GROUPING SETS give the total and the rows per
 * month, municipality, category and organisation together (the ЦУР dashboard over a million appeals
 * reads the table once, bench/feedback-dashboard).
 */
export async function periodFigures(
  db: Executor,
  coverage: QueueCoverage,
  q: { from: string; to: string; municipalityId?: number; today: string },
): Promise<FigureRow[]> {
  const { rows } = await sql<{
    g: number;
    month: string | null;
    municipality_id: number | null;
    category_code: string | null;
    organisation_id: number | null;
    registered: string;
    answered: string;
    overdue: string;
    mean_days: string | null;
    p90_days: string | null;
    mean_rating: string | null;
    rated: string;
    r1: string;
    r2: string;
    r3: string;
    r4: string;
    r5: string;
  }>`
    with a as (
      select to_char(registered_on, 'YYYY-MM') as month, municipality_id, category_code, organisation_id,
        rating,
        case when answered_at is not null
          then ((answered_at at time zone 'Europe/Moscow')::date - registered_on) end as days,
        status in ${OPEN} and answer_due < ${q.today}::date as overdue
      from feedback_appeal
      where registered_on between ${q.from}::date and ${q.to}::date and ${scope(coverage, q.municipalityId)}
    )
    select
      case grouping(month, municipality_id, category_code, organisation_id)
        when 15 then 0 when 7 then 1 when 11 then 2 when 13 then 3 else 4 end as g,
      month, municipality_id, category_code, organisation_id,
      count(*) as registered, count(days) as answered, count(*) filter (where overdue) as overdue,
      avg(days) as mean_days, percentile_cont(0.9) within group (order by days) as p90_days,
      avg(rating) as mean_rating, count(rating) as rated,
      count(*) filter (where rating = 1) as r1, count(*) filter (where rating = 2) as r2,
      count(*) filter (where rating = 3) as r3, count(*) filter (where rating = 4) as r4,
      count(*) filter (where rating = 5) as r5
    from a
    group by grouping sets ((), (month), (municipality_id), (category_code), (organisation_id))
  `.execute(db);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => {
    const grouping = GROUPINGS[r.g]!;
    const key =
      grouping === 'month'
        ? r.month
        : grouping === 'municipality'
          ? r.municipality_id === null
            ? null
            : String(r.municipality_id)
          : grouping === 'category'
            ? r.category_code
            : grouping === 'organisation'
              ? r.organisation_id === null
                ? null
                : String(r.organisation_id)
              : null;
    return {
      grouping,
      key,
      registered: Number(r.registered),
      answered: Number(r.answered),
      overdue: Number(r.overdue),
      meanDays: num(r.mean_days),
      p90Days: num(r.p90_days),
      meanRating: num(r.mean_rating),
      rated: Number(r.rated),
      ratings: [r.r1, r.r2, r.r3, r.r4, r.r5].map(Number),
    };
  });
}

/** The open appeals now (any period): by the queue's index on status and answer limit. */
export async function openNow(
  db: Executor,
  coverage: QueueCoverage,
  q: { municipalityId?: number; today: string; soon: string },
) {
  const { rows } = await sql<{ open: string; overdue: string; due_soon: string }>`
    select count(*) as open,
      count(*) filter (where answer_due < ${q.today}::date) as overdue,
      count(*) filter (where answer_due between ${q.today}::date and ${q.soon}::date) as due_soon
    from feedback_appeal
    where status in ${OPEN} and ${scope(coverage, q.municipalityId)}
  `.execute(db);
  const r = rows[0]!;
  return { open: Number(r.open), overdue: Number(r.overdue), dueSoon: Number(r.due_soon) };
}

/** Names of municipalities and organisations, pupils at school now, residents where configured. */
export async function denominators(db: Executor, organisationIds: number[]) {
  const municipalities = await db
    .selectFrom('municipality')
    .select(['id', 'name_ru', 'name_en', sql<string | null>`config->>'population'`.as('population')])
    .execute();
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'short_name'])
    .where('id', '=', sql<number>`any(${organisationIds}::int[])`)
    .execute();
  const pupils = await sql<{ organisation_id: number; municipality_id: number | null; n: string }>`
    select p.organisation_id, o.municipality_id, count(*) as n
    from pupil_enrolment p join organisation o on o.id = p.organisation_id
    where p.left_on is null
    group by p.organisation_id, o.municipality_id
  `.execute(db);
  return { municipalities, organisations, pupils: pupils.rows.map((r) => ({ ...r, n: Number(r.n) })) };
}

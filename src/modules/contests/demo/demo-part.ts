import crypto from 'node:crypto';
import type { DemoSeedContext } from '../../../platform/app-context.js';
import type { Db } from '../../../platform/db/database.js';
import { Rng } from '../../../demo/random.js';
import { RUSSIAN_SUBJECTS } from '../../../contracts/russian-subjects.js';
import { buildChain, type LogLine, type VoteEntry } from '../domain/vote-log.js';
import '../tables.js';

/** Three directions and the 13 nominations of «Смарт Диалог», built from the most frequent appeal topics. */
const DIRECTIONS = [
  { code: 'social', title: 'Социальная политика', share: 0.54 },
  { code: 'education', title: 'Образование', share: 0.31 },
  { code: 'health', title: 'Здравоохранение', share: 0.15 },
] as const;
const NOMINATIONS: { direction: string; title: string; topic: string; count: number; share: number }[] = [
  {
    direction: 'social',
    title: 'Меры поддержки семей с детьми',
    topic: 'social.benefits',
    count: 118_400,
    share: 0.0294,
  },
  {
    direction: 'social',
    title: 'Социальная газификация и ЖКХ для льготников',
    topic: 'social.housing',
    count: 61_200,
    share: 0.0152,
  },
  {
    direction: 'social',
    title: 'Долговременный уход за пожилыми',
    topic: 'social.elderly',
    count: 44_800,
    share: 0.0111,
  },
  {
    direction: 'social',
    title: 'Поддержка участников СВО и их семей',
    topic: 'social.veterans',
    count: 52_300,
    share: 0.013,
  },
  {
    direction: 'social',
    title: 'Доступная среда для людей с инвалидностью',
    topic: 'social.disability',
    count: 37_900,
    share: 0.0094,
  },
  {
    direction: 'education',
    title: 'Места в детских садах',
    topic: 'education.kindergarten',
    count: 71_600,
    share: 0.0178,
  },
  {
    direction: 'education',
    title: 'Школьное питание',
    topic: 'education.meals',
    count: 48_100,
    share: 0.0119,
  },
  {
    direction: 'education',
    title: 'Подвоз школьников',
    topic: 'education.transport',
    count: 29_400,
    share: 0.0073,
  },
  {
    direction: 'education',
    title: 'Дополнительное образование и кружки',
    topic: 'education.clubs',
    count: 26_700,
    share: 0.0066,
  },
  {
    direction: 'health',
    title: 'Запись к врачу',
    topic: 'health.appointments',
    count: 83_500,
    share: 0.0207,
  },
  {
    direction: 'health',
    title: 'Лекарственное обеспечение льготников',
    topic: 'health.medicines',
    count: 56_900,
    share: 0.0141,
  },
  {
    direction: 'health',
    title: 'Скорая помощь в сёлах',
    topic: 'health.ambulance',
    count: 31_800,
    share: 0.0079,
  },
  {
    direction: 'health',
    title: 'Кадры для сельской медицины',
    topic: 'health.staff',
    count: 22_400,
    share: 0.0056,
  },
];
const APPROACHES = [
  'Проактивное оформление',
  'Единое окно',
  'Цифровой помощник',
  'Выездная бригада',
  'Социальный контракт',
  'Наставничество',
  'Онлайн-запись',
  'Маршрутизация',
  'Волонтёрский штаб',
  'Открытая карта',
];
const PLACES = [
  'в муниципальных округах',
  'в сельских поселениях',
  'для многодетных',
  'в малых городах',
  'в областном центре',
  'на базе МФЦ',
];
const SUBMITTERS = ['regional_team', 'organisation', 'ngo', 'business'] as const;

function pickSubject(rng: Rng) {
  return rng.weighted(
    RUSSIAN_SUBJECTS,
    RUSSIAN_SUBJECTS.map((s) => s.population),
  ).code;
}

interface DemoContestPlan {
  id: string;
  title: string;
  state: 'voting' | 'published';
  practices: number;
  votes: number;
  start: Date;
}

const day = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

async function seedContest(
  trx: Db,
  rng: Rng,
  plan: DemoContestPlan,
  people: { organiser: string | null; expert: string | null },
) {
  const s = plan.start;
  const closed = plan.state === 'published';
  await trx
    .insertInto('contest')
    .values({
      id: plan.id,
      title: plan.title,
      rules:
        'Практику подаёт региональная команда, организация, НКО или бизнес. Одна практика — одна номинация. ' +
        'Голосуют жители с подтверждённой учётной записью Госуслуг: один голос в каждой номинации.',
      state: plan.state,
      submissions_open: s,
      submissions_close: day(s, 30),
      review_open: day(s, 31),
      review_close: day(s, 45),
      voting_open: day(s, 46),
      voting_close: day(s, 76),
      closed_at: closed ? day(s, 76) : null,
      created_by: people.organiser,
    })
    .execute();
  await trx
    .insertInto('contest_secret')
    .values({ contest_id: plan.id, voter_key: crypto.randomBytes(32).toString('hex') })
    .execute();
  await trx
    .insertInto('contest_direction')
    .values(DIRECTIONS.map((d) => ({ contest_id: plan.id, code: d.code, title: d.title })))
    .execute();
  const nominations = NOMINATIONS.map((n, i) => ({ ...n, id: `n-${String(i + 1).padStart(2, '0')}` }));
  await trx
    .insertInto('contest_nomination')
    .values(
      nominations.map((n, position) => ({
        contest_id: plan.id,
        id: n.id,
        direction_code: n.direction,
        title: n.title,
        position,
        topic_code: n.topic,
        topic_count: n.count,
        topic_share: n.share,
      })),
    )
    .execute();
  await trx
    .insertInto('contest_criterion')
    .values([
      { contest_id: plan.id, code: 'effect', title: 'Измеримый результат', weight: 40 },
      { contest_id: plan.id, code: 'scale', title: 'Тиражируемость', weight: 35 },
      { contest_id: plan.id, code: 'cost', title: 'Затраты на внедрение', weight: 25 },
    ])
    .execute();

  // Practices: directions by their share (≈ 330 social, 190 education, 90 health of 610).
  const practices: {
    id: string;
    nomination: string;
    region: string;
    shortlisted: boolean;
    admitted: boolean;
  }[] = [];
  const rows = [];
  for (let i = 0; i < plan.practices; i++) {
    const direction = rng.weighted(
      DIRECTIONS,
      DIRECTIONS.map((d) => d.share),
    ).code;
    const nomination = rng.pick(nominations.filter((n) => n.direction === direction));
    const region = pickSubject(rng);
    const id = `p-${String(i + 1).padStart(4, '0')}`;
    const status: 'admitted' | 'rejected' = rng.chance(0.9) ? 'admitted' : 'rejected';
    const before = rng.int(20, 90);
    const after = Math.max(1, Math.round(before * rng.real(0.2, 0.7)));
    practices.push({
      id,
      nomination: nomination.id,
      region,
      shortlisted: false,
      admitted: status === 'admitted',
    });
    rows.push({
      contest_id: plan.id,
      id,
      nomination_id: nomination.id,
      submitter_kind: rng.pick(SUBMITTERS),
      status: status as 'admitted' | 'rejected',
      region_code: region,
      title: `${rng.pick(APPROACHES)} ${rng.pick(PLACES)}: ${nomination.title.toLowerCase()}`,
      problem: `Жители жаловались: «${nomination.title.toLowerCase()}» — в топе обращений региона.`,
      solution: 'Процесс перестроен вокруг жителя: одно обращение, срок и ответственный известны сразу.',
      results: `Срок решения вопроса сократился с ${before} до ${after} дней.`,
      result_figures: JSON.stringify([{ indicator: 'Срок решения, дней', before, after, unit: 'дн.' }]),
      period_from: day(s, -365).toISOString().slice(0, 10),
      period_to: day(s, -30).toISOString().slice(0, 10),
      works_at: [`${RUSSIAN_SUBJECTS.find((r) => r.code === region)!.nameRu}`],
      contacts: `practice-${id}@example.ru`,
      moderation_reason:
        status === 'admitted' ? 'Соответствует условиям конкурса' : 'Нет измеримых результатов',
      moderated_by: people.organiser,
      moderated_at: day(s, 31),
      shortlisted: false,
    });
  }
  // Five per nomination on the ballot.
  for (const n of nominations) {
    const admitted = practices.filter((p) => p.nomination === n.id && p.admitted);
    for (const p of rng.sample(admitted, Math.min(5, admitted.length))) p.shortlisted = true;
  }
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('contest_practice')
      .values(rows.slice(i, i + 500).map((r, k) => ({ ...r, shortlisted: practices[i + k]!.shortlisted })))
      .execute();

  // The demo expert's scores on the shortlisted practices outside the expert's region.
  let scores = 0;
  if (people.expert) {
    const scoreRows = practices
      .filter((p) => p.shortlisted && p.region !== '43')
      .flatMap((p) =>
        ['effect', 'scale', 'cost'].map((criterion_code) => ({
          contest_id: plan.id,
          practice_id: p.id,
          expert_user_id: people.expert!,
          criterion_code,
          score: rng.int(4, 10),
        })),
      );
    for (let i = 0; i < scoreRows.length; i += 1000)
      await trx
        .insertInto('contest_score')
        .values(scoreRows.slice(i, i + 1000))
        .execute();
    scores = scoreRows.length;
  }

  // Votes: each voter votes in one to three nominations; a practice draws more from its own region.
  const ballot = practices.filter((p) => p.shortlisted);
  const entries: { entry: VoteEntry; at: number; voter: string; nomination: string }[] = [];
  const votingStart = day(s, 46).getTime();
  const votingEnd = Math.min(day(s, 76).getTime(), Date.now());
  for (let v = 0; entries.length < plan.votes; v++) {
    const region = pickSubject(rng);
    const voter = crypto.createHash('sha256').update(`${plan.id}/voter/${v}`).digest('hex');
    for (const n of rng.sample(nominations, rng.int(1, 3))) {
      const options = ballot.filter((p) => p.nomination === n.id);
      if (options.length === 0) continue;
      const local = options.find((p) => p.region === region);
      const choice =
        local && rng.chance(0.6)
          ? local
          : rng.weighted(
              options,
              options.map((_, k) => 1 / (k + 1)),
            );
      entries.push({
        entry: {
          nomination: n.id,
          practice: choice.id,
          voter_region: region,
          receipt: crypto.randomBytes(32).toString('hex'),
        },
        at: votingStart + rng.next() * (votingEnd - votingStart),
        voter,
        nomination: n.id,
      });
    }
  }
  entries.sort((a, b) => a.at - b.at);
  const annulled = closed
    ? rng.sample([...entries.keys()], Math.min(12, entries.length)).sort((a, b) => a - b)
    : [];
  const lines: LogLine[] = buildChain([
    ...entries.map((e) => e.entry),
    ...annulled.map((i) => ({ annuls: i + 1, reason: 'Всплеск голосов из одной сети: бот' })),
  ]);
  const dayOf = (i: number) =>
    new Date(entries[Math.min(i, entries.length - 1)]!.at).toISOString().slice(0, 10);
  for (let i = 0; i < lines.length; i += 1000) {
    await trx
      .insertInto('contest_vote_log')
      .values(
        lines.slice(i, i + 1000).map((l, k) =>
          'annuls' in l
            ? {
                contest_id: plan.id,
                seq: l.seq,
                annuls: l.annuls,
                reason: l.reason,
                prev: l.prev,
                hash: l.hash,
                day: dayOf(entries.length - 1),
              }
            : {
                contest_id: plan.id,
                seq: l.seq,
                nomination_id: l.nomination,
                practice_id: l.practice,
                voter_region: l.voter_region,
                receipt: l.receipt,
                prev: l.prev,
                hash: l.hash,
                day: dayOf(i + k),
              },
        ),
      )
      .execute();
  }
  const ballots = entries.map((e) => ({
    contest_id: plan.id,
    nomination_id: e.nomination,
    voter_hash: e.voter,
  }));
  for (let i = 0; i < ballots.length; i += 1000)
    await trx
      .insertInto('contest_ballot')
      .values(ballots.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  const last = lines.at(-1);
  await trx
    .insertInto('contest_log_head')
    .values({ contest_id: plan.id, seq: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64) })
    .execute();
  // Checkpoints: the head at the end of each hour in which votes came, and at the close.
  const checkpoints: { contest_id: string; seq: number; hash: string; at: Date }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const hour = Math.floor(entries[i]!.at / 3_600_000);
    const next = entries[i + 1] ? Math.floor(entries[i + 1]!.at / 3_600_000) : null;
    if (next !== hour && i + 1 < entries.length)
      checkpoints.push({
        contest_id: plan.id,
        seq: i + 1,
        hash: lines[i]!.hash,
        at: new Date((hour + 1) * 3_600_000),
      });
  }
  if (last)
    checkpoints.push({
      contest_id: plan.id,
      seq: last.seq,
      hash: last.hash,
      at: closed ? day(s, 76) : new Date(votingEnd),
    });
  for (let i = 0; i < checkpoints.length; i += 1000)
    await trx
      .insertInto('contest_checkpoint')
      .values(checkpoints.slice(i, i + 1000))
      .execute();
  return {
    practices: practices.length,
    scores,
    votes: entries.length,
    annulled: annulled.length,
    checkpoints: checkpoints.length,
  };
}

/**
 * The demo region's contests: «Смарт Диалог 2025», finished and published (≈ 600 practices, 13
 * nominations in 3 directions, votes from all subjects with annulled bot votes), and «Смарт Диалог
 * 2026» open for voting. The demo expert comes from region 43 (its practices are not theirs to score).
 */
export async function contestsDemo(trx: Db, ctx: DemoSeedContext): Promise<Record<string, number>> {
  const rng = Rng.derive(ctx.seed, 'contests');
  const tiny = ctx.scale === 'tiny';
  const staff = await trx
    .selectFrom('role_assignment')
    .select(['user_id', 'role'])
    .where('role', 'in', ['contest_organiser', 'contest_expert'])
    .execute();
  const organiser = staff.find((s) => s.role === 'contest_organiser')?.user_id ?? null;
  const expert = staff.find((s) => s.role === 'contest_expert')?.user_id ?? null;
  if (expert)
    await trx
      .insertInto('contest_expert_profile')
      .values({ user_id: expert, region_code: '43', organisation_id: null })
      .execute();
  const reference = new Date(`${ctx.referenceDay}T12:00:00Z`);
  const done = await seedContest(
    trx,
    rng,
    {
      id: 'smart-2025',
      title: 'Смарт Диалог 2025',
      state: 'published',
      practices: tiny ? 80 : 610,
      votes: tiny ? 800 : 12_000,
      start: day(reference, -400),
    },
    { organiser, expert },
  );
  const open = await seedContest(
    trx,
    rng,
    {
      id: 'smart-2026',
      title: 'Смарт Диалог 2026',
      state: 'voting',
      practices: tiny ? 40 : 200,
      votes: tiny ? 200 : 2_000,
      start: day(reference, -56),
    },
    { organiser, expert },
  );
  ctx.log(
    `published contest: ${done.practices} practices, ${done.votes} votes; open: ${open.practices} practices, ${open.votes} votes`,
  );
  return {
    contests: 2,
    practices: done.practices + open.practices,
    scores: done.scores + open.scores,
    votes: done.votes + open.votes,
    annulled: done.annulled,
    checkpoints: done.checkpoints + open.checkpoints,
  };
}

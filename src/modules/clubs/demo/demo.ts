import { sql } from 'kysely';
import type { DemoSeedContext } from '../../../platform/app-context.js';
import type { Db } from '../../../platform/db/database.js';
import { enrolmentUrl } from '../../../contracts/clubs.js';
import { fullYearsOn } from '../catalog/programme-model.js';
import { requestState, reviewDeadline, type EnrolmentStatus } from '../enrolment/enrolment-status.js';

/** A small deterministic generator (mulberry32): the same seed gives the same catalog. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [title, direction, specialisation, level, ageMin, ageMax, format, description]
const PROGRAMMES: [string, string, string, string, number, number, string, string][] = [
  [
    'Робототехника LEGO',
    'technical',
    'робототехника',
    'starting',
    7,
    10,
    'in_person',
    'Собираем и программируем роботов из конструктора, учимся работать в команде.',
  ],
  [
    'Программирование на Python',
    'technical',
    'программирование',
    'basic',
    11,
    17,
    'mixed',
    'Основы программирования на языке Python: алгоритмы, игры, боты.',
  ],
  [
    '3D-моделирование и печать',
    'technical',
    'моделирование',
    'basic',
    10,
    16,
    'in_person',
    'Создаём трёхмерные модели и печатаем их на 3D-принтере.',
  ],
  [
    'Юный эколог',
    'natural_science',
    'экология',
    'starting',
    7,
    11,
    'in_person',
    'Наблюдения за природой родного края, опыты и экологические проекты.',
  ],
  [
    'Занимательная химия',
    'natural_science',
    'химия',
    'advanced',
    13,
    17,
    'in_person',
    'Лабораторные опыты и подготовка к олимпиадам по химии.',
  ],
  [
    'Футбол',
    'sports',
    'футбол',
    'basic',
    7,
    14,
    'in_person',
    'Тренировки по футболу, участие в городских соревнованиях.',
  ],
  [
    'Шахматы',
    'sports',
    'шахматы',
    'starting',
    5,
    12,
    'mixed',
    'Правила, тактика и турниры для начинающих шахматистов.',
  ],
  [
    'Плавание',
    'sports',
    'плавание',
    'starting',
    6,
    12,
    'in_person',
    'Обучение плаванию в бассейне под присмотром тренера.',
  ],
  [
    'Хор «Звонкие голоса»',
    'arts',
    'вокал',
    'basic',
    7,
    15,
    'in_person',
    'Хоровое пение, концерты и фестивали.',
  ],
  [
    'Изостудия «Палитра»',
    'arts',
    'изобразительное искусство',
    'starting',
    5,
    12,
    'in_person',
    'Рисунок, живопись и декоративно-прикладное творчество.',
  ],
  [
    'Театральная студия',
    'arts',
    'театр',
    'basic',
    9,
    16,
    'in_person',
    'Актёрское мастерство, сценическая речь, спектакли.',
  ],
  [
    'Юный турист',
    'tourism',
    'туризм',
    'starting',
    10,
    16,
    'in_person',
    'Походы, ориентирование на местности, краеведение.',
  ],
  [
    'Школьный музей',
    'tourism',
    'краеведение',
    'basic',
    11,
    17,
    'in_person',
    'История родного края, экскурсии и исследовательские работы.',
  ],
  [
    'Юные журналисты',
    'social',
    'медиа',
    'basic',
    12,
    17,
    'mixed',
    'Школьная газета, интервью, видеосюжеты и подкасты.',
  ],
  [
    'Английский для малышей',
    'social',
    'иностранный язык',
    'starting',
    5,
    8,
    'in_person',
    'Английский язык в играх и песнях.',
  ],
  [
    'Волонтёры «Добро»',
    'social',
    'волонтёрство',
    'starting',
    12,
    18,
    'distance',
    'Социальные проекты и добровольческие акции.',
  ],
];
const OVZ = ['speech', 'musculoskeletal', 'mental_delay', 'autism'];
const DAYS: [number, number][] = [
  [1, 3],
  [2, 4],
  [3, 5],
  [1, 5],
  [6, 6],
];
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The demo region's clubs: one to three programmes at schools, centres of extra education and
 * sports schools, each with one or two groups for the current academic year (enrolment open around
 * the reference day, some closed, some for next year's pre-enrolment), and enrolments of the demo
 * families' children in every status, one group left full with a waitlist.
 */
export async function clubsDemo(trx: Db, ctx: DemoSeedContext): Promise<Record<string, number>> {
  const rnd = random(ctx.seed * 104_729 + 16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const orgs = await trx
    .selectFrom('organisation')
    .select(['id', 'kind', 'short_name', 'address'])
    .where('kind', 'in', ['school', 'extra_education', 'sports_school'])
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(ctx.scale === 'tiny' ? 12 : 200)
    .execute();
  if (orgs.length === 0) return { clubProgrammes: 0, clubGroups: 0, clubEnrolments: 0 };
  const day = ctx.referenceDay;
  const year = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 9 ? 1 : 0);
  const groups: {
    id: number;
    seats: number;
    ageMin: number;
    ageMax: number;
    orgId: number;
    open: boolean;
  }[] = [];
  let programmes = 0;
  for (const org of orgs) {
    const n = org.kind === 'school' ? 1 + Math.floor(rnd() * 2) : 2 + Math.floor(rnd() * 2);
    const pool = org.kind === 'sports_school' ? PROGRAMMES.filter((p) => p[1] === 'sports') : PROGRAMMES;
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, pool.length)) chosen.add(Math.floor(rnd() * pool.length));
    for (const i of chosen) {
      const [title, direction, specialisation, level, ageMin, ageMax, format, description] = pool[i]!;
      const p = await trx
        .insertInto('clubs_programme')
        .values({
          organisation_id: org.id,
          title,
          direction,
          specialisation,
          level,
          age_min: ageMin,
          age_max: ageMax,
          description,
          goals: 'Развитие интереса и способностей ребёнка, результаты показываются на открытых занятиях.',
          teacher_name: pick([
            'Иванова Мария Петровна',
            'Смирнов Алексей Игоревич',
            'Кузнецова Ольга Сергеевна',
            'Попов Дмитрий Андреевич',
          ]),
          address: org.address,
          format,
          ovz_types: rnd() < 0.3 ? [pick(OVZ)] : [],
          entrance_tests: level === 'advanced',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      programmes++;
      const groupCount = 1 + (rnd() < 0.4 ? 1 : 0);
      for (let g = 0; g < groupCount; g++) {
        const financing = rnd() < 0.6 ? 'budget' : rnd() < 0.5 ? 'certificate' : 'paid';
        const phase = rnd();
        // Mostly open around the reference day; some closed; some for next year.
        const [opens, closes, starts, ends] =
          phase < 0.7
            ? [addDays(day, -20), addDays(day, 40), addDays(day, -10), `${year + 1}-05-31`]
            : phase < 0.85
              ? [`${year}-08-15`, addDays(day, -5), `${year}-09-01`, `${year + 1}-05-31`]
              : [addDays(day, 30), addDays(day, 90), `${year + 1}-09-01`, `${year + 2}-05-31`];
        const [d1, d2] = pick(DAYS);
        const seats = 10 + Math.floor(rnd() * 16);
        const row = await trx
          .insertInto('clubs_group')
          .values({
            programme_id: p.id,
            name: `Группа ${g + 1}`,
            financing,
            monthly_price: financing === 'paid' ? 500 + 100 * Math.floor(rnd() * 20) : null,
            enrolment_opens_on: opens,
            enrolment_closes_on: closes < opens ? opens : closes,
            starts_on: starts,
            ends_on: ends,
            hours_per_year: pick([72, 108, 144, 216]),
            schedule: JSON.stringify(
              [...new Set([d1, d2])].map((weekday) => ({
                weekday,
                start: pick(['15:00', '16:00', '17:30']),
                minutes: 45,
              })),
            ),
            seats,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        groups.push({ id: row.id, seats, ageMin, ageMax, orgId: org.id, open: phase < 0.7 });
      }
    }
  }

  // Enrolments of the demo families' children, in open groups their age fits.
  const children = await trx
    .selectFrom('child_representative as r')
    .innerJoin('child as c', 'c.id', 'r.child_id')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['c.id', 'c.birth_date', 'r.user_id'])
    .where('u.kind', '=', 'citizen')
    .orderBy('u.oidc_subject')
    .orderBy('c.id')
    .limit(ctx.scale === 'tiny' ? 40 : 400)
    .execute();
  const taken = new Map<number, number>();
  const alive = new Set<string>();
  const statuses: EnrolmentStatus[] = [
    'registered',
    'under_review',
    'approved',
    'studying',
    'studying',
    'refused',
    'withdrawn',
  ];
  let enrolments = 0;
  const open = groups.filter((g) => g.open);
  for (const child of children) {
    const age = fullYearsOn(child.birth_date, day);
    const fits = open.filter((g) => age >= g.ageMin && age <= g.ageMax);
    if (fits.length === 0 || rnd() < 0.3) continue;
    const group = pick(fits);
    if (alive.has(`${group.id}:${child.id}`)) continue;
    const used = taken.get(group.id) ?? 0;
    const status: EnrolmentStatus = used >= group.seats ? 'waitlisted' : pick(statuses);
    const holds = !['waitlisted', 'refused', 'withdrawn'].includes(status);
    if (holds) taken.set(group.id, used + 1);
    if (status !== 'refused' && status !== 'withdrawn') alive.add(`${group.id}:${child.id}`);
    const createdOn = addDays(day, -Math.floor(rnd() * 15));
    const createdAt = new Date(`${createdOn}T09:${String(10 + (enrolments % 50)).padStart(2, '0')}:00Z`);
    const { rows } = await sql<{ n: number }>`select nextval('clubs_enrolment_number_seq')::int as n`.execute(
      trx,
    );
    const number = `ДО-${day.slice(0, 4)}-${String(rows[0]!.n).padStart(6, '0')}`;
    const e = await trx
      .insertInto('clubs_enrolment')
      .values({
        number,
        group_id: group.id,
        child_id: child.id,
        applicant_user_id: child.user_id,
        status,
        channel: rnd() < 0.5 ? 'vk' : 'web',
        waitlisted_at: status === 'waitlisted' ? createdAt : null,
        offer_expires_at: null,
        review_due: holds || status === 'refused' ? reviewDeadline(createdOn, false) : null,
        refusal_reason: status === 'refused' ? 'age' : null,
        refusal_note: null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('clubs_enrolment_event')
      .values({
        enrolment_id: e.id,
        actor_user_id: child.user_id,
        from_status: null,
        to_status: status,
        at: createdAt,
      })
      .execute();
    await trx
      .insertInto('family_request')
      .values({
        module: 'clubs',
        kind: 'enrolment',
        external_id: String(e.id),
        owner_user_id: child.user_id,
        child_id: child.id,
        organisation_id: group.orgId,
        reference: number,
        status,
        state: requestState(status),
        link: enrolmentUrl(e.id),
        submitted_at: createdAt,
      })
      .execute();
    enrolments++;
  }
  for (const [groupId, n] of taken)
    await trx.updateTable('clubs_group').set({ seats_taken: n }).where('id', '=', groupId).execute();
  ctx.log(`${programmes} programmes, ${groups.length} groups, ${enrolments} enrolments`);
  return { clubProgrammes: programmes, clubGroups: groups.length, clubEnrolments: enrolments };
}

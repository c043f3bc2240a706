import { sql } from 'kysely';
import type { DemoSeedContext } from '../../../platform/app-context.js';
import type { Db } from '../../../platform/db/database.js';
import { Rng } from '../../../demo/random.js';
import '../tables.js';

const COMMENTS = [
  'Всё понятно и быстро, спасибо.',
  'Долго ждали места, но воспитатели замечательные.',
  'Не сразу нашли, какие документы нужны.',
  'Вежливые сотрудники, удобное время приёма.',
  'Хотелось бы узнавать о статусе заявления заранее.',
];
const ANSWERS = [
  'Спасибо за отзыв! Будем рады видеть вас и дальше.',
  'Благодарим за оценку. Перечень документов теперь есть на странице детского сада.',
  'Спасибо! Мы передали ваш отзыв воспитателям группы.',
];

/**
 * The demo region's «Ваш контроль» ratings: about one in six finished requests of the generated
 * families is rated (scores leaning to 4–5, a comment on some), some answered by the head of the
 * organisation that gave the service. The demo citizens of the sign-in page are left unrated so they
 * can rate themselves. The organisation of a request is the registry's or, when the module does not
 * report it, where the child attends under that module (the platform's family hooks).
 */
export async function lifeSituationsDemo(trx: Db, ctx: DemoSeedContext): Promise<Record<string, number>> {
  const rng = Rng.derive(ctx.seed, 'life-situations', 'ratings');
  const finished = await trx
    .selectFrom('family_request as r')
    .innerJoin('app_user as u', 'u.id', 'r.owner_user_id')
    .select([
      'r.id',
      'r.module',
      'r.kind',
      'r.child_id',
      'r.organisation_id',
      'r.owner_user_id',
      'r.updated_at',
    ])
    .where('r.state', '=', 'done')
    .where(sql<boolean>`coalesce(u.oidc_subject, '') not like 'esia-%'`)
    .orderBy('r.id')
    .execute();
  const picked = finished.filter(() => rng.next() < 1 / 6).slice(0, 5000);
  const childIds = picked.flatMap((r) => (r.organisation_id === null && r.child_id ? [r.child_id] : []));
  const attends = new Map<string, number>();
  for (const source of ctx.families.attendance)
    for (const a of await source(trx, childIds))
      if (a.organisationId !== null && !attends.has(`${a.childId}/${a.module}`))
        attends.set(`${a.childId}/${a.module}`, a.organisationId);
  const orgs = await trx.selectFrom('organisation').select(['id', 'municipality_id']).execute();
  const municipalityOf = new Map(orgs.map((o) => [o.id, o.municipality_id]));
  const heads = await trx
    .selectFrom('role_assignment')
    .select(['organisation_id', 'kindergarten_id', 'user_id'])
    .where('role', 'in', ['kindergarten_head', 'organisation_head'])
    .execute();
  const headOf = new Map(heads.map((h) => [h.organisation_id ?? h.kindergarten_id ?? 0, h.user_id]));

  const score = () => (rng.next() < 0.6 ? 5 : rng.next() < 0.6 ? 4 : rng.int(1, 3));
  let ratings = 0;
  let answers = 0;
  for (const r of picked) {
    const organisationId =
      r.organisation_id ?? (r.child_id ? (attends.get(`${r.child_id}/${r.module}`) ?? null) : null);
    const createdAt = new Date(new Date(r.updated_at).getTime() + rng.int(1, 20) * 86_400_000);
    const row = await trx
      .insertInto('service_rating')
      .values({
        family_request_id: Number(r.id),
        rated_by: r.owner_user_id!,
        module: r.module,
        kind: r.kind,
        organisation_id: organisationId,
        municipality_id: organisationId ? (municipalityOf.get(organisationId) ?? null) : null,
        time_to_result: score(),
        waiting_time: score(),
        staff_politeness: score(),
        comfort: score(),
        information: score(),
        comment: rng.next() < 0.3 ? COMMENTS[rng.int(0, COMMENTS.length - 1)]! : null,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ratings++;
    const head = organisationId ? headOf.get(organisationId) : undefined;
    if (head && rng.next() < 0.4) {
      await trx
        .insertInto('service_rating_answer')
        .values({
          rating_id: Number(row.id),
          answered_by: head,
          body: ANSWERS[rng.int(0, ANSWERS.length - 1)]!,
          answered_at: new Date(createdAt.getTime() + rng.int(1, 5) * 86_400_000),
        })
        .execute();
      answers++;
    }
  }
  ctx.log(`${ratings} ratings of finished requests, ${answers} answered`);
  return { ratings, answers };
}

import { sql } from 'kysely';
import type { DemoSeedContext } from '../../../platform/app-context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { Rng } from '../../../demo/random.js';
import { innCheckDigits } from '../../../contracts/tax-ids.js';
import { generateMenu } from '../menu-format/generator.js';
import { addDays, isoWeekday } from '../menus/cycle-schedule.js';
import { generateDailyMenus, schoolOf } from '../menus/menu-service.js';
import * as q from '../queries.js';
import { insertSupplier } from '../suppliers/supplier-service.js';
import '../tables.js';

/** Allergens a dish's name gives away (the demo's guess; a real kitchen sets them per dish). */
const ALLERGEN_HINTS: [RegExp, string][] = [
  [/молоч|сыр|творож|какао|кефир|йогурт|сметан|запеканк|масл/i, 'milk'],
  [/омлет|яйц|запеканк|блин|оладь|сырник/i, 'eggs'],
  [/хлеб|макарон|блин|оладь|пирож|булоч|вафл|печень|манн|овсян|сырник|запеканк/i, 'gluten'],
  [/рыб|минта|горбуш|хек|треск|сельд/i, 'fish'],
];

export function allergensOfName(name: string): string[] {
  return [...new Set(ALLERGEN_HINTS.filter(([re]) => re.test(name)).map(([, a]) => a))].sort();
}

const SUPPLIERS = [
  {
    name: 'ООО «Молочный край»',
    product: 'Молоко питьевое 3,2 %',
    address: 'г. Киров, ул. Производственная, 12',
  },
  { name: 'АО «Хлебозавод № 1»', product: 'Хлеб пшеничный', address: 'г. Киров, ул. Хлебная, 3' },
  {
    name: 'ООО «Агрокомплекс Вятка»',
    product: 'Мясо говядины охлаждённое',
    address: 'Кирово-Чепецкий р-н, с. Филиппово',
  },
];

/** The Monday on or after a date. */
function mondayFrom(date: string): string {
  const wd = isoWeekday(date);
  return wd === 1 ? date : addDays(date, 8 - wd);
}

/**
 * A few schools of the demo region (two at the tiny scale, four otherwise) get meals: a two-week
 * cyclic menu from the first Monday of September, the school calendar's holidays and vacations,
 * a supplier with its declaration and batches behind their dishes, allergens on the dishes, and
 * daily menus generated for the week before the reference day through the two weeks after it.
 */
export async function mealsDemo(trx: Db, ctx: DemoSeedContext): Promise<Record<string, number>> {
  const count = ctx.scale === 'tiny' ? 2 : 4;
  // Schools whose cook can sign in first (the demo's staff logins `cook-<id>`), then the others by id.
  const schools = await trx
    .selectFrom('organisation as o')
    .leftJoin('role_assignment as r', (j) =>
      j.onRef('r.organisation_id', '=', 'o.id').on('r.role', '=', 'cook'),
    )
    .select(['o.id', 'o.short_name'])
    .select((eb) => eb.fn.count<number>('r.user_id').as('cooks'))
    .where('o.kind', '=', 'school')
    .where('o.status', '=', 'active')
    .groupBy(['o.id', 'o.short_name'])
    .orderBy(sql`count(r.user_id) > 0`, 'desc')
    .orderBy('o.id')
    .limit(count)
    .execute();
  const ref = ctx.referenceDay;
  const academicYear = Number(ref.slice(5, 7)) >= 8 ? Number(ref.slice(0, 4)) : Number(ref.slice(0, 4)) - 1;
  const startsOn = mondayFrom(`${academicYear}-09-01`);
  const y1 = academicYear + 1;
  const daysOff: { day: string; kind: 'holiday' | 'vacation'; note: string }[] = [
    { day: `${academicYear}-11-04`, kind: 'holiday', note: 'День народного единства' },
    ...Array.from({ length: 8 }, (_, i) => ({
      day: addDays(`${academicYear}-10-27`, i),
      kind: 'vacation' as const,
      note: 'Осенние каникулы',
    })),
    ...Array.from({ length: 14 }, (_, i) => ({
      day: addDays(`${academicYear}-12-29`, i),
      kind: 'vacation' as const,
      note: 'Зимние каникулы',
    })),
    { day: `${y1}-02-23`, kind: 'holiday', note: 'День защитника Отечества' },
    { day: `${y1}-03-09`, kind: 'holiday', note: 'Международный женский день (перенос)' },
    ...Array.from({ length: 9 }, (_, i) => ({
      day: addDays(`${y1}-03-23`, i),
      kind: 'vacation' as const,
      note: 'Весенние каникулы',
    })),
  ];
  const from = addDays(mondayFrom(addDays(ref, -6)), -7);
  const to = addDays(from, 27);
  let menus = 0;
  let dishes = 0;
  let suppliers = 0;
  for (const [n, s] of schools.entries()) {
    const rng = Rng.derive(ctx.seed, 'meals', s.id);
    await q.upsertSettings(trx, {
      organisation_id: s.id,
      hotline_phone: `+7 (8332) 64-${String(10 + n).padStart(2, '0')}-${String(rng.int(10, 99))}`,
      week_days: 5,
      meals: ['Завтрак', 'Обед'],
    });
    await q.replaceDaysOff(trx, s.id, `${academicYear}-08-01`, `${y1}-07-31`, daysOff);
    const school = await schoolOf(trx, s.id);
    const template = SUPPLIERS[n % SUPPLIERS.length]!;
    const body = String(4300000000 + s.id * 1009 + n).slice(0, 9);
    const supplierId = await insertSupplier(trx, SYSTEM_ACTOR, school, {
      name: template.name,
      inn: `${body}${innCheckDigits(body)}`,
      address: template.address,
      phone: null,
      certificates: [
        {
          kind: 'declaration',
          number: `ЕАЭС N RU Д-RU.РА01.В.${String(rng.int(10000, 99999))}/${String(academicYear).slice(2)}`,
          product: template.product,
          issuedOn: `${academicYear}-06-01`,
          validUntil: `${academicYear + 3}-05-31`,
        },
      ],
      batches: [0, 7, 14].map((back, i) => ({
        product: template.product,
        batch: `${String(academicYear).slice(2)}-${String(rng.int(100, 999))}-${i + 1}`,
        producedOn: addDays(ref, -back - 2),
        deliveredOn: addDays(ref, -back - 1),
      })),
    });
    suppliers++;
    const days = Array.from({ length: 10 }, (_, i) => ({
      day: i + 1,
      items: generateMenu(rng, { school: s.short_name, meals: ['Завтрак', 'Обед'], variant: 'sm' }).items,
    }));
    const map = await q.ensureDishes(
      trx,
      s.id,
      days.flatMap((d) => d.items),
    );
    for (const [key, dishId] of map) {
      await q.updateDish(trx, dishId, {
        allergens: allergensOfName(key.split('\u0000')[0]!),
        supplier_id: supplierId,
      });
      dishes++;
    }
    await q.replaceCyclicMenu(
      trx,
      {
        organisation_id: s.id,
        year: Number(startsOn.slice(0, 4)),
        variant: 'sm',
        school_name: s.short_name,
        branch: null,
        days: days.length,
        starts_on: startsOn,
        updated_by: null,
      },
      days.map((d) => ({ day: d.day, lines: q.lineColumns(d.items, map) })),
    );
    const generated = await generateDailyMenus(trx, SYSTEM_ACTOR, school, {
      from,
      to,
      variant: 'sm',
      overwrite: true,
    });
    menus += generated.written.length;
  }
  ctx.log(`${schools.length} schools, ${menus} daily menus, ${dishes} dishes, ${suppliers} suppliers`);
  return { mealSchools: schools.length, dailyMenus: menus, dishes, suppliers };
}

import crypto from 'node:crypto';
import type {
  CyclicMenuSummary,
  DailyMenuView,
  Dish,
  GenerateResult,
  MealsCalendar,
  MealsSettings,
} from '../../../contracts/meals.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { sniffFileType } from '../../../platform/files/sniff-file-type.js';
import { HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import { readCyclicMenu } from '../menu-format/cyclic-menu.js';
import { readDailyMenu } from '../menu-format/daily-menu.js';
import { foodFileName } from '../menu-format/file-names.js';
import type { CellProblem, Variant } from '../menu-format/menu.js';
import { problemLine } from '../menu-format/menu.js';
import * as q from '../queries.js';
import { addDays, datesBetween, scheduleCycle } from './cycle-schedule.js';
import { dailyMenuView } from './menu-view.js';
import { sameSchool } from './school-name.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
/** The meals of a school's first shift when it has set none (breakfast and lunch). */
export const DEFAULT_MEALS = ['Завтрак', 'Обед'] as const;
/** How many days one generation or calendar edit may span. */
export const MAX_RANGE_DAYS = 400;

export interface School extends q.OrganisationRow {
  settings: MealsSettings;
}

/** A school or kindergarten with its meals settings (defaults when it has set none); 404 if none. */
export async function schoolOf(db: Executor, organisationId: number): Promise<School> {
  const org = await q.mealsOrganisation(db, organisationId);
  if (!org) throw notFound('School');
  const s = await q.settingsOf(db, organisationId);
  return {
    ...org,
    settings: {
      organisationId,
      hotlinePhone: s?.hotline_phone ?? null,
      weekDays: s?.week_days ?? 5,
      meals: (s?.meals ?? [...DEFAULT_MEALS]) as MealsSettings['meals'],
    },
  };
}

/** The reader's problems as one 422 naming every cell (`file!1!E7`), nothing stored. */
export function workbookProblem(problems: CellProblem[]): HttpProblem {
  const lines = problems.map((p) => problemLine(p, true));
  return new HttpProblem(
    422,
    'unreadable-workbook',
    `The workbook cannot be read: ${lines.slice(0, 20).join('; ')}${lines.length > 20 ? ` (and ${lines.length - 20} more)` : ''}.`,
    {
      errors: problems.map((p) => ({
        field: p.cell === 'workbook' ? 'file' : `file!${p.sheet ?? '1'}!${p.cell}`,
        message: problemLine(p),
        expected: p.expected,
      })),
      cells: problems,
    },
  );
}

/** The upload must be an XLSX by its content (a ZIP holding a workbook), whatever its name says. */
export async function assertWorkbook(content: Buffer): Promise<void> {
  const sniffed = await sniffFileType(content, [XLSX_TYPE] as const, MAX_WORKBOOK_BYTES);
  if (sniffed.ok) return;
  if (sniffed.reason === 'empty')
    throw new HttpProblem(400, 'file-required', 'The file is empty.', {
      errors: [{ field: 'file', message: 'The file is empty.', expected: 'an XLSX workbook' }],
    });
  if (sniffed.reason === 'too_large')
    throw new HttpProblem(413, 'file-too-large', 'The file is larger than 5 MB.', {
      errors: [{ field: 'file', message: 'The file is larger than 5 MB.', expected: '≤ 5 MB' }],
    });
  const message = `The file is ${sniffed.detected ? `of type ${sniffed.detected}` : 'not of a type recognised'}, not an XLSX workbook; save the menu from Excel or LibreOffice as .xlsx.`;
  throw new HttpProblem(415, 'unsupported-media-type', message, {
    errors: [{ field: 'file', message, expected: XLSX_TYPE }],
  });
}

function assertSchoolName(school: School, written: string, cell: string) {
  if (sameSchool(written, [school.short_name, school.full_name])) return;
  throw workbookProblem([
    {
      sheet: '1',
      cell,
      expected: `the name of this school ("${school.short_name}"): the menu is for another school`,
      found: written,
    },
  ]);
}

async function viewsOf(db: Executor, school: School, menus: q.DailyMenuRow[]): Promise<DailyMenuView[]> {
  const lines = await q.linesOf(
    db,
    menus.map((m) => m.id),
  );
  const dishIds = [...new Set(lines.flatMap((l) => (l.dish_id === null ? [] : [l.dish_id])))];
  const photos = await q.photoIdsOf(db, dishIds);
  const byMenu = new Map<number, q.LineRow[]>();
  for (const l of lines) byMenu.set(l.menu_id, [...(byMenu.get(l.menu_id) ?? []), l]);
  return menus.map((m) =>
    dailyMenuView(m, byMenu.get(m.id) ?? [], photos, { kind: school.kind, meals: school.settings.meals }),
  );
}

export async function menusBetween(
  db: Executor,
  school: School,
  from: string,
  to: string,
  variant?: Variant,
): Promise<DailyMenuView[]> {
  return viewsOf(db, school, await q.dailyMenusBetween(db, school.id, from, to, variant));
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function assertRange(from: string, to: string, field = 'body.to') {
  if (to < from) throw invalidField(field, 'The range ends before it starts.', `a date on or after ${from}`);
  if (datesBetween(from, to, MAX_RANGE_DAYS + 1).length > MAX_RANGE_DAYS)
    throw invalidField(
      field,
      `At most ${MAX_RANGE_DAYS} days at once.`,
      `≤ ${addDays(from, MAX_RANGE_DAYS - 1)}`,
    );
}

/**
 * Writes daily menus from the school's cyclic menus and calendar for [from, to]: each school day
 * gets the cycle day it falls on under the cyclic menu in force (the latest that started on or
 * before it). A day uploaded or entered by hand is kept unless `overwrite`; a generated menu on
 * what is now a day off is withdrawn. One audit row for the run.
 */
export async function generateDailyMenus(
  tx: Executor,
  actor: Actor,
  school: School,
  req: { from: string; to: string; variant: Variant; overwrite: boolean },
): Promise<GenerateResult> {
  assertRange(req.from, req.to);
  const cycles = await q.cyclicMenusOf(tx, school.id, req.variant);
  if (cycles.length === 0)
    throw invalidField(
      'body.variant',
      `The school has no cyclic menu (tm…-${req.variant}.xlsx) to generate from: upload one first.`,
      'a variant with a cyclic menu',
    );
  const first = cycles[0]!.starts_on < req.from ? cycles[0]!.starts_on : req.from;
  const daysOff = await q.daysOffBetween(tx, school.id, first, req.to);
  const off = new Set(daysOff.map((d) => d.day));
  const existing = new Map(
    (await q.dailyMenusBetween(tx, school.id, req.from, req.to, req.variant)).map((m) => [m.menu_date, m]),
  );
  const written: string[] = [];
  const kept: GenerateResult['kept'] = [];
  const withdrawn: string[] = [];
  for (const [i, cycle] of cycles.entries()) {
    const next = cycles[i + 1];
    const from = cycle.starts_on > req.from ? cycle.starts_on : req.from;
    const until = next ? addDays(next.starts_on, -1) : req.to;
    const to = until < req.to ? until : req.to;
    if (to < from) continue;
    const schedule = scheduleCycle(from, to, {
      startsOn: cycle.starts_on,
      days: cycle.days,
      weekDays: school.settings.weekDays as 5 | 6,
      daysOff: off,
    });
    const lines = await q.cyclicLines(tx, cycle.id);
    for (const { date, cycleDay } of schedule) {
      const prior = existing.get(date);
      if (prior && prior.source !== 'cyclic' && !req.overwrite) {
        kept.push({ date, reason: prior.source === 'upload' ? 'uploaded' : 'entered' });
        continue;
      }
      const dayLines = lines.filter((l) => l.day === cycleDay).map(({ day: _day, ...l }) => l);
      await q.replaceDailyMenu(
        tx,
        {
          organisation_id: school.id,
          menu_date: date,
          variant: req.variant,
          school_name: cycle.school_name,
          branch: cycle.branch,
          source: 'cyclic',
          cyclic_menu_id: cycle.id,
          cycle_day: cycleDay,
          updated_by: actor.userId,
        },
        dayLines,
      );
      written.push(date);
    }
  }
  for (const [date, menu] of existing)
    if (off.has(date) && menu.source === 'cyclic') {
      await q.deleteDailyMenu(tx, menu.id);
      withdrawn.push(date);
    }
  await recordAudit(tx, actor, {
    action: 'meals.menus.generated',
    subjectType: 'organisation',
    subjectId: school.id,
    municipalityId: school.municipality_id,
    summary: {
      from: req.from,
      to: req.to,
      variant: req.variant,
      overwrite: req.overwrite,
      written: written.length,
      kept: kept.map((k) => k.date),
      withdrawn,
    },
  });
  return { written: written.sort(), kept };
}

/** The use cases of a school's kitchen: uploads, generation, calendar, settings, dishes. */
export class MenuService {
  constructor(private readonly db: Db) {}

  school(organisationId: number) {
    return schoolOf(this.db, organisationId);
  }

  /** A day's workbook, read and checked, in place of what the day held; 415/422 and nothing stored. */
  async uploadDaily(
    actor: Actor,
    organisationId: number,
    upload: { content: Buffer; fileName: string | null },
  ): Promise<DailyMenuView> {
    const school = await schoolOf(this.db, organisationId);
    await assertWorkbook(upload.content);
    const read = await readDailyMenu(upload.content, upload.fileName ?? undefined);
    if (!read.ok) throw workbookProblem(read.problems);
    const menu = read.value;
    assertSchoolName(school, menu.school, 'B1');
    return inTransaction(this.db, async (tx) => {
      const dishes = await q.ensureDishes(tx, school.id, menu.items);
      const { id, previousLines } = await q.replaceDailyMenu(
        tx,
        {
          organisation_id: school.id,
          menu_date: menu.date,
          variant: menu.variant,
          school_name: menu.school,
          branch: menu.branch,
          source: 'upload',
          cyclic_menu_id: null,
          cycle_day: null,
          updated_by: actor.userId,
        },
        q.lineColumns(menu.items, dishes),
      );
      await recordAudit(tx, actor, {
        action: 'meals.menu.uploaded',
        subjectType: 'meals_daily_menu',
        subjectId: id,
        municipalityId: school.municipality_id,
        summary: {
          organisationId: school.id,
          date: menu.date,
          variant: menu.variant,
          lines: menu.items.length,
          previousLines,
          sha256: sha256(upload.content),
        },
      });
      const [view] = await viewsOf(tx, school, [
        (await q.dailyMenuOn(tx, school.id, menu.date, menu.variant))!,
      ]);
      return view!;
    });
  }

  /** A typical (cyclic) menu `tmYYYY-sm.xlsx`, its day 1 on `startsOn`; replaces the year's. */
  async uploadCyclic(
    actor: Actor,
    organisationId: number,
    upload: { content: Buffer; fileName: string | null },
    startsOn: string,
  ): Promise<CyclicMenuSummary> {
    const school = await schoolOf(this.db, organisationId);
    await assertWorkbook(upload.content);
    const read = await readCyclicMenu(upload.content, upload.fileName ?? undefined);
    if (!read.ok) throw workbookProblem(read.problems);
    const menu = read.value;
    assertSchoolName(school, menu.school, 'B1');
    if (menu.days.length > 30)
      throw workbookProblem([
        {
          sheet: null,
          cell: 'workbook',
          expected: 'at most 30 days in the cycle',
          found: `${menu.days.length} sheets`,
        },
      ]);
    return inTransaction(this.db, async (tx) => {
      const dishes = await q.ensureDishes(
        tx,
        school.id,
        menu.days.flatMap((d) => d.items),
      );
      const { id, previousDays } = await q.replaceCyclicMenu(
        tx,
        {
          organisation_id: school.id,
          year: menu.year,
          variant: menu.variant,
          school_name: menu.school,
          branch: menu.branch,
          days: menu.days.length,
          starts_on: startsOn,
          updated_by: actor.userId,
        },
        menu.days.map((d) => ({ day: d.day, lines: q.lineColumns(d.items, dishes) })),
      );
      const items = menu.days.reduce((a, d) => a + d.items.length, 0);
      await recordAudit(tx, actor, {
        action: 'meals.cyclic_menu.uploaded',
        subjectType: 'meals_cyclic_menu',
        subjectId: id,
        municipalityId: school.municipality_id,
        summary: {
          organisationId: school.id,
          year: menu.year,
          variant: menu.variant,
          days: menu.days.length,
          previousDays,
          startsOn,
          items,
          sha256: sha256(upload.content),
        },
      });
      return {
        id,
        organisationId: school.id,
        year: menu.year,
        variant: menu.variant,
        school: menu.school,
        days: menu.days.length,
        startsOn,
        items,
        fileName: foodFileName({ kind: 'cyclic', year: menu.year, variant: menu.variant }),
      };
    });
  }

  async generate(
    actor: Actor,
    organisationId: number,
    req: { from: string; to: string; variant: Variant; overwrite: boolean },
  ): Promise<GenerateResult> {
    const school = await schoolOf(this.db, organisationId);
    return inTransaction(this.db, (tx) => generateDailyMenus(tx, actor, school, req));
  }

  async menus(organisationId: number, from: string, to: string, variant?: Variant) {
    const school = await schoolOf(this.db, organisationId);
    assertRange(from, to, 'query.to');
    return menusBetween(this.db, school, from, to, variant);
  }

  async calendar(organisationId: number, from: string, to: string): Promise<MealsCalendar> {
    await schoolOf(this.db, organisationId);
    const rows = await q.daysOffBetween(this.db, organisationId, from, to);
    return { daysOff: rows.map((d) => ({ date: d.day, kind: d.kind, note: d.note })) };
  }

  /** The calendar's days off within [from, to], replacing what it held there. */
  async setCalendar(
    actor: Actor,
    organisationId: number,
    req: {
      from: string;
      to: string;
      daysOff: { date: string; kind: q.MealsDayOffTableRow['kind']; note?: string | null }[];
    },
  ): Promise<MealsCalendar> {
    const school = await schoolOf(this.db, organisationId);
    assertRange(req.from, req.to);
    const seen = new Set<string>();
    req.daysOff.forEach((d, i) => {
      if (d.date < req.from || d.date > req.to)
        throw invalidField(
          `body.daysOff.${i}.date`,
          'The day lies outside the range.',
          `${req.from} … ${req.to}`,
        );
      if (seen.has(d.date))
        throw invalidField(`body.daysOff.${i}.date`, 'The day is listed twice.', 'each day once');
      seen.add(d.date);
    });
    await inTransaction(this.db, async (tx) => {
      const removed = await q.replaceDaysOff(
        tx,
        school.id,
        req.from,
        req.to,
        req.daysOff.map((d) => ({ day: d.date, kind: d.kind, note: d.note ?? null })),
      );
      await recordAudit(tx, actor, {
        action: 'meals.calendar.changed',
        subjectType: 'organisation',
        subjectId: school.id,
        municipalityId: school.municipality_id,
        summary: {
          from: req.from,
          to: req.to,
          removed,
          daysOff: req.daysOff.map((d) => `${d.date}:${d.kind}`),
        },
      });
    });
    return this.calendar(organisationId, req.from, req.to);
  }

  async setSettings(
    actor: Actor,
    organisationId: number,
    body: { hotlinePhone: string | null; weekDays: 5 | 6; meals: string[] },
  ): Promise<MealsSettings> {
    const school = await schoolOf(this.db, organisationId);
    const meals = [...new Set(body.meals)];
    await inTransaction(this.db, async (tx) => {
      await q.upsertSettings(tx, {
        organisation_id: school.id,
        hotline_phone: body.hotlinePhone,
        week_days: body.weekDays,
        meals,
      });
      await recordAudit(tx, actor, {
        action: 'meals.settings.changed',
        subjectType: 'organisation',
        subjectId: school.id,
        municipalityId: school.municipality_id,
        summary: { before: school.settings, after: { ...body, meals } },
      });
    });
    return (await schoolOf(this.db, organisationId)).settings;
  }

  /** A dish's allergens and the supplier of its main ingredients (one of the school's suppliers). */
  async patchDish(
    actor: Actor,
    organisationId: number,
    dishId: number,
    patch: { allergens?: string[]; supplierId?: number | null },
  ): Promise<Dish> {
    const school = await schoolOf(this.db, organisationId);
    const dish = await q.dishById(this.db, organisationId, dishId);
    if (!dish) throw notFound('Dish');
    if (patch.supplierId != null) {
      const supplier = await q.supplierById(this.db, patch.supplierId);
      if (!supplier || supplier.organisation_id !== organisationId)
        throw invalidField(
          'body.supplierId',
          'No such supplier of this school.',
          "one of the school's suppliers",
        );
    }
    const change = {
      ...(patch.allergens !== undefined ? { allergens: [...new Set(patch.allergens)].sort() } : {}),
      ...(patch.supplierId !== undefined ? { supplier_id: patch.supplierId } : {}),
    };
    await inTransaction(this.db, async (tx) => {
      await q.updateDish(tx, dishId, change);
      await recordAudit(tx, actor, {
        action: 'meals.dish.changed',
        subjectType: 'meals_dish',
        subjectId: dishId,
        municipalityId: school.municipality_id,
        summary: {
          organisationId,
          before: { allergens: dish.allergens, supplierId: dish.supplier_id },
          after: change,
        },
      });
    });
    const after = (await q.dishById(this.db, organisationId, dishId))!;
    return {
      id: after.id,
      organisationId: after.organisation_id,
      name: after.name,
      recipe: after.recipe,
      allergens: after.allergens as Dish['allergens'],
      supplierId: after.supplier_id,
    };
  }
}

import crypto from 'node:crypto';
import type { Executor } from '../../../platform/db/transaction.js';
import { writeCyclicMenu } from '../menu-format/cyclic-menu.js';
import { writeDailyMenu } from '../menu-format/daily-menu.js';
import { foodFileName, parseFoodFileName } from '../menu-format/file-names.js';
import type { MealCosts } from '../menu-format/folder-files.js';
import { writeFolderIndex, writeMealCosts } from '../menu-format/folder-files.js';
import type { Meal } from '../menu-format/menu.js';
import { MEALS } from '../menu-format/menu.js';
import { addDays } from '../menus/cycle-schedule.js';
import { menuItemOf } from '../menus/menu-view.js';
import type { School } from '../menus/menu-service.js';
import * as q from '../queries.js';

/**
 * A school's `/food/` folder (shared/specs/food-menu-format.md), written from the database on every
 * request by the format's writers, so it is always current when the federal robot reads it after
 * 18:00 Moscow time: the daily menus of the last 400 days and ahead, the cyclic menus, the cost of
 * meals per year and `findex.xlsx`, the index of them all.
 */
export interface FolderEntry {
  name: string;
  title: string;
  /** The day the file last changed, `YYYY-MM-DD` (UTC). */
  updated: string;
  updatedAt: Date;
}

export interface FolderFile {
  bytes: Buffer;
  etag: string;
  lastModified: Date;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const VARIANT_TITLES = { sm: 'обучающиеся 1–4 классов', ss: 'обучающиеся 5–11 классов' } as const;

export async function folderEntries(db: Executor, school: School, today: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  for (const m of await q.dailyMenuDatesOf(db, school.id, addDays(today, -400))) {
    const at = new Date(m.updated_at);
    entries.push({
      name: foodFileName({ kind: 'daily', date: m.menu_date, variant: m.variant }),
      title: `Меню на ${m.menu_date.split('-').reverse().join('.')}${m.variant === 'ss' ? ' (старшие классы)' : ''}`,
      updated: isoDay(at),
      updatedAt: at,
    });
  }
  for (const c of await q.cyclicMenusOf(db, school.id)) {
    const at = new Date(c.updated_at);
    entries.push({
      name: foodFileName({ kind: 'cyclic', year: c.year, variant: c.variant }),
      title: `Типовое (цикличное) меню ${c.year} года, ${c.days} дн.${c.variant === 'ss' ? ' (старшие классы)' : ''}`,
      updated: isoDay(at),
      updatedAt: at,
    });
  }
  for (const y of await q.menuYears(db, school.id))
    entries.push({
      name: foodFileName({ kind: 'costs', year: y.year }),
      title: `Стоимость питания в ${y.year} году`,
      updated: isoDay(y.updated_at),
      updatedAt: y.updated_at,
    });
  return entries;
}

/** The price of each meal for each group of pupils: the latest menu of the year, summed by meal. */
export async function mealCosts(db: Executor, school: School, year: number): Promise<MealCosts> {
  const menus = await q.latestMenusOfYear(db, school.id, year);
  const lines = await q.linesOf(
    db,
    menus.map((m) => m.id),
  );
  const rows: MealCosts['rows'] = [];
  for (const menu of menus) {
    const category =
      school.kind === 'kindergarten' ? 'воспитанники' : VARIANT_TITLES[menu.variant as 'sm' | 'ss'];
    for (const meal of MEALS) {
      const priced = lines.filter((l) => l.menu_id === menu.id && l.meal === meal && l.price !== null);
      if (priced.length === 0) continue;
      const price = Math.round(priced.reduce((a, l) => a + l.price!, 0) * 100) / 100;
      rows.push({ category, meal: meal as Meal, price });
    }
  }
  return { school: menus[0]?.school_name ?? school.short_name, year, rows };
}

/**
 * The ETag hashes what the file says (the writer's input), not its bytes: the ZIP inside an XLSX
 * stamps each entry with the time it was written, so the same menu written twice differs in bytes.
 */
function file(bytes: Buffer, lastModified: Date, content: unknown): FolderFile {
  const etag = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { bytes, etag, lastModified };
}

/** A file of the folder under its federal name, or null when the folder has no such file. */
export async function folderFile(
  db: Executor,
  school: School,
  name: string,
  today: string,
): Promise<FolderFile | null> {
  const parsed = parseFoodFileName(name);
  if (!parsed || name !== name.toLowerCase()) return null;
  switch (parsed.kind) {
    case 'daily': {
      const menu = await q.dailyMenuOn(db, school.id, parsed.date, parsed.variant);
      if (!menu) return null;
      const lines = await q.linesOf(db, [menu.id]);
      const daily = {
        school: menu.school_name,
        branch: menu.branch,
        date: menu.menu_date,
        variant: menu.variant,
        items: lines.map(menuItemOf),
      };
      return file(await writeDailyMenu(daily), new Date(menu.updated_at), daily);
    }
    case 'cyclic': {
      const cycle = await q.cyclicMenuOf(db, school.id, parsed.year, parsed.variant);
      if (!cycle) return null;
      const lines = await q.cyclicLines(db, cycle.id);
      const days = Array.from({ length: cycle.days }, (_, i) => ({
        day: i + 1,
        items: lines.filter((l) => l.day === i + 1).map(menuItemOf),
      }));
      const cyclic = {
        school: cycle.school_name,
        branch: cycle.branch,
        year: cycle.year,
        variant: cycle.variant,
        days,
      };
      return file(await writeCyclicMenu(cyclic), new Date(cycle.updated_at), cyclic);
    }
    case 'costs': {
      const year = (await q.menuYears(db, school.id)).find((y) => y.year === parsed.year);
      if (!year) return null;
      const costs = await mealCosts(db, school, parsed.year);
      return file(await writeMealCosts(costs), year.updated_at, costs);
    }
    case 'index': {
      const entries = await folderEntries(db, school, today);
      const index = {
        school: school.short_name,
        files: entries.map(({ name, title, updated }) => ({ name, title, updated })),
      };
      const last = entries.reduce((a, e) => (e.updatedAt > a ? e.updatedAt : a), new Date(0));
      return file(await writeFolderIndex(index), last, index);
    }
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The folder's index page: every file with its title and date, `findex.xlsx` first. */
export function folderIndexPage(school: School, entries: FolderEntry[]): string {
  const rows = [
    { name: 'findex.xlsx', title: 'Перечень файлов папки', updated: entries.at(-1)?.updated ?? '' },
    ...entries,
  ]
    .map(
      (e) =>
        `<tr><td><a href="${encodeURIComponent(e.name)}">${escapeHtml(e.name)}</a></td><td>${escapeHtml(e.title)}</td><td>${escapeHtml(e.updated)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Index of /food/ — ${escapeHtml(school.short_name)}</title>
<style>body{font-family:sans-serif;margin:1rem;max-width:60rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}</style>
</head><body>
<h1>Index of /food/</h1>
<p>${escapeHtml(school.full_name)}. Ежедневное меню и типовое меню в формате мониторинга питания обучающихся.</p>
<table><thead><tr><th>Файл</th><th>Описание</th><th>Изменён</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

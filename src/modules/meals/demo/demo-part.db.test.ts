import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../../demo/calendar.js';
import { seedDemoRegion } from '../../../demo/load-region.js';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import { createTestDatabase } from '../../../platform/db/test-database.js';
import { readDailyMenu } from '../menu-format/daily-menu.js';
import { writeDailyMenu } from '../menu-format/daily-menu.js';
import { folderFile } from '../food-folder/folder-service.js';
import { schoolOf } from '../menus/menu-service.js';
import { mealsModule } from '../module.js';

/** The demo region's meals: a few schools with a cyclic menu, days off and the current weeks' menus. */
describe('meals demo', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle?.close());

  it('gives two schools of the tiny region menus for the current weeks, deterministic by seed', async () => {
    const seeded = await seedDemoRegion(handle, {
      scale: 'tiny',
      reference: dayOf(2026, 11, 18),
      modules: [mealsModule],
    });
    expect(seeded.skipped).toBe(false);
    const db = handle.db;
    const menus = await db
      .selectFrom('meals_daily_menu')
      .select(['organisation_id', 'menu_date', 'cycle_day'])
      .orderBy('organisation_id')
      .orderBy('menu_date')
      .execute();
    const schools = [...new Set(menus.map((m) => m.organisation_id))];
    expect(schools).toHaveLength(2);
    // 2026-11-04 is a holiday; the weeks around the reference day are served Monday–Friday.
    const days = menus.filter((m) => m.organisation_id === schools[0]).map((m) => m.menu_date);
    expect(days).toContain('2026-11-18');
    expect(days).not.toContain('2026-11-21');
    expect(days.length).toBeGreaterThanOrEqual(15);
    const school = await schoolOf(db, schools[0]!);
    const file = await folderFile(db, school, '2026-11-18-sm.xlsx', '2026-11-18');
    const read = await readDailyMenu(file!.bytes, '2026-11-18-sm.xlsx');
    expect(read.ok).toBe(true);
    if (read.ok)
      expect(await readDailyMenu(await writeDailyMenu(read.value), '2026-11-18-sm.xlsx')).toEqual(read);
    const allergic = await db
      .selectFrom('meals_dish')
      .select('allergens')
      .where('organisation_id', '=', schools[0]!)
      .execute();
    expect(allergic.some((d) => d.allergens.includes('milk'))).toBe(true);
    const suppliers = await db.selectFrom('meals_supplier').select('id').execute();
    expect(suppliers).toHaveLength(2);
  });
});

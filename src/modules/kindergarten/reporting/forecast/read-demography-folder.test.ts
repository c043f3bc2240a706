import { afterAll, describe, it, expect } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDemographyFolder } from './read-demography-folder.js';

const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/births-population-3-regions',
);

const made: string[] = [];
afterAll(() => Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('readDemographyFolder', () => {
  it('reads the three-region fixture, gaps included', async () => {
    const regions = await readDemographyFolder(FIXTURE);
    expect(regions.map((r) => r.code)).toEqual(['1104', '1126', '1196']);
    const chechnya = regions.find((r) => r.code === '1196')!;
    expect(Math.min(...chechnya.history.births.keys())).toBe(2009);
    expect([...chechnya.history.population.keys()]).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
  });

  it('names a missing folder or file', async () => {
    const missing = path.join(tmpdir(), 'no-such-demography-folder');
    await expect(readDemographyFolder(missing)).rejects.toThrow(`${missing}: no such folder`);
    const folder = await mkdtemp(path.join(tmpdir(), 'demography-'));
    made.push(folder);
    await writeFile(path.join(folder, 'births.csv'), 'year,region_code,region_name,births\n');
    await expect(readDemographyFolder(folder)).rejects.toThrow(
      `${path.join(folder, 'population-0-7.csv')}: file not found`,
    );
  });
});

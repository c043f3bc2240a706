// Shell side of the demography tables: reads the two CSV files of a folder. Kept apart from the parsing so
// the forecast core stays free of I/O.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BIRTHS_FILE,
  DemographyDataError,
  POPULATION_FILE,
  readDemographyTables,
  type Region,
} from './demography-tables.js';

/** Regions of `folder`; throws DemographyDataError naming the folder or file that is missing or malformed. */
export async function readDemographyFolder(folder: string): Promise<Region[]> {
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new DemographyDataError(`${folder}: no such folder`);
  const [births, population] = await Promise.all([
    readText(folder, BIRTHS_FILE),
    readText(folder, POPULATION_FILE),
  ]);
  return readDemographyTables(births, population);
}

async function readText(folder: string, file: string): Promise<string> {
  const where = path.join(folder, file);
  try {
    return await readFile(where, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new DemographyDataError(`${where}: ${reason}`);
  }
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOG_DATASETS } from './catalog-datasets.js';
import { parseCsv } from './csv.js';
import { listCsv, passportCsv, STANDARD_VERSION, STRUCTURE_DATES, structureCsv } from './passport.js';

const kindergartens = CATALOG_DATASETS.find((d) => d.meta.id === 'kindergartens')!.meta;

describe('open-data passport (methodological recommendations v3.0)', () => {
  it('meta.csv names the set, its creator, subject, format, licence and links its dated files', () => {
    const text = passportCsv({
      dataset: kindergartens,
      publisherCode: '1234567890',
      creator: 'Демо-область',
      baseUrl: 'https://portal.example',
      day: '2026-12-04',
      structureDate: '20261204',
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['property', 'value']);
    const meta = Object.fromEntries(rows.slice(1) as [string, string][]);
    expect(meta).toMatchObject({
      standardversion: STANDARD_VERSION,
      identifier: '1234567890-kindergartens',
      title: 'Детские сады',
      creator: 'Демо-область',
      format: 'csv',
      modified: '20261204',
      'data-20261204-structure-20261204':
        'https://portal.example/open-data/sets/kindergartens/data-20261204-structure-20261204.csv',
      'structure-20261204': 'https://portal.example/open-data/sets/kindergartens/structure-20261204.csv',
    });
    expect(meta.description).toBe(kindergartens.descriptionRu);
    expect(meta.subject).toMatch(/Дошкольное образование/);
    expect(meta.license).toMatch(/creativecommons/);
  });

  it('structure.csv describes each column in the header order', () => {
    const rows = parseCsv(structureCsv(kindergartens.columns));
    expect(rows[0]).toEqual(['field name', 'english description', 'russian description', 'format']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(kindergartens.columns.map((c) => c.name));
  });

  it('list.csv registers every set with its passport address', () => {
    const rows = parseCsv(
      listCsv(
        CATALOG_DATASETS.map((d) => d.meta),
        'x',
        'https://p',
      ),
    );
    expect(rows[0]).toEqual(['property', 'title', 'value', 'format']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(
      CATALOG_DATASETS.map((d) => `https://p/open-data/sets/${d.meta.id}/meta.csv`),
    );
  });

  // A structure file is dated: changing a set's columns must come with a new structure date.
  it('each structure date pins its column list', () => {
    const fingerprints = Object.fromEntries(
      CATALOG_DATASETS.map((d) => [
        `${d.meta.id}@${STRUCTURE_DATES[d.meta.id]}`,
        createHash('sha256')
          .update(JSON.stringify(d.meta.columns.map((c) => [c.name, c.type])))
          .digest('hex')
          .slice(0, 12),
      ]),
    );
    expect(fingerprints).toMatchInlineSnapshot(`
      {
        "groups@20261204": "026ca513ce64",
        "kindergartens@20261204": "442cb09b33f1",
        "vacancies@20261204": "06c1637ae52d",
      }
    `);
  });
});

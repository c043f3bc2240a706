import type { OpenDataDataset } from './dataset-registry.js';

export const LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The human index of /open-data/: every registered dataset, its files, columns and the licence. */
export function renderIndexPage(
  regionName: string,
  datasets: readonly OpenDataDataset[],
  today: string,
): string {
  // A dated path template links to today's file.
  const href = (path: string) => path.replace('{date}', today);
  const sections = datasets
    .map(
      (d) => `
  <section aria-labelledby="ds-${escape(d.id)}">
    <h2 id="ds-${escape(d.id)}">${escape(d.titleRu)} <span lang="en">/ ${escape(d.titleEn)}</span></h2>
    <p>${escape(d.descriptionRu)} <span lang="en">${escape(d.descriptionEn)}</span></p>
    <p>Обновление / updated: ${escape(d.updated)}. Файлы / files:
      ${d.files.map((f) => `<a href="${escape(href(f.path))}">${escape(href(f.path).split('/').pop()!)}</a>`).join(', ')}</p>
    <table>
      <caption>Словарь данных «${escape(d.titleRu)}» / data dictionary</caption>
      <thead><tr><th scope="col">Столбец / column</th><th scope="col">Тип / type</th><th scope="col">Описание</th><th scope="col" lang="en">Description</th></tr></thead>
      <tbody>
${d.columns.map((c) => `        <tr><th scope="row"><code>${escape(c.name)}</code></th><td>${c.type}</td><td>${escape(c.descriptionRu)}</td><td lang="en">${escape(c.descriptionEn)}</td></tr>`).join('\n')}
      </tbody>
    </table>
  </section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Открытые данные — ${escape(regionName)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; display: block; overflow-x: auto; }
  th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  a { color: #0b57b0; }
</style>
</head>
<body>
<header><p><a href="/">← ${escape(regionName)}</a></p></header>
<main>
  <h1>Открытые данные <span lang="en">/ Open data</span></h1>
  <p>Машиночитаемые наборы данных о детских садах: CSV (RFC 4180, UTF-8, разделитель — запятая, первая строка —
  названия столбцов) и JSON. Названия столбцов стабильны: новые столбцы добавляются в конец.</p>
  <p lang="en">Machine-readable datasets: CSV (RFC 4180, UTF-8, comma separated, header row) and JSON. Column names are stable; new columns are appended.</p>
  <p>Лицензия / licence: <a href="${LICENCE.url}" rel="license">${LICENCE.name}</a> (<a href="/open-data/licence.txt">licence.txt</a>).
  Словарь данных / data dictionary: <a href="/open-data/data-dictionary.json">data-dictionary.json</a>,
  перечень / catalogue: <a href="/open-data/index.json">index.json</a>.
  Паспорта наборов по методическим рекомендациям 3.0 / passports (Russian open-data recommendations v3.0):
  <a href="/open-data/sets/list.csv">list.csv</a>.</p>
${sections}
</main>
</body>
</html>
`;
}

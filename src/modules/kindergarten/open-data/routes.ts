import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, invalidField } from '../../../platform/http/problem.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { PublicCatalog } from '../catalog/public-catalog.js';
import { vacanciesOn } from '../catalog/queries.js';
import { CATALOG_DATASETS, VACANCIES_BY_DATE } from './catalog-datasets.js';
import { toCsv } from './csv.js';
import { openDataDatasets, registerOpenDataDataset } from './dataset-registry.js';
import { LICENCE, renderIndexPage } from './index-page.js';
import {
  compactDay,
  dataFile,
  listCsv,
  passportCsv,
  STRUCTURE_DATES,
  structureCsv,
  structureFile,
} from './passport.js';

for (const d of CATALOG_DATASETS) registerOpenDataDataset(d.meta);
registerOpenDataDataset(VACANCIES_BY_DATE.meta);

/**
 * /open-data/: the index, the catalog's CSV and JSON files, the data dictionary and the licence.
 * Files are built from the live catalog snapshot; the `date` of each file is the day of its figures,
 * so a harvester fetching daily gets a daily series. ETag + short max-age keep refetches cheap.
 */
export function openDataRoutes(app: FastifyInstance, ctx: AppContext, catalog: PublicCatalog): void {
  const config = {
    permission: 'public' as const,
    rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
  };
  const region = async () =>
    (await ctx.db.selectFrom('region').select('name_ru').executeTakeFirst())?.name_ru ??
    ctx.config.REGION_NAME_RU;

  const etagged = (request: FastifyRequest, reply: FastifyReply, version: string): boolean => {
    const etag = `W/"od-${version}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) {
      void reply.status(304).send();
      return true;
    }
    return false;
  };

  app.get('/open-data/', { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300').type('text/html; charset=utf-8');
    return renderIndexPage(await region(), openDataDatasets(), new Date().toISOString().slice(0, 10));
  });
  app.get('/open-data', { config }, async (_request, reply) => reply.redirect('/open-data/', 301));

  app.get('/open-data/index.json', { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return {
      title: `Открытые данные — ${await region()}`,
      licence: LICENCE,
      datasets: openDataDatasets().map(({ columns: _columns, ...d }) => d),
    };
  });

  app.get('/open-data/data-dictionary.json', { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { licence: LICENCE, datasets: openDataDatasets().map((d) => ({ id: d.id, columns: d.columns })) };
  });

  // The passports of the methodological recommendations v3.0 (passport.ts).
  const publisher = async () => {
    const row = await ctx.db.selectFrom('region').select(['name_ru', 'config']).executeTakeFirst();
    const code = (row?.config as { open_data_publisher_code?: unknown } | undefined)
      ?.open_data_publisher_code;
    return {
      creator: row?.name_ru ?? ctx.config.REGION_NAME_RU,
      code: typeof code === 'string' && code !== '' ? code : 'open-region',
    };
  };
  const baseUrl = ctx.config.publicUrl.replace(/\/+$/, '');
  const csvReply = (reply: FastifyReply, filename: string) =>
    reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', `inline; filename="${filename}"`);

  app.get('/open-data/sets/list.csv', { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    csvReply(reply, 'list.csv');
    return listCsv(
      CATALOG_DATASETS.map((d) => d.meta),
      (await publisher()).code,
      baseUrl,
    );
  });

  for (const dataset of CATALOG_DATASETS) {
    const id = dataset.meta.id;
    const structureDate = STRUCTURE_DATES[id]!;
    app.get(`/open-data/sets/${id}/meta.csv`, { config }, async (request, reply) => {
      const s = await catalog.snapshot();
      if (etagged(request, reply, `meta-${s.version}`)) return reply;
      const p = await publisher();
      csvReply(reply, 'meta.csv');
      return passportCsv({
        dataset: dataset.meta,
        publisherCode: p.code,
        creator: p.creator,
        baseUrl,
        day: s.day,
        structureDate,
      });
    });
    app.get(`/open-data/sets/${id}/${structureFile(structureDate)}`, { config }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      csvReply(reply, structureFile(structureDate));
      return structureCsv(dataset.meta.columns);
    });
    const fileParams = z.object({
      file: z.string().regex(/^data-\d{8}-structure-\d{8}\.csv$/, 'data-YYYYMMDD-structure-YYYYMMDD.csv'),
    });
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        `/open-data/sets/${id}/:file`,
        { config, schema: { hide: true, params: fileParams } },
        async (request, reply) => {
          const s = await catalog.snapshot();
          // Only the current day's file is kept; the passport links to it.
          if (request.params.file !== dataFile(compactDay(s.day), structureDate))
            throw new HttpProblem(404, 'not-found', `No such file: ${request.params.file}`);
          if (etagged(request, reply, s.version)) return reply;
          csvReply(reply, request.params.file);
          return toCsv(
            dataset.columns.map((c) => c.name),
            dataset.rows(s).map((row) => dataset.columns.map((c) => c.value(row))),
          );
        },
      );
  }

  app.get('/open-data/licence.txt', { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400').type('text/plain; charset=utf-8');
    return `Данные публикуются на условиях лицензии ${LICENCE.name}.\n${LICENCE.url}\n\nПри использовании укажите источник: «${await region()}, портал open-region».\n\nThe data are published under ${LICENCE.name}. Attribute the source when you reuse them.\n`;
  });

  for (const dataset of CATALOG_DATASETS) {
    const id = dataset.meta.id;
    app.get(`/open-data/${id}.csv`, { config }, async (request, reply) => {
      const s = await catalog.snapshot();
      if (etagged(request, reply, s.version)) return reply;
      const rows = dataset.rows(s).map((row) => dataset.columns.map((c) => c.value(row)));
      reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `inline; filename="${id}-${s.day}.csv"`);
      return toCsv(
        dataset.columns.map((c) => c.name),
        rows,
      );
    });
    app.get(`/open-data/${id}.json`, { config }, async (request, reply) => {
      const s = await catalog.snapshot();
      if (etagged(request, reply, s.version)) return reply;
      const rows = dataset
        .rows(s)
        .map((row) => Object.fromEntries(dataset.columns.map((c) => [c.name, c.value(row)])));
      return { dataset: id, date: s.day, licence: LICENCE.url, rows };
    });
  }

  // Any past day, from the capacity and enrollment history: /open-data/vacancies/2026-09-01.csv
  const dayParams = z.object({
    file: z.string().regex(/^\d{4}-\d{2}-\d{2}\.(csv|json)$/, 'YYYY-MM-DD.csv or .json'),
  });
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/open-data/vacancies/:file',
      { config, schema: { hide: true, params: dayParams } },
      async (request, reply) => {
        const [day, format] = request.params.file.split('.') as [string, 'csv' | 'json'];
        if (Number.isNaN(Date.parse(day))) throw invalidField('file', 'Not a calendar date.', 'YYYY-MM-DD');
        if (day > new Date().toISOString().slice(0, 10))
          throw invalidField('file', 'The day is in the future.');
        const rows = (await vacanciesOn(ctx.db, day)).map((r) => ({
          date: day,
          group_id: r.group_id,
          kindergarten_id: r.kindergarten_id,
          municipality_code: r.municipality_code,
          age_from: r.age_from,
          age_to: r.age_to,
          capacity: r.capacity,
          enrolled: r.enrolled,
          free_places: Math.max(0, r.capacity - r.enrolled),
        }));
        reply.header('cache-control', 'public, max-age=3600');
        const columns = VACANCIES_BY_DATE.meta.columns.map((c) => c.name);
        if (format === 'json')
          return { dataset: VACANCIES_BY_DATE.meta.id, date: day, licence: LICENCE.url, rows };
        reply.type('text/csv; charset=utf-8; header=present');
        return toCsv(
          columns,
          rows.map((r) => columns.map((c) => r[c as keyof typeof r])),
        );
      },
    );
}

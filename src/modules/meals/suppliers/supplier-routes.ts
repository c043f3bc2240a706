import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  mealsOrganisationParams,
  supplierCardSchema,
  supplierIdParams,
  supplierRequestSchema,
  type SupplierCard,
} from '../../../contracts/meals.js';
import type { AppContext } from '../../../platform/app-context.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { moscowToday } from '../food-folder/public-routes.js';
import { schoolScope } from '../menus/staff-routes.js';
import { MEALS_ACTIONS } from '../permissions.js';
import { supplierCard, supplierQrSvg, SupplierService } from './supplier-service.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const ruDate = (d: string | null) => (d ? d.split('-').reverse().join('.') : '—');

/** The card as a page of its own: the QR code opens it on a phone without the web app. */
export function supplierCardPage(card: SupplierCard): string {
  const certs = card.certificates
    .map(
      (c) =>
        `<li>${c.kind === 'certificate' ? 'Сертификат' : 'Декларация'} соответствия № ${escapeHtml(c.number)} — ${escapeHtml(c.product)}, с ${ruDate(c.issuedOn)} по ${ruDate(c.validUntil)}${c.valid ? '' : ' <strong>(не действует)</strong>'}</li>`,
    )
    .join('');
  const batches = card.batches
    .map(
      (b) =>
        `<tr><td>${escapeHtml(b.product)}</td><td>${escapeHtml(b.batch)}</td><td>${ruDate(b.producedOn)}</td><td>${ruDate(b.deliveredOn)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Поставщик: ${escapeHtml(card.name)}</title>
<style>body{font-family:sans-serif;margin:1rem;max-width:40rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}</style>
</head><body>
<h1>${escapeHtml(card.name)}</h1>
<p>ИНН ${escapeHtml(card.inn)}${card.address ? `<br>${escapeHtml(card.address)}` : ''}${card.phone ? `<br>Тел. ${escapeHtml(card.phone)}` : ''}</p>
<p>Поставщик продуктов для: ${escapeHtml(card.schoolName)}</p>
<h2>Сертификаты и декларации</h2>
<ul>${certs || '<li>Нет сведений</li>'}</ul>
<h2>Партии</h2>
<table><thead><tr><th>Продукт</th><th>Партия</th><th>Изготовлена</th><th>Поставлена</th></tr></thead><tbody>${batches}</tbody></table>
</body></html>
`;
}

/** Suppliers: the meals officer registers them; their cards and QR codes are public. */
export function supplierRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const suppliers = new SupplierService(ctx.db);
  const rateLimit = { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' };

  r.post(
    '/api/staff/meals/:organisationId/suppliers',
    {
      config: { permission: { action: MEALS_ACTIONS.suppliers, scope: schoolScope(ctx) } },
      schema: {
        tags: ['school meals (staff)'],
        summary: 'Register a food supplier of the school with its certificates / declarations and batches',
        params: mealsOrganisationParams,
        body: supplierRequestSchema,
        response: { 201: supplierCardSchema },
      },
    },
    async (request, reply) => {
      const card = await suppliers.create(
        actorOf(request),
        request.params.organisationId,
        request.body,
        moscowToday(),
      );
      return reply.status(201).send(card);
    },
  );

  r.get(
    '/api/meals/suppliers/:supplierId',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['school meals'],
        summary: "A supplier's public card: name, ИНН, certificates / declarations, latest batches",
        params: supplierIdParams,
        response: { 200: supplierCardSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return supplierCard(ctx.db, request.params.supplierId, moscowToday());
    },
  );

  r.get(
    '/api/meals/suppliers/:supplierId/qr.svg',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['school meals'],
        summary: "The QR code (SVG) that opens the supplier's public card",
        params: supplierIdParams,
      },
    },
    async (request, reply) => {
      await supplierCard(ctx.db, request.params.supplierId, moscowToday());
      const svg = await supplierQrSvg(ctx.config.publicUrl, request.params.supplierId);
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(svg);
    },
  );

  r.get(
    '/meals/suppliers/:supplierId',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['school meals'],
        summary: "The supplier's public card as a page (what the QR code opens)",
        params: supplierIdParams,
      },
    },
    async (request, reply) => {
      const card = await supplierCard(ctx.db, request.params.supplierId, moscowToday());
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(supplierCardPage(card));
    },
  );
}

import QRCode from 'qrcode';
import type { SupplierCard, SupplierRequest } from '../../../contracts/meals.js';
import { checkInn } from '../../../contracts/tax-ids.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, invalidField, notFound } from '../../../platform/http/problem.js';
import { schoolOf } from '../menus/menu-service.js';
import * as q from '../queries.js';

/** A supplier's public card: what a parent sees after scanning the QR code on the school's menu. */
export const cardPath = (supplierId: number) => `/meals/suppliers/${supplierId}`;
export const qrPath = (supplierId: number) => `/api/meals/suppliers/${supplierId}/qr.svg`;

export async function supplierCard(db: Executor, supplierId: number, today: string): Promise<SupplierCard> {
  const s = await q.supplierById(db, supplierId);
  if (!s) throw notFound('Supplier');
  const certificates = await q.certificatesOf(db, supplierId);
  const batches = await q.batchesOf(db, supplierId);
  return {
    id: s.id,
    organisationId: s.organisation_id,
    schoolName: s.school_name,
    name: s.name,
    inn: s.inn,
    address: s.address,
    phone: s.phone,
    certificates: certificates.map((c) => ({
      kind: c.kind,
      number: c.number,
      product: c.product,
      issuedOn: c.issued_on,
      validUntil: c.valid_until,
      valid: c.issued_on <= today && (c.valid_until === null || c.valid_until >= today),
    })),
    batches: batches.map((b) => ({
      product: b.product,
      batch: b.batch,
      producedOn: b.produced_on,
      deliveredOn: b.delivered_on,
    })),
    cardUrl: cardPath(s.id),
    qrUrl: qrPath(s.id),
  };
}

/** The QR code (SVG, error correction M) of the card's absolute address. */
export async function supplierQrSvg(publicUrl: string, supplierId: number): Promise<string> {
  const url = new URL(cardPath(supplierId), publicUrl).toString();
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export async function insertSupplier(
  tx: Executor,
  actor: Actor,
  school: { id: number; municipality_id: number | null },
  body: SupplierRequest,
): Promise<number> {
  const problem = checkInn(body.inn);
  if (problem)
    throw invalidField(
      'body.inn',
      problem === 'format' ? 'An ИНН has 10 or 12 digits.' : 'The ИНН check digits do not match.',
      'a valid ИНН',
    );
  body.certificates.forEach((c, i) => {
    if (c.validUntil && c.validUntil < c.issuedOn)
      throw invalidField(
        `body.certificates.${i}.validUntil`,
        'Valid until a day before it was issued.',
        `≥ ${c.issuedOn}`,
      );
  });
  body.batches.forEach((b, i) => {
    if (b.producedOn && b.producedOn > b.deliveredOn)
      throw invalidField(
        `body.batches.${i}.producedOn`,
        'Produced after it was delivered.',
        `≤ ${b.deliveredOn}`,
      );
  });
  const row = await tx
    .insertInto('meals_supplier')
    .values({
      organisation_id: school.id,
      name: body.name,
      inn: body.inn,
      address: body.address ?? null,
      phone: body.phone ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row)
    throw conflict('The school already has a supplier with this ИНН.', {
      errors: [{ field: 'body.inn', message: 'already registered for this school', expected: 'a new ИНН' }],
    });
  if (body.certificates.length > 0)
    await tx
      .insertInto('meals_supplier_certificate')
      .values(
        body.certificates.map((c) => ({
          supplier_id: row.id,
          kind: c.kind,
          number: c.number,
          product: c.product,
          issued_on: c.issuedOn,
          valid_until: c.validUntil ?? null,
        })),
      )
      .execute();
  if (body.batches.length > 0)
    await tx
      .insertInto('meals_supply_batch')
      .values(
        body.batches.map((b) => ({
          supplier_id: row.id,
          product: b.product,
          batch: b.batch,
          produced_on: b.producedOn ?? null,
          delivered_on: b.deliveredOn,
        })),
      )
      .execute();
  await recordAudit(tx, actor, {
    action: 'meals.supplier.created',
    subjectType: 'meals_supplier',
    subjectId: row.id,
    municipalityId: school.municipality_id,
    summary: {
      organisationId: school.id,
      inn: body.inn,
      certificates: body.certificates.length,
      batches: body.batches.length,
    },
  });
  return row.id;
}

export class SupplierService {
  constructor(private readonly db: Db) {}

  async create(actor: Actor, organisationId: number, body: SupplierRequest, today: string) {
    const school = await schoolOf(this.db, organisationId);
    return inTransaction(this.db, async (tx) => {
      const id = await insertSupplier(tx, actor, school, body);
      return supplierCard(tx, id, today);
    });
  }
}

import { z } from 'zod';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Executor } from '../db/transaction.js';
import { normaliseBirthCertificate, storedSpellings } from '../../contracts/birth-certificate.js';
import { birthDateProblem } from './child-age.js';
import { regionDay } from './family-service.js';
import * as q from './queries.js';
import { parseSnils } from '../../contracts/snils.js';

/**
 * A citizen's child as ЕСИА's REST API returns it (`GET /rs/prns/{oid}/kids?embed=(elements.documents)`
 * with the kid_* scopes; the demo provider serves the same resource): names, birth date `DD.MM.YYYY`,
 * gender `M`/`F`, optionally the СНИЛС, and the documents, of which the Russian birth certificate
 * (`RF_BRTH_CERT`) identifies the child.
 */
const esiaKidSchema = z.object({
  lastName: z.string().trim().min(1).max(100),
  firstName: z.string().trim().min(1).max(100),
  middleName: z.string().trim().max(100).optional(),
  birthDate: z.string().regex(/^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/),
  gender: z.enum(['M', 'F']).optional(),
  snils: z.string().max(20).optional(),
  documents: z.object({
    elements: z
      .array(z.object({ type: z.string(), series: z.string().max(20), number: z.string().max(20) }))
      .max(50),
  }),
});
export type EsiaKid = z.infer<typeof esiaKidSchema>;

/** The kids collection's elements (`{ size, elements: [...] }`), or nothing when the body is not one. */
export function esiaKidsOf(body: unknown): unknown[] {
  const elements = (body as { elements?: unknown } | null)?.elements;
  return Array.isArray(elements) ? elements : [];
}

function birthCertificateOf(kid: EsiaKid): string | null {
  const doc = kid.documents.elements.find((d) => d.type === 'RF_BRTH_CERT');
  return doc ? normaliseBirthCertificate(`${doc.series} ${doc.number}`) : null;
}

/**
 * On sign-in: the children the provider vouches for become the citizen's, as legal representative
 * (`esia`). A child already on file under the certificate with the same birth date is linked; one
 * with another birth date is left alone (the records disagree: staff sort it out), as is anything
 * that does not read as a child. Audited once per sign-in that changed something, ids only.
 */
export async function takeChildrenFromEsia(
  tx: Executor,
  actor: Actor & { userId: string },
  kids: readonly unknown[],
  now = new Date(),
) {
  const added: string[] = [];
  const linked: string[] = [];
  let skipped = 0;
  for (const raw of kids.slice(0, 20)) {
    const parsed = esiaKidSchema.safeParse(raw);
    const c = parsed.success ? parsed.data : null;
    const certificate = c ? birthCertificateOf(c) : null;
    const birthDate = c ? c.birthDate.split('.').reverse().join('-') : '';
    const snils = c?.snils ? parseSnils(c.snils) : null;
    if (
      !c ||
      !certificate ||
      !z.iso.date().safeParse(birthDate).success ||
      birthDateProblem(birthDate, regionDay(now))
    ) {
      skipped++;
      continue;
    }
    const existing = await q.childByCertificate(tx, storedSpellings(certificate));
    if (existing) {
      if (existing.birth_date !== birthDate) skipped++;
      else if (await q.addRepresentative(tx, existing.id, actor.userId, 'parent', 'esia'))
        linked.push(existing.id);
      continue;
    }
    const inserted = await q.insertChild(tx, {
      lastName: c.lastName,
      firstName: c.firstName,
      patronymic: c.middleName || null,
      birthDate,
      sex: c.gender === 'M' ? 'm' : c.gender === 'F' ? 'f' : null,
      birthCertificate: certificate,
      snils: snils && 'snils' in snils ? snils.snils : null,
      registrationAddress: null,
      source: 'esia',
      createdBy: actor.userId,
    });
    if (!inserted) {
      skipped++;
      continue;
    }
    await q.addRepresentative(tx, inserted.id, actor.userId, 'parent', 'esia');
    added.push(inserted.id);
  }
  if (added.length + linked.length > 0 || skipped > 0)
    await recordAudit(tx, actor, {
      action: 'family.children.from_esia',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: { added, linked, skipped },
    });
  return { added, linked, skipped };
}

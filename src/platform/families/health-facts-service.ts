import type { HealthFact, HealthFactsInput } from '../../contracts/platform-families.js';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { invalidField } from '../http/problem.js';
import * as q from './queries.js';

/**
 * Sets a child's health facts to the given list, with the representative's consent: facts not yet
 * kept are recorded under this consent, kept facts left out are withdrawn (`withdrawn_at`, the row
 * stays as the record of what was consented to and when). Health data is a special category of
 * personal data (152-ФЗ ст. 10): nothing is kept without consent, and the audit names ids and
 * kinds, never the details.
 */
export async function replaceHealthFacts(
  db: Db,
  actor: Actor & { userId: string },
  childId: string,
  input: HealthFactsInput,
  now = new Date(),
): Promise<HealthFact[]> {
  if (input.facts.length > 0 && !input.consent)
    throw invalidField(
      'consent',
      'Health facts are kept only with your consent: tick the consent box, or remove the facts.',
      'true',
    );
  return inTransaction(db, async (tx) => {
    const active = await q.activeHealthFacts(tx, [childId], true);
    const key = (f: { kind: string; detail: string }) => `${f.kind}\u0000${f.detail}`;
    const wanted = new Set(input.facts.map(key));
    const kept = new Set(active.map(key));
    const withdrawn = active.filter((f) => !wanted.has(key(f)));
    await q.withdrawHealthFacts(
      tx,
      withdrawn.map((f) => f.id),
      now,
    );
    const added = [];
    for (const f of input.facts)
      if (!kept.has(key(f)))
        added.push(
          await q.insertHealthFact(tx, { childId, kind: f.kind, detail: f.detail, consentBy: actor.userId }),
        );
    if (added.length > 0 || withdrawn.length > 0)
      await recordAudit(tx, actor, {
        action: 'family.health_facts.changed',
        subjectType: 'child',
        subjectId: childId,
        summary: {
          added: added.map((f) => ({ id: f.id, kind: f.kind })),
          withdrawn: withdrawn.map((f) => ({ id: f.id, kind: f.kind })),
          consent: input.consent,
        },
      });
    const facts = await q.activeHealthFacts(tx, [childId]);
    return facts.map((f) => ({
      id: f.id,
      kind: f.kind,
      detail: f.detail,
      consentAt: f.consent_at.toISOString(),
    }));
  });
}

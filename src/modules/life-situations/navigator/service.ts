import {
  situationDefinitionSchema,
  type SituationDefinition,
} from '../../../contracts/life-situation-definition.js';
import type {
  SituationList,
  SituationOffers,
  SituationPlan,
  SituationSummary,
} from '../../../contracts/life-situations.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { childrenOf } from '../../../platform/families/queries.js';
import { HttpProblem, notFound } from '../../../platform/http/problem.js';
import { KNOWN_SERVICES, SHIPPED_SITUATIONS } from '../catalogue/shipped-catalogue.js';
import { evaluate } from './conditions.js';
import { familyFacts } from './family-facts.js';
import * as q from './queries.js';
import { validateSituation } from './situation-validation.js';
import { planSituation, requestMatches } from './step-status.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Every word a prefix, AND-ed; anything but letters and digits dropped, so input is never tsquery syntax. */
export function searchTerms(input: string | undefined): string | null {
  const words = (input ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** Ships the catalogue into a database that lacks some of it (start-up; a rerun adds nothing). */
export async function ensureShippedCatalogue(db: Db): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const added = await q.insertShipped(
      tx,
      SHIPPED_SITUATIONS.map((d, position) => ({ code: d.code, origin: d.origin, position, definition: d })),
    );
    if (added.length > 0)
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'life_situation.shipped',
        subjectType: 'life_situation',
        summary: { codes: added, version: 1 },
      });
    return added;
  });
}

const parsed = (definition: unknown): SituationDefinition => situationDefinitionSchema.parse(definition);

function summaryOf(code: string, version: number, d: SituationDefinition): SituationSummary {
  return {
    code,
    titleRu: d.titleRu,
    titleEn: d.titleEn ?? null,
    summaryRu: d.summaryRu,
    summaryEn: d.summaryEn ?? null,
    origin: d.origin,
    version,
    stepCount: d.items.length,
  };
}

export async function list(
  db: Db,
  f: { q?: string; origin?: 'federal' | 'regional' },
): Promise<SituationList> {
  const rows = await q.listCurrent(db, { tsquery: searchTerms(f.q), origin: f.origin });
  const items = rows.map((r) => summaryOf(r.code, r.current_version, parsed(r.definition)));
  return { items, total: items.length };
}

export async function current(db: Db, code: string) {
  const row = await q.currentOf(db, code);
  if (!row) throw notFound('Life situation');
  return { version: row.current_version, updatedAt: row.updated_at, definition: parsed(row.definition) };
}

/** The situation tailored by the answers; for a signed-in person, with the family's requests and children. */
export async function plan(
  db: Db,
  code: string,
  answers: Record<string, string>,
  userId: string | null,
): Promise<SituationPlan> {
  const { version, definition } = await current(db, code);
  const known = new Map(definition.questions.map((qn) => [qn.id, qn.options.map((o) => o.value)]));
  for (const [question, value] of Object.entries(answers)) {
    const options = known.get(question);
    if (!options)
      throw new HttpProblem(422, 'invalid-field', `The situation has no question «${question}».`, {
        errors: [
          {
            field: `body.answers.${question}`,
            message: 'no such question',
            expected: [...known.keys()].join(', '),
          },
        ],
      });
    if (!options.includes(value))
      throw new HttpProblem(422, 'invalid-field', `«${value}» is not an answer to «${question}».`, {
        errors: [
          {
            field: `body.answers.${question}`,
            message: 'not one of the answers',
            expected: options.join(', '),
          },
        ],
      });
  }
  let facts = null;
  let requests: Awaited<ReturnType<typeof q.familyRequests>> = [];
  if (userId) {
    const [children, rows] = await Promise.all([childrenOf(db, userId), q.familyRequests(db, userId)]);
    facts = familyFacts(
      children.map((c) => c.birth_date),
      today(),
    );
    requests = rows;
  }
  const result = planSituation(definition, { answers, facts, requests });
  const ownServices = definition.items
    .flatMap((i) => ('steps' in i ? i.steps : [i]))
    .flatMap((s) => s.services)
    .filter((s) => s.type === 'own');
  return {
    code,
    version,
    personal: userId !== null,
    ...result,
    requests: requests
      .filter((r) => ownServices.some((s) => requestMatches(s, r)))
      .map((r) => ({
        id: r.id,
        module: r.module,
        kind: r.kind,
        reference: r.reference,
        status: r.status,
        state: r.state,
        link: r.link,
      })),
  };
}

/** Situations whose «offer when» holds of the signed-in person's family (the home page's offer). */
export async function offers(db: Db, userId: string): Promise<SituationOffers> {
  const children = await childrenOf(db, userId);
  const facts = familyFacts(
    children.map((c) => c.birth_date),
    today(),
  );
  const rows = await q.listCurrent(db, { tsquery: null });
  const items = rows
    .map((r) => ({ r, d: parsed(r.definition) }))
    .filter(({ d }) => d.offerWhen && evaluate(d.offerWhen, {}, facts) === true)
    .map(({ r, d }) => summaryOf(r.code, r.current_version, d));
  return { items };
}

/**
 * A staff edit: a new version of the situation, refused with every problem named (field and step)
 * when it would not be a valid situation, audited with the versions before and after.
 */
export async function edit(
  db: Db,
  actor: Actor,
  code: string,
  definition: SituationDefinition,
  note: string | null,
) {
  if (definition.code !== code)
    throw new HttpProblem(422, 'invalid-field', 'The definition is of another situation.', {
      errors: [{ field: 'body.definition.code', message: 'must be the code in the path', expected: code }],
    });
  const problems = validateSituation(definition, KNOWN_SERVICES);
  if (problems.length > 0)
    throw new HttpProblem(422, 'invalid-situation', problems[0]!.message, {
      errors: problems.map((p) => ({ field: `body.definition.${p.field}`, message: p.message })),
    });
  return inTransaction(db, async (tx) => {
    const row = await q.currentOf(tx, code, true);
    if (!row) throw notFound('Life situation');
    if (definition.origin !== row.origin)
      throw new HttpProblem(422, 'invalid-field', 'The origin of a situation does not change.', {
        errors: [{ field: 'body.definition.origin', message: 'must stay as it is', expected: row.origin }],
      });
    const version = row.current_version + 1;
    await q.insertVersion(tx, { code, version, definition, note, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'life_situation.edited',
      subjectType: 'life_situation',
      subjectId: code,
      summary: { from: row.current_version, to: version, steps: definition.items.length, note },
    });
    return { version, definition };
  });
}

export async function versions(db: Db, code: string) {
  await current(db, code);
  const rows = await q.versionsOf(db, code);
  return {
    items: rows.map((r) => ({
      version: r.version,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      createdBy: r.full_name ?? null,
    })),
  };
}

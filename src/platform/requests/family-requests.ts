import type { Executor } from '../db/transaction.js';

export type FamilyRequestState = 'open' | 'done' | 'refused' | 'withdrawn';

/** One request of a family in a service, as the platform's registry keeps it. */
export interface FamilyRequestRecord {
  /** The service (module id: 'feedback', 'clubs'…) and its kind of request ('appeal', 'enrolment'…). */
  module: string;
  kind: string;
  /** The service's own id of the request: one registry row per (module, kind, externalId). */
  externalId: string | number;
  ownerUserId: string;
  childId?: string | null;
  organisationId?: number | null;
  /** The number the family quotes. */
  reference: string;
  status: string;
  state: FamilyRequestState;
  /** Where the family follows it (a web path). */
  link: string;
  submittedAt: Date;
}

/**
 * Writes a service's request into the registry («Мои заявления», «Моя семья», life situations read it),
 * in the caller's transaction with the change itself; a later call updates its status and state.
 */
export async function recordFamilyRequest(tx: Executor, r: FamilyRequestRecord): Promise<void> {
  await tx
    .insertInto('family_request')
    .values({
      module: r.module,
      kind: r.kind,
      external_id: String(r.externalId),
      owner_user_id: r.ownerUserId,
      child_id: r.childId ?? null,
      organisation_id: r.organisationId ?? null,
      reference: r.reference,
      status: r.status,
      state: r.state,
      link: r.link,
      submitted_at: r.submittedAt,
    })
    .onConflict((oc) =>
      oc.columns(['module', 'kind', 'external_id']).doUpdateSet({
        status: r.status,
        state: r.state,
        updated_at: new Date(),
      }),
    )
    .execute();
}

import {
  enrolmentUrl,
  type Enrolment,
  type EnrolmentCreate,
  type StaffDecision,
} from '../../../contracts/clubs.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Executor, type Tx } from '../../../platform/db/transaction.js';
import { regionDay } from '../../../platform/families/family-service.js';
import { activeHealthFacts } from '../../../platform/families/queries.js';
import { conflict, HttpProblem, invalidField, notFound } from '../../../platform/http/problem.js';
import { notify } from '../../../platform/notifications/notify.js';
import { whyNotJoinable, type NotJoinableReason } from '../catalog/programme-model.js';
import {
  canTransition,
  requestState,
  reviewDeadline,
  SEAT_HOLDING,
  type EnrolmentStatus,
} from './enrolment-status.js';
import {
  aliveEnrolment,
  expiredOfferIds,
  enrolmentById,
  enrolmentsOfFamily,
  enrolmentsOfOrganisation,
  eventsOf,
  groupForEnrolment,
  insertEnrolment,
  insertEnrolmentEvent,
  isRepresentative,
  lockedClock,
  nextEnrolmentNumber,
  releaseSeat,
  takeSeat,
  updateEnrolment,
  upsertFamilyRequest,
  waitlistOf,
  waitlistPlaceOf,
  type EnrolmentRow,
} from './queries.js';
import { OFFER_HOURS } from './waitlist.js';
import { STATUS_RU } from './templates.js';

const REASON_TEXT: Record<NotJoinableReason, string> = {
  window_not_open: 'Enrolment in this group has not opened yet.',
  window_closed: 'Enrolment in this group is closed.',
  age: "The child's age is outside the programme's age range.",
  ovz: "The programme is not adapted for the child's health conditions (ОВЗ).",
  full: 'The group is full.',
};

/**
 * Enrolment in a club group: the citizen's side (enrol a child of the family, follow, withdraw) and
 * the organisation's (list, decide). Each change writes the enrolment, its event, the family's
 * request, the audit row and the parent's notice in one transaction. Seats are a counter on the
 * group row whose check forbids overselling; a full group puts the request on the waitlist.
 */
export class EnrolmentService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enrol(actor: Actor & { userId: string }, input: EnrolmentCreate): Promise<Enrolment> {
    const now = this.now();
    const today = regionDay(now);
    const childId = input.childId;
    const groupId = Number(input.groupId);
    const channel = input.channel ?? 'web';
    return inTransaction(this.db, async (tx) => {
      if (!(await isRepresentative(tx, childId, actor.userId)))
        throw invalidField('body.childId', 'This child is not in your family.', 'a child id of your family');
      const child = await tx
        .selectFrom('child')
        .select(['id', 'birth_date'])
        .where('id', '=', childId)
        .executeTakeFirstOrThrow();
      const group = await groupForEnrolment(tx, groupId, true);
      if (!group || group.programme_status !== 'published')
        throw invalidField('body.groupId', 'There is no such group open to enrolment.', 'a group id');
      const alive = await aliveEnrolment(tx, groupId, childId);
      if (alive)
        throw conflict('The child is already enrolled in this group.', {
          errors: [{ field: 'body.groupId', message: `already enrolled: ${alive.number}` }],
          enrolmentId: alive.id,
        });
      const ovz = (await activeHealthFacts(tx, [childId]))
        .filter((f) => f.kind === 'ovz' && f.detail)
        .map((f) => f.detail);
      const reasons = whyNotJoinable(
        {
          ageMin: group.age_min,
          ageMax: group.age_max,
          ovzTypes: group.ovz_types,
          enrolmentOpensOn: group.enrolment_opens_on,
          enrolmentClosesOn: group.enrolment_closes_on,
          startsOn: group.starts_on,
          seats: group.seats,
          seatsTaken: group.seats_taken,
        },
        { birthDate: child.birth_date, ovzTypes: ovz },
        today,
      );
      const refusing = reasons.filter((r) => r !== 'full');
      if (refusing.length > 0)
        throw new HttpProblem(409, 'group-not-joinable', REASON_TEXT[refusing[0]!], {
          reasons: refusing,
          errors: refusing.map((r) => ({
            field: r === 'age' || r === 'ovz' ? 'body.childId' : 'body.groupId',
            message: REASON_TEXT[r],
          })),
        });
      const seated = await takeSeat(tx, groupId);
      const arrivedAt = seated ? null : await lockedClock(tx);
      const status: EnrolmentStatus = seated ? 'registered' : 'waitlisted';
      const n = await nextEnrolmentNumber(tx);
      const number = `ДО-${today.slice(0, 4)}-${String(n).padStart(6, '0')}`;
      const reviewDue = seated ? reviewDeadline(today, group.entrance_tests) : null;
      const { id } = await insertEnrolment(tx, {
        number,
        groupId,
        childId,
        applicantUserId: actor.userId,
        status,
        channel,
        waitlistedAt: arrivedAt,
        reviewDue,
      });
      await insertEnrolmentEvent(tx, { enrolmentId: id, actorUserId: actor.userId, from: null, to: status });
      await this.tellFamily(tx, id, number, status, actor.userId, childId, group.organisation_id, now);
      await recordAudit(tx, actor, {
        action: `clubs.enrolment.${status}`,
        subjectType: 'clubs_enrolment',
        subjectId: id,
        municipalityId: group.municipality_id,
        summary: { number, groupId, programmeId: group.programme_id, channel, reviewDue },
      });
      const place = arrivedAt ? await waitlistPlaceOf(tx, groupId, id, arrivedAt) : null;
      await notify(tx, {
        userId: actor.userId,
        template: seated ? 'clubs.enrolment.registered' : 'clubs.enrolment.waitlisted',
        params: { number, programme: group.title, group: group.name, reviewDue, place },
        link: enrolmentUrl(id),
        eventKey: `clubs:${id}:${status}`,
      });
      return this.view(tx, id, actor.userId);
    });
  }

  /** The parent withdraws (an offer declined is a withdrawal too); a held seat goes to the waitlist. */
  async withdraw(actor: Actor & { userId: string }, id: number): Promise<Enrolment> {
    return inTransaction(this.db, async (tx) => {
      await this.change(tx, actor, id, 'withdrawn', 'parent', {});
      return this.view(tx, id, actor.userId);
    });
  }

  /** The parent takes the seat a freed place offered them (→ registered, the review clock starts). */
  async accept(actor: Actor & { userId: string }, id: number): Promise<Enrolment> {
    return inTransaction(this.db, async (tx) => {
      await this.change(tx, actor, id, 'registered', 'parent', {});
      return this.view(tx, id, actor.userId);
    });
  }

  async decide(actor: Actor & { userId: string | null }, id: number, d: StaffDecision): Promise<Enrolment> {
    return inTransaction(this.db, async (tx) => {
      await this.change(tx, actor, id, d.to, 'staff', { reason: d.reason, note: d.note });
      return this.view(tx, id, null);
    });
  }

  private async change(
    tx: Tx,
    actor: Actor,
    id: number,
    to: EnrolmentStatus,
    by: 'parent' | 'staff' | 'system',
    extra: { reason?: string; note?: string },
  ) {
    const row = await enrolmentById(tx, id, true);
    if (!row) throw notFound('Enrolment');
    const from = row.status as EnrolmentStatus;
    if (!canTransition(from, to, by))
      throw conflict(`An enrolment «${STATUS_RU[from]}» cannot become «${STATUS_RU[to]}».`, {
        errors: [{ field: 'body.to', message: `not allowed from ${from}`, expected: 'a next status' }],
        currentStatus: from,
      });
    // A waitlisted request approved by staff needs a free seat: never beyond the seats.
    if (!SEAT_HOLDING.has(from) && SEAT_HOLDING.has(to) && !(await takeSeat(tx, row.group_id)))
      throw conflict('The group has no free seat.', {
        errors: [{ field: 'body.to', message: 'no free seat in the group', expected: 'a free seat' }],
      });
    const releases = SEAT_HOLDING.has(from) && !SEAT_HOLDING.has(to) && to !== 'studying';
    await updateEnrolment(tx, id, {
      status: to,
      ...(to === 'refused'
        ? { refusalReason: extra.reason ?? 'other', refusalNote: extra.note ?? null }
        : {}),
    });
    await insertEnrolmentEvent(tx, {
      enrolmentId: id,
      actorUserId: actor.userId,
      from,
      to,
      note: extra.note ?? (to === 'refused' ? (extra.reason ?? null) : null),
    });
    await this.tellFamily(
      tx,
      id,
      row.number,
      to,
      row.applicant_user_id,
      row.child_id,
      row.organisation_id,
      row.created_at,
    );
    await recordAudit(tx, actor, {
      action: `clubs.enrolment.${to}`,
      subjectType: 'clubs_enrolment',
      subjectId: id,
      municipalityId: row.municipality_id,
      summary: { number: row.number, from, to, reason: extra.reason ?? null },
    });
    await notify(tx, {
      userId: row.applicant_user_id,
      template: 'clubs.enrolment.changed',
      params: {
        number: row.number,
        programme: row.title,
        status: STATUS_RU[to],
        note: extra.note ? ` ${extra.note}` : '',
      },
      link: enrolmentUrl(id),
      eventKey: `clubs:${id}:${to}`,
    });
    if (releases) {
      await releaseSeat(tx, row.group_id);
      await this.promote(tx, row.group_id);
    }
  }

  /**
   * The job's part: an offer not taken in time is withdrawn by the system and its seat goes to the
   * next on the waitlist (in the same transaction). Returns how many expired.
   */
  async expireOffers(tx: Tx): Promise<number> {
    const ids = await expiredOfferIds(tx, this.now());
    for (const id of ids)
      await this.change(tx, SYSTEM_ACTOR, id, 'withdrawn', 'system', { note: 'offer expired' });
    return ids.length;
  }

  /** Offers freed seats to the first ones on the waitlist, each for OFFER_HOURS. */
  private async promote(tx: Tx, groupId: number) {
    const group = await groupForEnrolment(tx, groupId, true);
    if (!group) return;
    const free = group.seats - group.seats_taken;
    if (free <= 0) return;
    const now = this.now();
    const expiresAt = new Date(now.getTime() + OFFER_HOURS * 3_600_000);
    for (const w of await waitlistOf(tx, groupId, free)) {
      if (!(await takeSeat(tx, groupId))) break;
      await updateEnrolment(tx, w.id, { status: 'offered', offerExpiresAt: expiresAt });
      await insertEnrolmentEvent(tx, {
        enrolmentId: w.id,
        actorUserId: null,
        from: 'waitlisted',
        to: 'offered',
      });
      await this.tellFamily(
        tx,
        w.id,
        w.number,
        'offered',
        w.applicant_user_id,
        w.child_id,
        group.organisation_id,
        now,
      );
      await recordAudit(
        tx,
        { userId: null, role: 'system' },
        {
          action: 'clubs.enrolment.offered',
          subjectType: 'clubs_enrolment',
          subjectId: w.id,
          municipalityId: group.municipality_id,
          summary: { number: w.number, expiresAt: expiresAt.toISOString() },
        },
      );
      await notify(tx, {
        userId: w.applicant_user_id,
        template: 'clubs.enrolment.offered',
        params: { number: w.number, group: group.name, expiresAt: expiresAt.toISOString().slice(0, 16) },
        link: enrolmentUrl(w.id),
        eventKey: `clubs:${w.id}:offered`,
      });
    }
  }

  private async tellFamily(
    tx: Executor,
    id: number,
    number: string,
    status: EnrolmentStatus,
    ownerUserId: string,
    childId: string,
    organisationId: number,
    submittedAt: Date,
  ) {
    await upsertFamilyRequest(tx, {
      enrolmentId: id,
      ownerUserId,
      childId,
      organisationId,
      number,
      status,
      state: requestState(status),
      link: enrolmentUrl(id),
      submittedAt,
    });
  }

  async mine(userId: string) {
    const rows = await enrolmentsOfFamily(this.db, userId);
    return { items: await this.views(this.db, rows, userId) };
  }

  async one(id: number, userId: string | null) {
    return this.view(this.db, id, userId);
  }

  async ofOrganisation(f: { organisationId: number; groupId?: number; status?: string }) {
    const rows = await enrolmentsOfOrganisation(this.db, f);
    return { items: await this.views(this.db, rows, null) };
  }

  private async view(db: Executor, id: number, userId: string | null): Promise<Enrolment> {
    const row = await enrolmentById(db, id);
    if (!row) throw notFound('Enrolment');
    return (await this.views(db, [row], userId))[0]!;
  }

  private async views(db: Executor, rows: EnrolmentRow[], userId: string | null): Promise<Enrolment[]> {
    const events = await eventsOf(
      db,
      rows.map((r) => r.id),
    );
    const out: Enrolment[] = [];
    for (const r of rows) {
      const status = r.status as EnrolmentStatus;
      const place =
        status === 'waitlisted' && r.waitlisted_at
          ? await waitlistPlaceOf(db, r.group_id, r.id, new Date(r.waitlisted_at))
          : null;
      out.push({
        id: r.id,
        number: r.number,
        status,
        child: { id: r.child_id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date },
        group: { id: r.group_id, name: r.group_name, startsOn: r.starts_on },
        programme: { id: r.programme_id, title: r.title },
        organisation: { id: r.organisation_id, shortName: r.short_name },
        waitlistPlace: place,
        offerExpiresAt: r.offer_expires_at ? new Date(r.offer_expires_at).toISOString() : null,
        reviewDue: r.review_due,
        refusalReason: r.refusal_reason as Enrolment['refusalReason'],
        refusalNote: r.refusal_note,
        createdAt: r.created_at.toISOString(),
        events: events
          .filter((e) => e.enrolment_id === r.id)
          .map((e) => ({
            at: e.at.toISOString(),
            fromStatus: e.from_status,
            toStatus: e.to_status,
            note: e.note,
          })),
        permittedActions: userId
          ? (['withdraw', 'accept'] as const).filter((a) =>
              canTransition(status, a === 'accept' ? 'registered' : 'withdrawn', 'parent'),
            )
          : [],
      });
    }
    return out;
  }
}

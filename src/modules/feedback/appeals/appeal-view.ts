import { appealUrl, type Appeal, type AppealSummary } from '../../../contracts/feedback.js';
import { GROUND_ARTICLE, type AppealStatus, type WithoutAnswerGround } from './appeal-status.js';
import { urgencyOf } from '../calendar/deadlines.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { isOpen } from './appeal-status.js';
import type { AppealRow } from './queries.js';

export const photoUrl = (appealId: number | string, photoId: number, staff: boolean) =>
  `/api/${staff ? 'staff' : 'my'}/feedback/appeals/${appealId}/photos/${photoId}`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toSummary(row: AppealRow, today: string): AppealSummary {
  const leaf = CATEGORIES.leaf(row.category_code);
  const status = row.status as AppealStatus;
  return {
    id: Number(row.id),
    number: row.number,
    kind: row.kind,
    categoryCode: row.category_code,
    categoryRu: leaf?.ru ?? row.category_code,
    categoryEn: leaf?.en ?? row.category_code,
    organisationName: row.organisation_name,
    status,
    registeredOn: row.registered_on,
    answerDue: row.answer_due,
    urgency: isOpen(status) ? urgencyOf(row.answer_due, today) : null,
    rating: row.rating,
  };
}

export function toAppeal(
  row: AppealRow,
  today: string,
  extra: {
    photos: {
      id: number;
      media_type: string;
      size_bytes: number;
      width: number | null;
      height: number | null;
    }[];
    events: {
      at: Date;
      type: string;
      from_status: string | null;
      to_status: string | null;
      note: string | null;
    }[];
    permittedActions: string[];
    staff: boolean;
    duplicateOfNumber?: string | null;
  },
): Appeal {
  const ground = row.without_answer_ground as WithoutAnswerGround | null;
  return {
    ...toSummary(row, today),
    organisationId: row.organisation_id,
    point: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
    text: row.text,
    withoutAnswerGround: ground,
    withoutAnswerArticle: ground ? GROUND_ARTICLE[ground] : null,
    receivedOn: row.received_on,
    registrationDue: row.registration_due,
    forwardingDue: row.forwarding_due,
    extended: row.extended,
    reworkUsed: row.rework_used,
    answerText: row.answer_text,
    answeredAt: iso(row.answered_at),
    photos: extra.photos.map((p) => ({
      id: p.id,
      url: photoUrl(row.id, p.id, extra.staff),
      mediaType: p.media_type,
      sizeBytes: p.size_bytes,
      width: p.width,
      height: p.height,
    })),
    events: extra.events.map((e) => ({
      at: new Date(e.at).toISOString(),
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    })),
    permittedActions: extra.permittedActions,
    duplicateOf:
      row.duplicate_of_id !== null && extra.duplicateOfNumber
        ? { id: Number(row.duplicate_of_id), number: extra.duplicateOfNumber }
        : null,
    answerFixed: row.answer_fixed,
    survey:
      row.survey_due === null
        ? null
        : { due: row.survey_due, askedAt: iso(row.survey_sent_at), answer: row.survey_answer },
  };
}

/** The family page's state of a request in this status. */
export function requestState(status: AppealStatus): 'open' | 'done' | 'refused' {
  if (status === 'left_without_answer') return 'refused';
  return status === 'answered' || status === 'closed' ? 'done' : 'open';
}

export { appealUrl };

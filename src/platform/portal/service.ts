import type { FamilyRequest, MyRequests, PortalNews, RequestState } from '../../contracts/platform-portal.js';
import type { Db } from '../db/database.js';
import * as q from './queries.js';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toRequest(r: q.FamilyRequestRow): FamilyRequest {
  return {
    id: Number(r.id),
    module: r.module,
    kind: r.kind,
    reference: r.reference,
    status: r.status,
    state: r.state,
    childId: r.child_id,
    organisationId: r.organisation_id,
    link: r.link,
    submittedAt: iso(r.submitted_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The signed-in person's requests across services, as the modules reported them to the registry. */
export async function myRequests(
  db: Db,
  userId: string,
  f: { state?: RequestState; page: number; pageSize: number },
): Promise<MyRequests> {
  const { total, rows } = await q.listRequestsOf(db, userId, f);
  return { items: rows.map(toRequest), total, page: f.page, pageSize: f.pageSize };
}

export async function portalNews(db: Db, f: { page: number; pageSize: number }): Promise<PortalNews> {
  const { total, rows } = await q.listNews(db, f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      publishedOn: r.published_on,
      module: r.module,
      titleRu: r.title_ru,
      titleEn: r.title_en,
      bodyRu: r.body_ru,
      bodyEn: r.body_en,
      link: r.link,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

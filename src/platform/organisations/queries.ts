import { sql } from 'kysely';
import type { Organisation, VkCommunity } from '../../contracts/platform-organisations.js';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/transaction.js';

const COLUMNS = [
  'id',
  'kind',
  'full_name',
  'short_name',
  'name_en',
  'inn',
  'kpp',
  'ogrn',
  'municipality_id',
  'address',
  'lat',
  'lon',
  'phone',
  'email',
  'website',
  'head_name',
  'status',
  'updated_at',
] as const;

export type OrganisationRow = Awaited<ReturnType<typeof lockOrganisation>> & object;

export function toOrganisation(r: OrganisationRow): Omit<Organisation, 'vkCommunities'> {
  return {
    id: r.id,
    kind: r.kind,
    fullName: r.full_name,
    shortName: r.short_name,
    nameEn: r.name_en,
    inn: r.inn,
    kpp: r.kpp,
    ogrn: r.ogrn,
    municipalityId: r.municipality_id,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    phone: r.phone,
    email: r.email,
    website: r.website,
    headName: r.head_name,
    status: r.status,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findOrganisation(db: Executor, id: number) {
  return db.selectFrom('organisation').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function lockOrganisation(db: Executor, id: number) {
  return db.selectFrom('organisation').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function organisationScopeRow(db: Executor, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'kind', 'municipality_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface OrganisationFilter {
  kind?: string;
  municipalityId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

/** A page of the registry, by name; a search ranks by relevance (Russian stemming, prefixes). */
export async function listOrganisations(db: Db, f: OrganisationFilter) {
  const terms = f.q
    ?.split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => `${t}:*`)
    .join(' & ');
  let q = db.selectFrom('organisation');
  if (f.kind) q = q.where('kind', '=', f.kind as never);
  if (f.municipalityId) q = q.where('municipality_id', '=', f.municipalityId);
  if (terms) q = q.where(sql<boolean>`search @@ to_tsquery('russian', ${terms})`);
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLUMNS)
    .orderBy(terms ? sql`ts_rank(search, to_tsquery('russian', ${terms})) desc` : sql`short_name`)
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export async function vkCommunitiesOf(db: Executor, organisationId: number): Promise<VkCommunity[]> {
  const rows = await db
    .selectFrom('organisation_vk_community')
    .select(['group_id', 'screen_name', 'clubs_app_installed'])
    .where('organisation_id', '=', organisationId)
    .orderBy('group_id')
    .execute();
  return rows.map((r) => ({
    groupId: Number(r.group_id),
    screenName: r.screen_name,
    clubsAppInstalled: r.clubs_app_installed,
  }));
}

/** The organisation that already holds one of these VK groups, other than `organisationId`. */
export async function vkGroupHolder(db: Executor, organisationId: number, groupIds: number[]) {
  if (groupIds.length === 0) return undefined;
  return db
    .selectFrom('organisation_vk_community')
    .select(['group_id', 'organisation_id'])
    .where('group_id', 'in', groupIds)
    .where('organisation_id', '<>', organisationId)
    .executeTakeFirst();
}

export async function replaceVkCommunities(tx: Executor, organisationId: number, list: VkCommunity[]) {
  await tx.deleteFrom('organisation_vk_community').where('organisation_id', '=', organisationId).execute();
  if (list.length === 0) return;
  await tx
    .insertInto('organisation_vk_community')
    .values(
      list.map((c) => ({
        group_id: c.groupId,
        organisation_id: organisationId,
        screen_name: c.screenName,
        clubs_app_installed: c.clubsAppInstalled,
      })),
    )
    .execute();
}

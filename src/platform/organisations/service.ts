import type {
  Organisation,
  OrganisationCardInput,
  VkCommunity,
} from '../../contracts/platform-organisations.js';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { fieldChanges } from '../audit/field-changes.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { conflict, invalidField, notFound } from '../http/problem.js';
import * as q from './queries.js';

/** Card fields and their columns; a field left out of the request is left as it is. */
const CARD_COLUMNS = {
  fullName: 'full_name',
  shortName: 'short_name',
  nameEn: 'name_en',
  inn: 'inn',
  kpp: 'kpp',
  ogrn: 'ogrn',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  phone: 'phone',
  email: 'email',
  website: 'website',
  headName: 'head_name',
} as const satisfies Record<keyof OrganisationCardInput, string>;

export async function organisationCard(db: Db, id: number): Promise<Organisation> {
  const row = await q.findOrganisation(db, id);
  if (!row) throw notFound('Organisation');
  return { ...q.toOrganisation(row), vkCommunities: await q.vkCommunitiesOf(db, id) };
}

/**
 * Changes the card's fields that differ, with their before and after in the audit. Rules the
 * schema cannot see are checked against the stored card: coordinates come in pairs, a КПП needs an
 * ИНН, and an ИНН with its КПП names one organisation.
 */
export async function updateCard(db: Db, actor: Actor, id: number, input: OrganisationCardInput) {
  return inTransaction(db, async (tx) => {
    const before = await q.lockOrganisation(tx, id);
    if (!before) throw notFound('Organisation');
    const { set, changes } = fieldChanges(before, input, CARD_COLUMNS);
    const after = { ...before, ...set } as typeof before;
    if ((after.lat === null) !== (after.lon === null))
      throw invalidField(after.lat === null ? 'lat' : 'lon', 'Give both coordinates or neither.');
    if (after.kpp !== null && after.inn === null)
      throw invalidField('inn', 'A КПП belongs to an ИНН: give the ИНН too.');
    if (after.inn !== null && ('inn' in set || 'kpp' in set)) {
      const other = await tx
        .selectFrom('organisation')
        .select(['id', 'short_name'])
        .where('inn', '=', after.inn)
        .where((e) => (after.kpp === null ? e('kpp', 'is', null) : e('kpp', '=', after.kpp)))
        .where('id', '<>', id)
        .executeTakeFirst();
      if (other)
        throw conflict(`ИНН ${after.inn} with this КПП is registered to «${other.short_name}».`, {
          errors: [{ field: 'inn', message: 'registered to another organisation' }],
        });
    }
    if (Object.keys(set).length === 0) return { changed: [] as string[] };
    await tx
      .updateTable('organisation')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'organisation.card.updated',
      subjectType: 'organisation',
      subjectId: id,
      municipalityId: before.municipality_id,
      summary: { kind: before.kind, changes },
    });
    return { changed: Object.keys(changes) };
  });
}

/** Sets the organisation's official VK communities; a group belongs to one organisation. */
export async function replaceVkCommunities(db: Db, actor: Actor, id: number, list: VkCommunity[]) {
  return inTransaction(db, async (tx) => {
    const before = await q.lockOrganisation(tx, id);
    if (!before) throw notFound('Organisation');
    const taken = await q.vkGroupHolder(
      tx,
      id,
      list.map((c) => c.groupId),
    );
    if (taken)
      throw conflict(`VK group ${taken.group_id} is another organisation's community.`, {
        errors: [
          { field: 'communities', message: `group ${taken.group_id} belongs to another organisation` },
        ],
      });
    const old = await q.vkCommunitiesOf(tx, id);
    await q.replaceVkCommunities(tx, id, list);
    await recordAudit(tx, actor, {
      action: 'organisation.vk_communities.replaced',
      subjectType: 'organisation',
      subjectId: id,
      municipalityId: before.municipality_id,
      summary: { from: old, to: list },
    });
    return q.vkCommunitiesOf(tx, id);
  });
}

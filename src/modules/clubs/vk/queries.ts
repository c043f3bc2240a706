import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import '../tables.js';

/** Stores the launch; false when its `sign` was already exchanged (a replay). */
export async function insertLaunch(
  db: Executor,
  l: {
    signHash: string;
    tokenHash: string;
    vkUserId: number;
    groupId: number | null;
    organisationId: number | null;
    vkTs: Date;
    expiresAt: Date;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('clubs_vk_launch')
    .values({
      sign_hash: l.signHash,
      token_hash: l.tokenHash,
      vk_user_id: l.vkUserId,
      vk_group_id: l.groupId,
      organisation_id: l.organisationId,
      vk_ts: l.vkTs,
      expires_at: l.expiresAt,
    })
    .onConflict((oc) => oc.column('sign_hash').doNothing())
    .returning('sign_hash')
    .executeTakeFirst();
  return !!row;
}

export async function countRefusal(db: Executor, reason: 'signature' | 'stale' | 'replayed') {
  await db
    .updateTable('clubs_vk_refusal')
    .set({ count: sql`count + 1` })
    .where('reason', '=', reason)
    .execute();
}

export async function refusalCounts(db: Db) {
  return db.selectFrom('clubs_vk_refusal').select(['reason', 'count']).execute();
}

/** The community's organisation (the platform's registry of VK communities). */
export async function organisationOfCommunity(db: Executor, groupId: number) {
  const row = await db
    .selectFrom('organisation_vk_community as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.municipality_id'])
    .where('c.group_id', '=', groupId)
    .where('o.status', '=', 'active')
    .executeTakeFirst();
  return row ?? null;
}

export async function linkedUser(db: Executor, vkUserId: number) {
  const row = await db
    .selectFrom('clubs_vk_account')
    .select('user_id')
    .where('vk_user_id', '=', String(vkUserId))
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function launchByToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('clubs_vk_launch')
    .select(['vk_user_id', 'vk_group_id', 'organisation_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function linkAccount(tx: Executor, vkUserId: number, userId: string) {
  await tx
    .insertInto('clubs_vk_account')
    .values({ vk_user_id: vkUserId, user_id: userId })
    .onConflict((oc) => oc.column('vk_user_id').doUpdateSet({ user_id: userId, linked_at: new Date() }))
    .execute();
}

export async function unlinkUser(tx: Executor, userId: string, exceptVkUserId: number) {
  await tx
    .deleteFrom('clubs_vk_account')
    .where('user_id', '=', userId)
    .where('vk_user_id', '<>', String(exceptVkUserId))
    .execute();
}

/** Communities with the clubs app installed, for the demo «VK launcher» (public registry data). */
export async function demoCommunities(db: Db, limit: number) {
  return db
    .selectFrom('organisation_vk_community as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.group_id', 'c.screen_name', 'o.id as organisation_id', 'o.short_name'])
    .where('c.clubs_app_installed', '=', true)
    .where('o.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('clubs_programme as p')
          .select('p.id')
          .whereRef('p.organisation_id', '=', 'o.id')
          .where('p.status', '=', 'published'),
      ),
    )
    .orderBy('o.short_name')
    .orderBy('c.group_id')
    .limit(limit)
    .execute();
}

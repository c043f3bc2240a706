import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  categoryTreeSchema,
  topicsQuerySchema,
  topicsSchema,
  type FeedbackTopics,
} from '../../contracts/feedback.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/db/database.js';
import { topicCounts } from './appeals/queries.js';
import { CATEGORIES, DEFAULT_CATEGORY_TREE } from './categories/category-tree.js';

/**
 * The most frequent appeal topics registered from `from` to `to` (inclusive): the public contract the
 * contests service reads for its nominations (counts only, no appeal's text or author).
 */
export async function frequentTopics(db: Db, from: string, to: string, limit = 20): Promise<FeedbackTopics> {
  const counts = await topicCounts(db, from, to);
  const total = counts.reduce((s, c) => s + c.count, 0);
  return {
    from,
    to,
    total,
    topics: counts.slice(0, limit).map((c) => {
      const leaf = CATEGORIES.leaf(c.categoryCode);
      return {
        categoryCode: c.categoryCode,
        groupCode: leaf?.group.code ?? c.categoryCode.split('.')[0]!,
        titleRu: leaf?.ru ?? c.categoryCode,
        titleEn: leaf?.en ?? c.categoryCode,
        count: c.count,
        share: total === 0 ? 0 : Math.round((c.count / total) * 10_000) / 10_000,
      };
    }),
  };
}

export function publicFeedbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' };
  const tags = ['feedback'];

  r.get(
    '/api/feedback/categories',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'The category tree: topic groups and their categories',
        response: { 200: categoryTreeSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return {
        groups: DEFAULT_CATEGORY_TREE.map((g) => ({
          code: g.code,
          ru: g.ru,
          en: g.en,
          leaves: g.leaves.map((l) => ({
            code: l.code,
            ru: l.ru,
            en: l.en,
            messageTarget: l.messageTarget ?? null,
          })),
        })),
      };
    },
  );

  r.get(
    '/api/feedback/topics',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'The most frequent appeal topics over a period, with counts and share (for contests)',
        querystring: topicsQuerySchema,
        response: { 200: topicsSchema },
      },
    },
    async (request) => frequentTopics(ctx.db, request.query.from, request.query.to, request.query.limit),
  );
}

import { Redis } from 'ioredis';

/**
 * The store shared by every server process (rate-limit counters now, shared caches later), when
 * REDIS_URL is set. Without it each process keeps its own in memory, which is right for one process.
 */
export type SharedStore = Redis;

/** The address without its password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable REDIS_URL)';
  }
}

/**
 * Connects and checks the server answers before the app starts: a process that cannot reach the
 * shared store must not serve with per-process counters (each process would allow the whole limit).
 *
 * Once running, a command fails at once while the connection is down (no offline queue, one retry),
 * so a request never hangs on the store; the client reconnects by itself with backoff.
 */
export async function connectSharedStore(
  url: string,
  opts: { connectTimeoutMs?: number } = {},
): Promise<SharedStore> {
  let lastError: Error | null = null;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: opts.connectTimeoutMs ?? 10_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  const remember = (err: Error) => (lastError = err);
  redis.on('error', remember);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const reason = (lastError ?? (err as Error)).message || String(err);
    throw new Error(
      `Redis at ${describeRedisUrl(url)} is unreachable (${reason}); start it or unset REDIS_URL`,
    );
  }
  redis.off('error', remember);
  return redis;
}

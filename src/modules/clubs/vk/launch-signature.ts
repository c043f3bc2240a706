import crypto from 'node:crypto';

/**
 * VK Mini App launch parameters, checked exactly as /work/shared/specs/vk-launch-params.md says:
 * keep the `vk_` parameters, sort them by name (byte order), join `name=encodeURIComponent(value)`
 * with `&`, HMAC-SHA256 with the app's secret, base64url without padding, compare with `sign` in
 * constant time. Pure apart from the HMAC: the clock is passed in.
 */
export interface LaunchParams {
  /** The `vk_` parameters as decoded from the query string. */
  vk: Map<string, string>;
  sign: string | null;
}

export function parseLaunchQuery(query: string): LaunchParams {
  const raw = query.startsWith('?') ? query.slice(1) : query;
  const vk = new Map<string, string>();
  let sign: string | null = null;
  for (const [name, value] of new URLSearchParams(raw)) {
    if (name === 'sign') sign = value;
    else if (name.startsWith('vk_')) vk.set(name, value);
  }
  return { vk, sign };
}

/** Byte order of the names (the spec's «sort by name»), not the locale's. */
function byteOrder(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

export function stringToSign(vk: ReadonlyMap<string, string>): string {
  return [...vk.entries()]
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

export function signLaunch(vk: ReadonlyMap<string, string>, secret: string): string {
  return crypto.createHmac('sha256', secret).update(stringToSign(vk)).digest('base64url');
}

export function signatureValid(params: LaunchParams, secret: string): boolean {
  if (!params.sign) return false;
  const expected = Buffer.from(signLaunch(params.vk, secret));
  const given = Buffer.from(params.sign);
  // timingSafeEqual needs equal lengths; a length mismatch is already a refusal.
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export type LaunchRefusal = 'signature' | 'stale';

export interface LaunchCheck {
  appId: number;
  secret: string;
  maxAgeSeconds: number;
  now: Date;
}

export interface VerifiedLaunch {
  vkUserId: number;
  groupId: number | null;
  ts: number;
  sign: string;
  language: string | null;
}

const POSITIVE_INT = /^[1-9][0-9]{0,15}$/;
/** A `vk_ts` from the future is tolerated by this much clock skew. */
export const FUTURE_SKEW_SECONDS = 300;

/**
 * The launch's verdict: `signature` when `sign` is missing or wrong or the app is not ours, `stale`
 * when `vk_ts` is older than the maximum age, more than 5 minutes ahead, or absent (a launch whose
 * age cannot be told cannot be shown fresh). Replays are the caller's memory, not decided here.
 */
export function checkLaunch(
  params: LaunchParams,
  check: LaunchCheck,
): { ok: true; launch: VerifiedLaunch } | { ok: false; reason: LaunchRefusal } {
  if (!signatureValid(params, check.secret)) return { ok: false, reason: 'signature' };
  if (params.vk.get('vk_app_id') !== String(check.appId)) return { ok: false, reason: 'signature' };
  const userId = params.vk.get('vk_user_id') ?? '';
  if (!POSITIVE_INT.test(userId)) return { ok: false, reason: 'signature' };
  const tsText = params.vk.get('vk_ts') ?? '';
  const ts = POSITIVE_INT.test(tsText) ? Number(tsText) : NaN;
  const nowSeconds = Math.floor(check.now.getTime() / 1000);
  if (!Number.isFinite(ts) || nowSeconds - ts > check.maxAgeSeconds || ts - nowSeconds > FUTURE_SKEW_SECONDS)
    return { ok: false, reason: 'stale' };
  const group = params.vk.get('vk_group_id');
  return {
    ok: true,
    launch: {
      vkUserId: Number(userId),
      groupId: group && POSITIVE_INT.test(group) ? Number(group) : null,
      ts,
      sign: params.sign!,
      language: params.vk.get('vk_language') ?? null,
    },
  };
}

/** Builds a signed launch query, as VK does (the demo «VK launcher» and the tests play VK's part). */
export function signedLaunchQuery(vk: Record<string, string | number>, secret: string): string {
  const map = new Map(Object.entries(vk).map(([k, v]) => [k, String(v)]));
  const pairs = [...map.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return [...pairs, `sign=${signLaunch(map, secret)}`].join('&');
}

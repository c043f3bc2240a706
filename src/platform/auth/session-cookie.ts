import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from './session-store.js';

const secureCookie = (config: Config) => config.COOKIE_SECURE ?? config.publicUrl.startsWith('https://');

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(config),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * The browser that starts a citizen sign-in keeps its attempt's `state` here; the callback signs in only
 * the browser that shows it. Without it, a stranger could send someone the callback URL of his own
 * attempt and have them signed in as him ("login CSRF"). Lax, so the provider's redirect back
 * (a top-level GET from another site) still carries it.
 */
export const OIDC_ATTEMPT_COOKIE = 'or_oidc_attempt';
export const OIDC_ATTEMPT_TTL_SECONDS = 10 * 60;

export function setOidcAttemptCookie(reply: FastifyReply, config: Config, state: string): void {
  reply.setCookie(OIDC_ATTEMPT_COOKIE, state, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(config),
    maxAge: OIDC_ATTEMPT_TTL_SECONDS,
  });
}

export function clearOidcAttemptCookie(reply: FastifyReply): void {
  reply.clearCookie(OIDC_ATTEMPT_COOKIE, { path: '/' });
}

/** Whether the cookie holds this state, compared in constant time (hashes make the lengths equal). */
export function attemptCookieMatches(cookie: string | undefined, state: string): boolean {
  if (!cookie) return false;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(cookie), digest(state));
}

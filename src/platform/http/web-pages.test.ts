import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownPage, matchesPattern, pagePathsFromSource } from './web-pages.js';

const PATTERNS = ['login', 'queue/*', 'feedback/confirm/:token', 'feedback', 'staff/audit/*'];

describe('web pages', () => {
  it('reads the literal route paths of a manifest, leaving out the catch-all', () => {
    const src = `routes: [
      { path: 'kindergartens/*', lazy: () => import('../kindergartens/route') },
      {
        path: "staff/placement/*",
        access: ACCESS.staff,
      },
      { path: '*', Component: NotFoundPage },
      { path: '/', Component: RootLayout },
    ]`;
    expect(pagePathsFromSource(src)).toEqual(['kindergartens/*', 'staff/placement/*', '']);
  });

  it.each([
    '/',
    '/login',
    '/queue',
    '/queue/123/history',
    '/%71ueue',
    '/feedback/confirm/abc',
    '/login?next=/my',
  ])('%s is a page', (url) => expect(isKnownPage(url, PATTERNS)).toBe(true));

  it.each([
    '/no-such-page',
    '/login/extra',
    '/feedback/confirm',
    '/feedback/confirm/a/b',
    '/%E0%A4%A',
    '/queuex',
  ])('%s is not a page', (url) => expect(isKnownPage(url, PATTERNS)).toBe(false));

  it('a splat pattern matches every path below its prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 4 }), (rest) => {
        expect(matchesPattern('queue/*', ['queue', ...rest].join('/'))).toBe(true);
        expect(matchesPattern('queue', ['queue', ...rest].join('/'))).toBe(rest.length === 0);
      }),
    );
  });

  it('optional segments may be left out', () => {
    expect(matchesPattern('a/:id?', 'a')).toBe(true);
    expect(matchesPattern('a/:id?', 'a/1')).toBe(true);
    expect(matchesPattern('a/:id?', 'a/1/2')).toBe(false);
  });
});

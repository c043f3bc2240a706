/**
 * Where a browser may be sent back to after sign-in: a path on this site, nothing else. Shared by the
 * API (the OIDC start route stores it, the callback redirects to it) and the web app.
 *
 * A strict allow-list rather than a list of known tricks: browsers strip tab, CR and LF from URLs and
 * read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would leave the site, and CR/LF in a
 * Location header is refused by Node (a 500). Only printable URL characters are allowed, and a percent
 * escape may not hide a control character, a space or a backslash either (a proxy or router that
 * decodes once must still see a same-site path).
 */
const PATH_CHARACTERS = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;
// The second character decides whether "/" starts a path or a scheme-relative URL ("//host", "/\host").
const SCHEME_RELATIVE = /^\/(?:\/|%2f|%5c)/i;
const BAD_ESCAPE = /%(?![0-9a-f]{2})|%(?:[01][0-9a-f]|20|5c|7f)/i;
// A "." or ".." segment, plain or escaped: normalising «/.//evil.example» (or one decoding of
// «/.%2f/evil.example») yields the scheme-relative «//evil.example». App paths never need one.
const DOT_SEGMENT = /(?:^|\/|%2f)(?:\.|%2e){1,2}(?:$|\/|%2f)/i;

export const RETURN_PATH_MAX_LENGTH = 500;

/** The value itself when it is a safe same-site path, otherwise `fallback`. */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > RETURN_PATH_MAX_LENGTH) return fallback;
  if (!PATH_CHARACTERS.test(value) || SCHEME_RELATIVE.test(value) || BAD_ESCAPE.test(value)) return fallback;
  if (DOT_SEGMENT.test(value.split(/[?#]/, 1)[0]!)) return fallback;
  return value;
}

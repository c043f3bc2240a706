/**
 * Which paths are pages of the web app. The server answers every GET outside the API with the
 * single-page shell, but a path no page owns gets it with status 404 (the shell then shows its
 * «404» page), so crawlers, link checkers and monitoring see the truth.
 *
 * The list is written by the web build (`dist/pages.json`, see web/vite.config.ts) from the route
 * paths of web/src/app/router.tsx and every web/src/features/<x>/manifest.tsx, so a new service's
 * pages are known without touching the server.
 */

export const PAGES_FILE = 'pages.json';

/**
 * The route paths written as string literals (`path: 'queue/*'`) in a router or manifest source.
 * The catch-all `*` (the not-found route itself) is not a page.
 */
export function pagePathsFromSource(source: string): string[] {
  const paths: string[] = [];
  for (const m of source.matchAll(/\bpath:\s*(['"`])([^'"`]*)\1/g)) {
    const p = m[2]!.replace(/^\/+/, '');
    if (p === '*') continue;
    paths.push(p);
  }
  return paths;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Whether the route pattern (react-router syntax: `a/:id`, `a/*`, `a/b?`) matches the path. */
export function matchesPattern(pattern: string, path: string): boolean {
  const want = segments(pattern);
  const have = segments(path);
  let i = 0;
  for (const seg of want) {
    if (seg === '*') return true;
    const optional = seg.endsWith('?');
    const name = optional ? seg.slice(0, -1) : seg;
    const got = have[i];
    if (got === undefined) {
      if (optional) continue;
      return false;
    }
    if (name.startsWith(':') || name.toLowerCase() === got.toLowerCase()) {
      i += 1;
      continue;
    }
    if (optional) continue;
    return false;
  }
  return i === have.length;
}

/** Whether a request path (query left off, percent-escapes allowed) is one of the app's pages. */
export function isKnownPage(url: string, patterns: readonly string[]): boolean {
  let path = url.split('?')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (segments(path).length === 0) return true; // the home page
  return patterns.some((p) => matchesPattern(p, path));
}

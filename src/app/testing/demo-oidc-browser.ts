/**
 * A minimal browser for medium tests of citizen sign-in: real HTTP to a test app that listens
 * (startTestApp({ listen: true })), its own cookie jar, redirects followed by hand so a test can stop
 * at the provider's redirect back to the product and decide which browser opens it.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; accept?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = init.accept ? { accept: init.accept } : {};
    if (this.cookies.size)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(new URL(url, this.baseUrl), {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) this.storeCookie(line);
    return res;
  }

  /** Where a redirect points, resolved against the request's URL. */
  static location(res: Response, from: string): string {
    const to = res.headers.get('location');
    if (!to || res.status < 300 || res.status >= 400)
      throw new Error(`expected a redirect from ${from}, got ${res.status}`);
    return new URL(to, new URL(from, 'http://placeholder.invalid')).href;
  }

  private storeCookie(line: string): void {
    const [pair, ...attributes] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const gone = attributes.some((a) => {
      const [key, v] = a.trim().split('=');
      if (key?.toLowerCase() === 'max-age') return Number(v) <= 0;
      if (key?.toLowerCase() === 'expires') return new Date(v!).getTime() <= Date.now();
      return false;
    });
    if (gone || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/**
 * Starts a citizen sign-in in `browser` (`startQuery` is the start route's query string as sent, e.g.
 * `returnTo=%2Fmy`) and signs in at the demo provider as `sub`; returns the URL the provider sends the
 * browser back to (the product's callback with `code` and `state`), not yet opened.
 */
export async function signInAtDemoProvider(
  browser: TestBrowser,
  sub: string,
  startQuery = '',
): Promise<string> {
  const start = `/api/auth/oidc/start${startQuery ? `?${startQuery}` : ''}`;
  let url = TestBrowser.location(await browser.request(start), `${browser.baseUrl}${start}`);
  url = TestBrowser.location(await browser.request(url), url); // authorize → the sign-in page
  const page = await browser.request(url);
  if (page.status !== 200) throw new Error(`demo sign-in page: ${page.status}`);
  const action = /action="([^"]+)"/.exec(await page.text())![1]!;
  const login = new URL(action, url).href;
  url = TestBrowser.location(await browser.request(login, { form: { sub } }), login);
  // Back at the provider's authorize endpoint, which now redirects to the product's callback.
  for (let hops = 0; !new URL(url).pathname.startsWith('/api/auth/oidc/callback'); hops++) {
    if (hops > 5) throw new Error(`the provider did not send the browser back: ${url}`);
    url = TestBrowser.location(await browser.request(url), url);
  }
  return url;
}

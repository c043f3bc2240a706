import * as client from 'openid-client';
import type { Config } from '../config.js';
import { DEMO_OIDC_SCOPE, demoChildrenUrl, demoIssuer, oidcRedirectUri } from './oidc-demo-provider.js';

/**
 * The product's OpenID Connect client (authorization code + PKCE). It talks to OIDC_ISSUER, or to the
 * embedded demo provider in demo mode. Discovery is lazy: the demo provider is this same server.
 */
export class CitizenOidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly config: Config) {}

  get issuer(): string {
    return this.config.OIDC_ISSUER ?? demoIssuer(this.config);
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const insecure = this.issuer.startsWith('http://');
      this.configuration = client
        .discovery(
          new URL(this.issuer),
          this.config.OIDC_CLIENT_ID,
          this.config.OIDC_CLIENT_SECRET,
          undefined,
          {
            execute: insecure ? [client.allowInsecureRequests] : [],
          },
        )
        .catch((err: unknown) => {
          this.configuration = null;
          throw err;
        });
    }
    return this.configuration;
  }

  async start(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidcRedirectUri(this.config),
      // The demo provider plays ЕСИА: it is asked for the children's kid_* scopes too.
      scope: this.config.OIDC_ISSUER ? this.config.OIDC_SCOPE : DEMO_OIDC_SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async finish(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{
    sub: string;
    fullName: string;
    email: string | null;
    phone: string | null;
    /** The provider confirmed the account (ЕСИА `trusted`). */
    confirmed: boolean;
    /** The two-digit subject code of the registration address, when the provider gives one. */
    registrationRegion: string | null;
    /** The kids collection's body as the provider sent it (checked by the families code that reads it). */
    children: unknown;
  }> {
    const configuration = await this.discover();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const sub = tokens.claims()!.sub;
    const info = await client.fetchUserInfo(configuration, tokens.access_token, sub);
    const name =
      [info.family_name, info.given_name, info.middle_name].filter(Boolean).join(' ') ||
      info.name ||
      'Гражданин';
    return {
      sub,
      fullName: name,
      email: info.email ?? null,
      phone: info.phone_number ?? null,
      confirmed: info.trusted === true,
      registrationRegion:
        typeof info.registration_region === 'string' && /^[0-9]{2}$/.test(info.registration_region)
          ? info.registration_region
          : null,
      children: await this.fetchChildren(configuration, tokens.access_token, sub),
    };
  }

  /**
   * ЕСИА's children resource, read with the citizen's own access token. Sign-in does not depend on
   * it: when the resource fails, the citizen signs in without children (and adds them by hand).
   */
  private async fetchChildren(configuration: client.Configuration, accessToken: string, sub: string) {
    const template = this.config.OIDC_ISSUER ? this.config.OIDC_CHILDREN_URL : demoChildrenUrl(this.config);
    if (!template) return null;
    const url = new URL(template.replace('{sub}', encodeURIComponent(sub)));
    const res = await client
      .fetchProtectedResource(
        configuration,
        accessToken,
        url,
        'GET',
        undefined,
        new Headers({ accept: 'application/json' }),
      )
      .catch(() => null);
    if (!res?.ok) return null;
    return res.json().catch(() => null) as Promise<unknown>;
  }
}
